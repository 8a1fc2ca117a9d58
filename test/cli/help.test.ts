/**
 * Every subcommand explains itself (`keyfigures X --help`), and every listing offers --json.
 * The binary is started once (its wiring); each subcommand's help is read through the same
 * `main` in-process, because a dozen node start-ups cost half a minute of the suite.
 */
import { describe, it, expect } from 'vitest';
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { COMMAND_NAMES, loadAllCommands } from '../../src/cli/commands.js';
import { main } from '../../src/cli.js';

const COMMANDS = await loadAllCommands();

const BIN = path.resolve(__dirname, '../../src/bin.mjs');

function cli(...args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: os.tmpdir(), env: { PATH: process.env.PATH, HOME: os.tmpdir() }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.once('exit', (code) => resolve({ code, out }));
  });
}

/** `main(args)` with its standard output captured. */
async function inProcess(...args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string | Uint8Array) => ((out += String(chunk)), true)) as typeof process.stdout.write;
  try {
    return { code: await main(args), out };
  } finally {
    process.stdout.write = write;
  }
}

describe('keyfigures COMMAND --help', { timeout: 60_000 }, () => {
  it('prints usage, summary and option details for every subcommand, exit 0, touching nothing', async () => {
    expect(COMMANDS.map((c) => c.name)).toEqual(COMMAND_NAMES);
    const binary = await cli('status', '--help');
    expect(binary.code).toBe(0);
    expect(binary.out).toMatch(/^Usage: keyfigures status\b/);
    const answers: Array<{ code: number | null; out: string }> = [];
    for (const c of COMMANDS) answers.push(await inProcess(c.name, '--help'));
    COMMANDS.forEach((command, i) => {
      const { code, out } = answers[i]!;
      expect(code, command.name).toBe(0);
      expect(out, command.name).toMatch(new RegExp(`^Usage: keyfigures ${command.name}\\b`));
      expect(out, command.name).toContain(command.summary);
      expect(command.details?.length, `${command.name} has no details for --help`).toBeGreaterThan(0);
    });
  });

  it('offers --json on every listing', () => {
    const listings = ['feeds', 'schedule', 'subscribers', 'status', 'archive', 'digest', 'demo', 'backfill'];
    for (const name of listings) expect(COMMANDS.find((c) => c.name === name)?.usage, name).toContain('--json');
  });
});

/** Every subcommand explains itself (`keyfigures X --help`), and every listing offers --json. */
import { describe, it, expect } from 'vitest';
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { COMMAND_NAMES, loadAllCommands } from '../../src/cli/commands.js';
import { mapLimit } from '../../src/support/map-limit.js';

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

describe('keyfigures COMMAND --help', { timeout: 60_000 }, () => {
  it('prints usage, summary and option details for every subcommand, exit 0, touching nothing', async () => {
    expect(COMMANDS.map((c) => c.name)).toEqual(COMMAND_NAMES);
    // A few processes at a time: a dozen node start-ups at once starve a small CI machine.
    const answers: Array<{ code: number | null; out: string }> = [];
    await mapLimit(COMMANDS, 3, async (c, i) => {
      answers[i] = await cli(c.name, '--help');
    });
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

/**
 * `npm start` for someone who just cloned the repository and got the Telegram side wrong: the real
 * `keyfigures bot` on the embedded SQLite file (no other service), with a token Telegram refuses
 * or a Bot API it cannot reach. It must stop with one line naming what to fix — no stack trace, no
 * warnings from parts still running as the database closes — and leave the token out of it all.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { botEnv, freePort, runCli } from '../support/bot-process.js';
import { FakeBotApi } from '../support/fake-bot-api.js';

/** Well-formed, but not the token the fake Bot API accepts. */
const WRONG_TOKEN = '987654321:AAWrongTokenWrongTokenWrongToken_0123';
/** A stack frame, as printed or as escaped in a JSON log line. */
const STACK_FRAME = /(\n|\\n)\s+at \S/;

let api: FakeBotApi;
let dir: string;

beforeAll(async () => {
  api = await FakeBotApi.start();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-start-failure-'));
});

afterAll(async () => {
  await api?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('keyfigures bot that cannot use Telegram', { timeout: 60_000 }, () => {
  it('a refused token: exit 2 and what to do about it, without a stack trace', async () => {
    const r = await runCli(['bot'], botEnv(api, dir, { TELEGRAM_BOT_TOKEN: WRONG_TOKEN }), dir);
    const output = r.stdout + r.stderr;
    expect(r.status, output).toBe(2);
    expect(r.stderr).toContain('Telegram refused TELEGRAM_BOT_TOKEN (401 Unauthorized)');
    expect(r.stderr).toContain('@BotFather');
    expect(output).not.toMatch(STACK_FRAME);
    expect(output).not.toMatch(/"level":(40|50)/);
    expect(output).not.toContain('WrongToken');
  });

  it('an unreachable Bot API: exit 1, naming the address and TELEGRAM_API_ROOT, without a stack trace', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const r = await runCli(['bot'], botEnv(api, dir, { TELEGRAM_API_ROOT: closed }), dir);
    const output = r.stdout + r.stderr;
    expect(r.status, output).toBe(1);
    expect(r.stderr).toContain(`could not reach the Telegram Bot API at ${closed} (ECONNREFUSED)`);
    expect(r.stderr).toContain('TELEGRAM_API_ROOT');
    expect(output).not.toMatch(STACK_FRAME);
    expect(output).not.toMatch(/"level":(40|50)/);
    expect(output).not.toContain(api.token.split(':')[1]!);
  });
});

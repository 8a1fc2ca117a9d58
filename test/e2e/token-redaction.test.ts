/**
 * The bot token never reaches the output, even in a forced error whose message embeds the request
 * URL (which carries the token): the real bot process with TELEGRAM_API_ROOT on a closed port.
 */
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, startBotProcess } from '../support/bot-process.js';

const TOKEN = '987654321:AAredactionTestToken_abcdefghijklmnopq';
const SECRET_PART = TOKEN.split(':')[1]!;

describe('token redaction in a forced failure', { timeout: 30_000 }, () => {
  it('fails to reach Telegram, says so, exits 1 — and prints neither the token nor its secret part', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-redact-'));
    try {
      const closed = await freePort();
      const bot = startBotProcess(
        {
          TELEGRAM_BOT_TOKEN: TOKEN,
          TELEGRAM_API_ROOT: `http://127.0.0.1:${closed}`,
          DATABASE_PATH: path.join(dir, 'kf.db'),
          DIGESTS_DIR: path.join(dir, 'digests'),
          LOG_LEVEL: 'debug',
          WEBHOOK_SECRET: 'unused_but_secret_value_42',
        },
        dir,
      );
      const code = await new Promise<number | null>((resolve) => bot.child.once('exit', resolve));
      const out = bot.output();
      expect(code).toBe(1);
      // the failure itself is reported, with the address it tried
      expect(out).toMatch(/ECONNREFUSED|connect/);
      expect(out).toContain(`127.0.0.1:${closed}`);
      expect(out).not.toContain(TOKEN);
      expect(out).not.toContain(SECRET_PART);
      expect(out).not.toContain('unused_but_secret_value_42');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

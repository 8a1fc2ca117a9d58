/**
 * Two `keyfigures bot` processes on one database and one token: one long-polls, the other stands
 * by. kill -9 of the poller: the standby takes over and commands are answered again within 10 s.
 * Runs on SQLite (two processes on one file) and on PostgreSQL when PG_URL is set.
 */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBotProcess, botEnv, type BotProcess } from '../support/bot-process.js';
import { FakeBotApi } from '../support/fake-bot-api.js';
import { PG_URL } from '../store/adapters.js';

const USER = { id: 7101, type: 'private' as const, first_name: 'Taras' };
const LEADING = /"msg":"leading"/;

const databases: Array<{ name: string; env: (dir: string) => NodeJS.ProcessEnv; skip: string | false }> = [
  { name: 'SQLite', env: (dir) => ({ DATABASE_PATH: path.join(dir, 'kf.db') }), skip: false },
  {
    name: 'PostgreSQL',
    // Each run in a schema of its own (?schema=), so runs sharing the server never meet.
    env: (dir) => ({ DATABASE_URL: `${PG_URL}${PG_URL?.includes('?') ? '&' : '?'}schema=${path.basename(dir).replace(/\W/g, '_').toLowerCase()}` }),
    skip: PG_URL ? false : 'PostgreSQL — skipped: set PG_URL=postgres://postgres@127.0.0.1:5432/test to run',
  },
];

for (const db of databases) {
  describe.skipIf(db.skip)(db.skip || `polling failover — ${db.name}`, { timeout: 60_000 }, () => {
    let api: FakeBotApi;
    let dir: string;
    const bots: BotProcess[] = [];
    beforeEach(async () => {
      api = await FakeBotApi.start();
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-failover-'));
    });
    afterEach(async () => {
      for (const b of bots.splice(0)) if (b.child.exitCode === null) b.child.kill('SIGKILL');
      await api.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('one process polls; when it is killed the standby answers within 10 s', async () => {
      const env = botEnv(api, dir, { FETCH_CRON: '0 0 1 1 *', SCHEDULE_CHECK_SECONDS: '3600', ...db.env(dir) });
      const first = startBotProcess(env, dir);
      bots.push(first);
      await first.waitForOutput(LEADING, 20_000);
      const second = startBotProcess(env, dir);
      bots.push(second);
      await second.waitForOutput(/"msg":"standing by"/, 20_000);

      api.sendText(USER, '/help');
      await api.waitFor((m) => m.chat_id === USER.id, 15_000);
      expect(LEADING.test(second.output())).toBe(false);

      first.child.kill('SIGKILL');
      const killedAt = Date.now();
      api.sendText(USER, '/start');
      const answer = await api.waitFor((m) => m.chat_id === USER.id && /Subscribed|subscribed/.test(m.text), 20_000);
      const takeoverMs = Date.now() - killedAt;
      expect(answer).toBeDefined();
      await second.waitForOutput(LEADING, 1_000);
      // The product promise (a standby takes over within 10 s of a leader's death); measured, not tuned.
      console.log(`polling failover: the standby answered ${takeoverMs} ms after the leader's kill -9`);
      expect(takeoverMs).toBeLessThan(10_000);
    });
  });
}

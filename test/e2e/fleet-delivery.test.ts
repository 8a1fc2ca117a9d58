/**
 * A fleet on PostgreSQL: three `keyfigures bot` processes on one database and one token, against
 * the fake Bot API with Telegram's flood limits on. `keyfigures deliver --now` to every
 * subscriber: each gets the edition exactly once, the fleet together stays within the configured
 * rate (its slots are booked in the database), and Telegram never answers 429.
 * Needs PG_URL (skips, saying so, without it).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBotProcess, botEnv, runCli, type BotProcess } from '../support/bot-process.js';
import { FakeBotApi } from '../support/fake-bot-api.js';
import { openStore } from '../../src/store/open-store.js';
import { PG_URL, PG_SKIP } from '../store/adapters.js';

const SUBSCRIBERS = Number(process.env.KF_FLEET_SUBSCRIBERS ?? 150);
const RATE = 20;
const INSTANCES = 3;

/** How long sending may take: three times the time at the configured rate (a loaded machine) and 30 s more, at least 60 s. */
const SEND_WITHIN_MS = Math.max(60_000, (SUBSCRIBERS / RATE) * 1000 * 3 + 30_000);

describe.skipIf(!PG_URL)(PG_URL ? `fleet of ${INSTANCES} bots on PostgreSQL` : PG_SKIP, { timeout: SEND_WITHIN_MS + 60_000 }, () => {
  let api: FakeBotApi;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const bots: BotProcess[] = [];
  const chats = Array.from({ length: SUBSCRIBERS }, (_, i) => 9000 + i);

  beforeAll(async () => {
    // Telegram's limits as the fake enforces them: 30 msg/s for the bot, 1/s per private chat.
    api = await FakeBotApi.start({ latencyMs: 20 });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-fleet-'));
    const schema = `kf_fleet_${process.pid}_${Date.now().toString(36)}`;
    env = botEnv(api, dir, {
      DATABASE_URL: `${PG_URL}${PG_URL!.includes('?') ? '&' : '?'}schema=${schema}`,
      DIGEST_CRON: '0 0 1 1 *',
      FETCH_CRON: '0 0 1 1 *',
      SEND_RATE_PER_SECOND: String(RATE),
    });
    const store = await openStore({ kind: 'postgres', url: env.DATABASE_URL! });
    try {
      for (const id of chats) {
        api.addChat({ id, type: 'private', first_name: `U${id}` });
        await store.subscribe({ chatId: id, chatType: 'private', title: null }, new Date(Date.now() - 3_600_000));
      }
      await store.saveDigest(
        { date: '2026-11-24', createdAt: new Date(Date.now() - 3_600_000), timezone: 'UTC', stories: [] },
      );
    } finally {
      await store.close();
    }
  });

  afterAll(async () => {
    await Promise.all(bots.map((b) => b.stop()));
    await api?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('delivers to every subscriber exactly once, within the fleet rate, with no 429', async () => {
    for (let i = 0; i < INSTANCES; i++) bots.push(startBotProcess(env, dir));
    await Promise.all(bots.map((b) => b.waitForOutput(/"msg":"(leading|standing by)"/, 30_000)));
    expect(bots.filter((b) => /"msg":"leading"/.test(b.output()))).toHaveLength(1);

    const delivered = await runCli(['deliver', '--now'], env, dir);
    expect(delivered.status, delivered.stderr).toBe(0);
    // Polled cheaply: api.waitFor runs its predicate once per message sent, and a predicate that looks
    // up every chat made each poll O(messages² × chats) — at 1,000 subscribers the test process, which
    // hosts the fake API, slowed the fake to ~5 answers a second.
    const deadline = Date.now() + SEND_WITHIN_MS;
    while (new Set(api.sent().map((m) => m.chat_id)).size < chats.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));

    const missing = chats.filter((id) => api.sent(id).length === 0);
    const twice = chats.filter((id) => api.sent(id).length > 1);
    expect({ missing: missing.length, twice: twice.length }).toEqual({ missing: 0, twice: 0 });
    expect(api.rejected().filter((r) => r.error_code === 429)).toEqual([]);

    // Together they kept the configured rate: slots are booked 1/RATE apart across the fleet. (Per
    // second, what the fake sees is jittered by each process's work between its slot and the request
    // — a database fence, a round trip, a busy CPU — which Telegram's own burst allowance absorbs:
    // the 0 × 429 above is the judge of that.)
    const times = chats.map((id) => api.sent(id)[0]!.at).sort((a, b) => a - b);
    // 5%: the first and last arrival carry the same jitter, over a span of ~7 s at 20/s.
    const rate = (times.length - 1) / ((times.at(-1)! - times[0]!) / 1000);
    console.log(`fleet delivery: ${INSTANCES} bots, ${SUBSCRIBERS} subscribers, ${rate.toFixed(2)} msg/s = ${((100 * rate) / RATE).toFixed(1)}% of the limit ${RATE}/s, 0 × 429, 0 missing, 0 twice`);
    expect(rate).toBeLessThanOrEqual(RATE * 1.05);
  });
});

/**
 * /admin broadcast goes out through the outbox, as digests do: queued once when confirmed, sent by
 * any worker of the fleet within the flood limits, retried after retry_after, kept across a
 * sender's death, chats that blocked the bot deactivated. Against the fake Bot API with flood
 * limits on; SQLite always, PostgreSQL when PG_URL is set.
 */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { Telegram } from 'telegraf';
import type { Store } from '../../src/store/store.js';
import { FakeBotApi } from '../support/fake-bot-api.js';
import { OutboxWorker, drainOutbox } from '../../src/delivery/outbox.js';
import { FloodLimiter } from '../../src/delivery/flood-limiter.js';
import { TelegrafSender } from '../../src/delivery/telegraf-sender.js';
import { createLogger } from '../../src/support/logger.js';
import { renderDigestView } from '../../src/delivery/digest-view.js';
import { splitPart } from '../../src/delivery/digest-part.js';
import { textView, viewGroup } from '../support/digest-views.js';
import { ADAPTERS, PG_SKIP, type TestDatabase } from '../store/adapters.js';

const logger = createLogger({ level: 'silent' });
/** Markup characters, shown as typed: the text is not HTML. */
const TEXT = 'Maintenance tonight at 22:00 <UTC> & "no digest" for an hour';
const sender = (fake: FakeBotApi) => new TelegrafSender(new Telegram(fake.token, { apiRoot: fake.apiRoot }));
const limiter = () => new FloodLimiter({ globalPerSecond: 20, privateIntervalMs: 1000, groupPerMinute: 20 });

/** N chats subscribed (every 10th a group), known to the fake API. */
async function subscribe(store: Store, fake: FakeBotApi, n: number): Promise<number[]> {
  const chats: number[] = [];
  for (let i = 0; i < n; i++) {
    const id = i % 10 === 9 ? -(3000 + i) : 3000 + i;
    if (id < 0) fake.addChat({ id, type: 'group', title: `Group ${i}` });
    else fake.addChat({ id, type: 'private', first_name: `User ${i}` });
    await store.subscribe({ chatId: id, chatType: id < 0 ? 'group' : 'private', title: null }, new Date());
    chats.push(id);
  }
  return chats;
}

for (const adapter of ADAPTERS) {
  describe.skipIf(adapter.skip)(adapter.skip ? PG_SKIP : `broadcasts through the outbox — ${adapter.name}`, { timeout: 60_000 }, () => {
    let database: TestDatabase;
    let api: FakeBotApi;
    beforeEach(async () => {
      database = await adapter.fresh();
      api = await FakeBotApi.start();
    });
    afterEach(async () => {
      await api.close();
      await database.dispose();
    });

    it('is queued once for every active chat when confirmed, never when cancelled or confirmed twice', async () => {
      const store = await database.open();
      const chats = await subscribe(store, api, 5);
      await store.deactivate(chats[4]!, 'left');
      const id = await store.createBroadcast(1, TEXT, new Date());
      const [first, second] = await Promise.all([store.queueBroadcast(id, new Date()), store.queueBroadcast(id, new Date())]);
      expect([first, second].filter((q) => q !== null)).toEqual([{ text: TEXT, queued: 4 }]);
      const cancelled = await store.createBroadcast(1, 'never', new Date());
      expect(await store.decideBroadcast(cancelled, 'cancelled', new Date())).not.toBeNull();
      expect(await store.queueBroadcast(cancelled, new Date())).toBeNull();
      expect(await store.deliveryCounts()).toMatchObject({ pending: 4 });
    });

    it('two workers send it to each chat once, after the digest queued before it, within retry_after; blocked chats are deactivated', async () => {
      const store = await database.open();
      const chats = await subscribe(store, api, 30);
      const digest = await store.saveDigest({ date: '2026-12-03', createdAt: new Date(), timezone: 'UTC', stories: [] });
      const view = textView(['Earlier edition']);
      await store.enqueueEdition(digest.id, [viewGroup(view, chats)], null);
      const digestHtml = renderDigestView(view).map((p) => splitPart(p).html);
      const blocked = chats[2]!;
      api.blockChat(blocked);
      api.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 1', retry_after: 1, count: 2 });
      const id = await store.createBroadcast(1, TEXT, new Date());
      expect(await store.queueBroadcast(id, new Date())).toEqual({ text: TEXT, queued: chats.length });

      const workers = await Promise.all([store, await database.open()].map(async (s) => new OutboxWorker({ store: s, sender: sender(api), logger, limiter: limiter(), pollMs: 50 })));
      await Promise.all(workers.map((w) => w.start()));
      const reports = await Promise.all(workers.map((w) => w.run({ untilIdle: true, until: async () => (await store.deliveryCounts()).pending === 0 })));
      await Promise.all(workers.map((w) => w.stop()));

      for (const chat of chats.filter((c) => c !== blocked)) {
        expect(api.sent(chat).map((m) => m.html), `chat ${chat}`).toEqual([...digestHtml, expect.any(String)]);
        expect(api.sent(chat).at(-1)!.text).toBe(TEXT);
      }
      expect(api.sent(blocked)).toEqual([]);
      expect(await store.getSubscriber(blocked)).toMatchObject({ active: false });
      expect(reports[0]!.deactivated + reports[1]!.deactivated).toBe(1);
      expect(reports[0]!.rateLimited + reports[1]!.rateLimited).toBe(2);
      // Only the two scripted 429s: the limiter kept the fake's flood limits.
      expect(api.calls('sendMessage').filter((c) => c.status === 429)).toHaveLength(2);
      const calls = api.calls('sendMessage');
      for (const [i, call] of calls.entries()) {
        if (call.status !== 429) continue;
        const next = calls.slice(i + 1).find((c) => c.params.chat_id === call.params.chat_id);
        expect(next!.at - call.at).toBeGreaterThanOrEqual(1000 - 5);
      }
    });

    it('a sender that dies mid-send loses nothing: another sends the rest, repeating at most the one on the wire', async () => {
      const store = await database.open();
      const chats = await subscribe(store, api, 8);
      const id = await store.createBroadcast(1, TEXT, new Date());
      await store.queueBroadcast(id, new Date());
      // The dead sender: it heartbeated long ago, leased three rows and had one on the wire.
      const longAgo = new Date(Date.now() - 60_000);
      await store.heartbeat({ owner: 'dead', kind: 'bot', pid: 999_999 }, longAgo);
      const leased = await store.claimDeliveries('dead', { now: longAgo, limit: 3, leaseMs: 3_600_000, staleBefore: longAgo });
      expect(leased).toHaveLength(3);
      expect(leased.every((row) => row.broadcast === TEXT && row.digestId === null)).toBe(true);
      expect(await store.startSending(leased[0]!.id, 'dead', new Date(Date.now() + 3_600_000), longAgo)).toBe(true);

      const report = await drainOutbox({ store: await database.open(), sender: sender(api), logger, limiter: limiter(), pollMs: 50 });
      expect(report.sent).toBe(chats.length);
      expect(report.uncertain).toBe(1);
      for (const chat of chats) expect(api.sent(chat).map((m) => m.text)).toEqual([TEXT]);
    });
  });
}

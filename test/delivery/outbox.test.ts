import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { drainOutbox } from '../../src/delivery/outbox.js';
import { FloodLimiter } from '../../src/delivery/flood-limiter.js';
import { SendError, type ChatSender } from '../../src/delivery/chat-sender.js';
import { createLogger } from '../../src/support/logger.js';
import { pidSpace } from '../../src/delivery/pid-space.js';
import { spawnSync } from 'node:child_process';
import { textView, titleIn, viewGroup } from '../support/digest-views.js';

const logger = createLogger({ level: 'silent' });
const fastLimits = () => new FloodLimiter({ globalPerSecond: 10_000, privateIntervalMs: 0, groupPerMinute: 10_000 });

/** The words the tests' parts are titled by. */
const WORDS = ['one', 'two', 'three'];

/** A scripted sender: per chat, a queue of outcomes; records what was sent (as the part's word, for a part of a queued view). */
class ScriptedSender implements ChatSender {
  sent: Array<{ chatId: number; html: string }> = [];
  constructor(private readonly script: Record<number, Array<SendError | 'ok'>> = {}) {}
  async sendHtml(chatId: number, html: string): Promise<number> {
    const outcome = this.script[chatId]?.shift() ?? 'ok';
    if (outcome !== 'ok') throw outcome;
    this.sent.push({ chatId, html: titleIn(html, WORDS) ?? html });
    return this.sent.length;
  }
  async sendPhoto(chatId: number, _photo: unknown, opts: { captionHtml: string }): Promise<{ messageId: number; fileId: string | null }> {
    return { messageId: await this.sendHtml(chatId, `[photo] ${opts.captionHtml}`), fileId: null };
  }
}

let store: SqliteStore;
beforeEach(() => {
  store = openSqliteStore(':memory:');
});
afterEach(() => store.close());

/** An edition whose messages are one story each, titled `parts`, queued for `chats`. */
async function queue(parts: string[], chats: number[]) {
  for (const chatId of chats) await store.subscribe({ chatId, chatType: chatId < 0 ? 'group' : 'private', title: null }, new Date());
  const digest = await store.saveDigest({ date: '2026-11-24', createdAt: new Date(), timezone: 'UTC', stories: [] });
  await store.enqueueEdition(digest.id, [viewGroup(textView(parts), chats)], null);
  return digest;
}

describe('drainOutbox', () => {
  it('sends every part to every chat, in order per chat', async () => {
    const digest = await queue(['one', 'two', 'three'], [1, 2, 3]);
    const sender = new ScriptedSender();
    const report = await drainOutbox({ store, sender, logger, limiter: fastLimits() });
    expect(report.sent).toBe(9);
    for (const chat of [1, 2, 3]) {
      expect(sender.sent.filter((s) => s.chatId === chat).map((s) => s.html)).toEqual(['one', 'two', 'three']);
    }
    expect(await store.deliveryCounts(digest.id)).toMatchObject({ sent: 9, pending: 0 });
  });

  it('deactivates a chat that blocked the bot and cancels the rest of its parts', async () => {
    await queue(['one', 'two'], [1, 2]);
    const sender = new ScriptedSender({ 2: [new SendError('chat_gone', 'Forbidden: bot was blocked by the user', { code: 403 })] });
    const report = await drainOutbox({ store, sender, logger, limiter: fastLimits() });
    expect(report).toMatchObject({ sent: 2, deactivated: 1 });
    expect(await store.getSubscriber(2)).toMatchObject({ active: false, deactivatedReason: 'Forbidden: bot was blocked by the user' });
    expect(await store.deliveryCounts()).toMatchObject({ sent: 2, cancelled: 2 });
  });

  it('waits retry_after on 429 and leaves the part queued, not failed', async () => {
    await queue(['one'], [1]);
    const sender = new ScriptedSender({ 1: [new SendError('rate_limited', 'Too Many Requests: retry after 30', { retryAfterSec: 30, code: 429 })] });
    const report = await drainOutbox({ store, sender, logger, limiter: fastLimits() });
    expect(report).toMatchObject({ sent: 0, retried: 1 });
    const claim = (inMs: number) => store.claimDeliveries('probe', { now: new Date(Date.now() + inMs), limit: 5, leaseMs: 1000, staleBefore: new Date(Date.now() + inMs) });
    expect(await claim(28_000)).toEqual([]);
    const [row] = await claim(31_000);
    expect(row).toMatchObject({ state: 'pending', lastError: 'Too Many Requests: retry after 30' });
  });

  it('retries a transient failure later and gives up a rejected message at once', async () => {
    await queue(['one'], [1, 2]);
    const sender = new ScriptedSender({
      1: [new SendError('transient', 'Internal Server Error', { code: 500 })],
      2: [new SendError('rejected', "Bad Request: can't parse entities", { code: 400 })],
    });
    const report = await drainOutbox({ store, sender, logger, limiter: fastLimits() });
    expect(report).toMatchObject({ sent: 0, retried: 1, failed: 1 });
    expect(await store.deliveryCounts()).toMatchObject({ pending: 1, failed: 1 });
  });

  it('follows a group that became a supergroup', async () => {
    await queue(['one'], [-10]);
    const sender = new ScriptedSender({ [-10]: [new SendError('migrated', 'Bad Request: group chat was upgraded to a supergroup chat', { migrateTo: -100555 })] });
    await drainOutbox({ store, sender, logger, limiter: fastLimits() });
    expect(sender.sent).toEqual([{ chatId: -100555, html: 'one' }]);
  });
});

describe('sends on the wire', () => {
  /** A sender whose calls take a while, counting how many overlap. */
  class SlowSender extends ScriptedSender {
    onWire = 0;
    mostOnWire = 0;
    override async sendHtml(chatId: number, html: string): Promise<number> {
      this.mostOnWire = Math.max(this.mostOnWire, ++this.onWire);
      try {
        await new Promise((r) => setTimeout(r, 5));
        return await super.sendHtml(chatId, html);
      } finally {
        this.onWire--;
      }
    }
  }
  const chats = Array.from({ length: 20 }, (_, i) => i + 1);

  it('are one at a time by default, so a kill -9 can repeat at most one message', async () => {
    await queue(['one'], chats);
    const sender = new SlowSender();
    expect(await drainOutbox({ store, sender, logger, limiter: fastLimits() })).toMatchObject({ sent: 20 });
    expect(sender.mostOnWire).toBe(1);
  });

  it('are as many as maxInFlight (SEND_IN_FLIGHT) allows', async () => {
    await queue(['one'], chats);
    const sender = new SlowSender();
    expect(await drainOutbox({ store, sender, logger, limiter: fastLimits(), maxInFlight: 3 })).toMatchObject({ sent: 20 });
    expect(sender.mostOnWire).toBe(3);
  });
});

describe('a sender that died on this machine', () => {
  // A pid that ran and is gone: a process that has exited (and been waited for).
  const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;
  const now = () => new Date().toISOString();
  const lease = (owner: string, limit: number) =>
    store.claimDeliveries(owner, { now: new Date(now()), limit, leaseMs: 60_000, staleBefore: new Date(Date.now() - 5_000) });

  it.skipIf(pidSpace() === null)('is forgotten when another sender starts: its leased rows go out at once, not after its heartbeat lapses', async () => {
    await queue(['one'], [1, 2, 3, 4]);
    // Killed mid-send: chats 1 and 2 leased, the send to 1 started.
    await store.heartbeat({ owner: 'killed', kind: 'bot', pid: deadPid(), pidSpace: pidSpace() }, new Date(now()));
    const [cutOff] = await lease('killed', 2);
    await store.startSending(cutOff!.id, 'killed', new Date(Date.now() + 60_000), new Date(now()));
    // Alive: a sender whose process runs here (our parent), and one on another machine whose pid means nothing here.
    await store.heartbeat({ owner: 'parent', kind: 'bot', pid: process.ppid, pidSpace: pidSpace() }, new Date(now()));
    await lease('parent', 1);
    await store.heartbeat({ owner: 'elsewhere', kind: 'bot', pid: deadPid(), pidSpace: 'another-boot:pid:[1]' }, new Date(now()));
    await lease('elsewhere', 1);

    const sender = new ScriptedSender();
    const report = await drainOutbox({ store, sender, logger, limiter: fastLimits() });
    expect(sender.sent.map((s) => s.chatId)).toEqual([1, 2]);
    expect(report).toMatchObject({ sent: 2, uncertain: 1 });
    expect((await store.liveWorkers(null)).map((w) => w.owner).sort()).toEqual(['elsewhere', 'parent']);
  });
});

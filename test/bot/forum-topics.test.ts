/** Forum groups: answers go to the topic a command came from; a deleted topic falls back to General. */
import { afterEach, describe, expect, it } from 'vitest';
import { Telegram } from 'telegraf';
import { BRIDGE, KURSK, seedArticle, startHarness, type Harness } from './bot-harness.js';
import { routeSends } from '../../src/bot/route-sends.js';
import { TelegrafSender } from '../../src/delivery/telegraf-sender.js';
import { drainOutbox } from '../../src/delivery/outbox.js';
import { FloodLimiter } from '../../src/delivery/flood-limiter.js';
import { queueDigestNow } from '../../src/delivery/queue-digests.js';
import { createLogger } from '../../src/support/logger.js';
import { textView, titleIn, viewGroup } from '../support/digest-views.js';

const FORUM = { id: -1_009_000_000_001, type: 'supergroup' as const, title: 'Newsroom forum', is_forum: true };
const MEMBER = { id: 4242 };

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

/** Send `text` in `threadId` (undefined: General) and wait for `count` replies. */
async function sayIn(harness: Harness, threadId: number | undefined, text: string, count = 1) {
  const before = harness.api.sent(FORUM.id).length;
  harness.api.sendText(FORUM, text, MEMBER, threadId === undefined ? {} : { threadId });
  return (await harness.api.waitForMessages(FORUM.id, before + count, 5000)).slice(before);
}

describe('forum topics', () => {
  it('answers a command in the topic it came from, and one from General in General', async () => {
    h = await startHarness();
    const news = h.api.createTopic(FORUM, 'News');
    const chat = h.api.createTopic(FORUM, 'Chat');
    const [inNews] = await sayIn(h, news, '/help');
    expect(inNews).toMatchObject({ message_thread_id: news });
    const [inChat] = await sayIn(h, chat, '/settings');
    expect(inChat).toMatchObject({ message_thread_id: chat });
    const [inGeneral] = await sayIn(h, undefined, '/help');
    expect(inGeneral).not.toHaveProperty('message_thread_id');
    expect(h.api.rejected()).toEqual([]);
    expect(h.errors).toEqual([]);
  });

  it('a message a handler sends itself (ctx.telegram.sendMessage) goes to the topic; if the topic is deleted meanwhile, to General', async () => {
    h = await startHarness();
    const topic = h.api.createTopic(FORUM, 'News');
    const telegram = new Telegram(h.api.token, { apiRoot: h.api.apiRoot });
    routeSends(telegram, h.deps.sender, { chatId: FORUM.id, threadId: topic });
    await telegram.sendMessage(FORUM.id, 'later answer');
    h.api.deleteTopic(FORUM.id, topic);
    await telegram.sendMessage(FORUM.id, 'answer after the topic was deleted');
    expect(h.api.sent(FORUM.id).map((m) => [m.text, m.message_thread_id])).toEqual([
      ['later answer', topic],
      ['answer after the topic was deleted', undefined],
    ]);
    expect(h.api.rejected().map((r) => r.description)).toEqual(['Bad Request: message thread not found']);
  });
});

/** The outbox of the harness's database sending through the fake, once, until idle. */
async function deliver(harness: Harness) {
  const sender = new TelegrafSender(new Telegram(harness.api.token, { apiRoot: harness.api.apiRoot }));
  return drainOutbox({ store: harness.store, sender, logger: createLogger({ level: 'silent' }), limiter: new FloodLimiter(NO_WAIT) });
}

const NO_WAIT = { globalPerSecond: 100_000, privateIntervalMs: 0, groupPerMinute: 1_000_000, groupIntervalMs: 0 };
const ADMIN = { id: 777 };

describe('/digest_here', () => {
  it('an admin chooses the topic in it; scheduled digests arrive there, every part', async () => {
    h = await startHarness();
    h.api.setChatMember(FORUM.id, ADMIN.id, 'administrator');
    const topic = h.api.createTopic(FORUM, 'Daily numbers');
    const [refused] = await sayIn(h, topic, '/digest_here'); // a member may not
    expect(refused).toMatchObject({ message_thread_id: topic, text: expect.stringMatching(/only this group's admins/i) });
    expect((await h.store.getDeliveryOptions(FORUM.id)).digestTopic).toBeNull();

    h.api.sendText(FORUM, '/start', ADMIN);
    await h.api.waitForMessages(FORUM.id, 2, 5000);
    const before = h.api.sent(FORUM.id).length;
    h.api.sendText(FORUM, '/digest_here', ADMIN, { threadId: topic });
    const [set] = (await h.api.waitForMessages(FORUM.id, before + 1, 5000)).slice(before);
    expect(set).toMatchObject({ message_thread_id: topic, text: 'Digests will arrive in this topic.' });
    expect(await h.store.getDeliveryOptions(FORUM.id)).toMatchObject({ digestTopic: topic });

    await seedArticle(h.store, KURSK);
    await seedArticle(h.store, BRIDGE);
    const queued = await queueDigestNow({ store: h.store, logger: createLogger({ level: 'silent' }), settings: h.deps.settings, chatId: FORUM.id });
    expect(queued.queued).toBeGreaterThan(0);
    const sentBefore = h.api.sent(FORUM.id).length;
    await deliver(h);
    const digest = h.api.sent(FORUM.id).slice(sentBefore);
    expect(digest).toHaveLength(queued.queued);
    expect(digest[0]!.text).toContain('KeyFigures');
    for (const part of digest) expect(part.message_thread_id).toBe(topic);
    expect(h.api.rejected()).toEqual([]);
  });

  it('explains itself in General and in a chat without topics; in General it brings digests back to General', async () => {
    h = await startHarness();
    h.api.setChatMember(FORUM.id, ADMIN.id, 'administrator');
    const topic = h.api.createTopic(FORUM, 'Daily numbers');
    const say = async (threadId: number | undefined, chat: { id: number; type: 'supergroup' | 'group'; title: string; is_forum?: boolean } = FORUM) => {
      const before = h!.api.sent(chat.id).length;
      h!.api.sendText(chat, '/digest_here', ADMIN, threadId === undefined ? {} : { threadId });
      return (await h!.api.waitForMessages(chat.id, before + 1, 5000))[before]!;
    };
    expect((await say(undefined)).text).toMatch(/^Send \/digest_here inside the topic/);
    expect((await say(topic)).text).toMatch(/^Digests will arrive in this topic\.\nThis group is not subscribed yet: send \/start/);
    expect((await say(topic)).text).toMatch(/^Digests already arrive in this topic/);
    const general = await say(undefined);
    expect(general.text).toMatch(/^Digests go to General again/);
    expect(general.message_thread_id).toBeUndefined();
    expect((await h.store.getDeliveryOptions(FORUM.id)).digestTopic).toBeNull();
    const plain = await say(undefined, { id: -4003, type: 'group', title: 'Plain group' });
    expect(plain.text).toMatch(/^This chat has no topics, so the digest arrives right here/);
  });

  it('a deleted topic: the group is told in General, the digest follows it there, every part, nothing lost', async () => {
    h = await startHarness();
    const topic = h.api.createTopic(FORUM, 'Daily numbers');
    await h.store.subscribe({ chatId: FORUM.id, chatType: 'supergroup', title: FORUM.title }, new Date());
    await h.store.setDigestTopic(FORUM.id, topic);
    const titles = ['Part one', 'Part two', 'Part three'];
    const digest = await h.store.saveDigest({ date: '2026-11-24', createdAt: new Date(), timezone: 'UTC', stories: [] });
    await h.store.enqueueEdition(digest.id, [viewGroup(textView(titles), [FORUM.id])], null);
    h.api.deleteTopic(FORUM.id, topic);

    const report = await deliver(h);
    expect(h.api.sent(FORUM.id).map((m) => [titleIn(m.text, titles) ?? m.text, m.message_thread_id])).toEqual([
      ['The digest topic was deleted, so digests now go to General. To choose another topic, send /digest_here in it.', undefined],
      ['Part one', undefined],
      ['Part two', undefined],
      ['Part three', undefined],
    ]);
    expect(h.api.rejected().map((r) => [r.method, r.description])).toEqual([['sendMessage', 'Bad Request: message thread not found']]);
    expect(report).toMatchObject({ sent: 3, failed: 0 });
    expect(await h.store.deliveryCounts(digest.id)).toMatchObject({ sent: 3, pending: 0, failed: 0 });
    expect((await h.store.getDeliveryOptions(FORUM.id)).digestTopic).toBeNull();
  });
});

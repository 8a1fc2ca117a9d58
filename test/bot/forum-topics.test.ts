/** Forum groups: answers go to the topic a command came from; a deleted topic falls back to General. */
import { afterEach, describe, expect, it } from 'vitest';
import { Telegram } from 'telegraf';
import { startHarness, type Harness } from './bot-harness.js';
import { routeSends } from '../../src/bot/route-sends.js';

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

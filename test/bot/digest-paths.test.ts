/**
 * The scheduled digest and /digest build a chat's digest with one rule (its feeds and topics, then
 * the story limit): for chats with topics, sources and a story limit they show the same stories in
 * the same order. The scheduled digest carries the same story buttons and a "more" button, and a
 * chat already shown these stories is not sent them again.
 */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { Telegram } from 'telegraf';
import { startHarness, seedArticle, buttons, type Harness } from './bot-harness.js';
import { queueDigestNow } from '../../src/delivery/queue-digests.js';
import { drainOutbox } from '../../src/delivery/outbox.js';
import { TelegrafSender } from '../../src/delivery/telegraf-sender.js';
import { FloodLimiter } from '../../src/delivery/flood-limiter.js';
import { createLogger } from '../../src/support/logger.js';

const logger = createLogger({ level: 'silent' });
const STORIES = [
  ['bridge', 'Harbour bridge reopens after repairs costing $48m', 'The harbour bridge reopened on Tuesday after repairs costing $48m. About 1,350 lorries a day used the crossing before it shut.'],
  ['harvest', 'Wheat harvest falls to 12 million tonnes after dry summer', 'Farmers gathered 12 million tonnes of wheat this year, down 9% on last year, the ministry said.'],
  ['rail', 'Rail operator orders 240 new carriages for commuter lines', 'The operator ordered 240 carriages worth £1.2bn, to enter service from 2028 on eight commuter lines.'],
  ['ukraine', 'Ukraine brings home 303 prisoners of war in exchange', 'Ukraine brought home 303 prisoners of war on Friday; 70 of them had defended Mariupol.'],
  ['rates', 'Central bank holds interest rates at 4.25% for third month', 'The central bank held its main rate at 4.25%, with inflation at 3.1% in October.'],
  ['football', 'Football club sells 41,000 season tickets in record week', 'The club sold 41,000 season tickets in seven days, beating the record of 38,500 set in 2019.'],
  ['hospital', 'New hospital wing adds 320 beds and 14 operating theatres', 'The wing cost $210m and adds 320 beds and 14 operating theatres, the health authority said.'],
] as const;

let h: Harness;
let feeds: number[];
beforeEach(async () => {
  h = await startHarness({ env: { MAX_STORIES: '2' } });
  feeds = [(await h.store.addFeed('https://one.test/rss')).feed.id, (await h.store.addFeed('https://two.test/rss')).feed.id];
  for (const [i, [, title, text]] of STORIES.entries()) {
    await seedArticle(h.store, { title, text, feedId: feeds[i % 2]!, minutesAgo: 30 + i });
  }
});
afterEach(async () => {
  expect(h.api.rejected()).toEqual([]);
  expect(h.errors).toEqual([]);
  await h.stop();
});

/** The numbered story titles of a digest message, in order. */
const titles = (text: string) => [...text.matchAll(/^(\d+)\. (.+)$/gm)].map((m) => `${m[1]}. ${m[2]}`);

async function scheduled(chatId: number) {
  const result = await queueDigestNow({ store: h.store, logger, settings: h.deps.settings, chatId });
  const sender = new TelegrafSender(new Telegram(h.api.token, { apiRoot: h.api.apiRoot }));
  await drainOutbox({ store: h.store, sender, logger, limiter: new FloodLimiter({ globalPerSecond: 1000, privateIntervalMs: 0, groupPerMinute: 1000, groupIntervalMs: 0 }), pollMs: 10 });
  return result;
}

describe('one digest rule for /digest and the schedule', () => {
  it('same stories in the same order for chats with topics, sources and the story limit', async () => {
    const chats = [
      { id: 8101, setup: async () => undefined },
      { id: 8102, setup: () => h.store.setTopics(8102, { include: ['rail', 'football', 'hospital'], exclude: [] }) },
      { id: 8103, setup: () => h.store.setFeedChoice(8103, { mode: 'only', optIns: [feeds[1]!], optOuts: [] }) },
      { id: 8104, setup: () => h.store.setTopics(8104, { include: [], exclude: ['bridge', 'harvest'] }) },
    ];
    for (const chat of chats) {
      const c = { id: chat.id, type: 'private' as const, first_name: `C${chat.id}` };
      await h.say(c, '/start');
      await chat.setup();
      const before = h.api.sent(chat.id).length;
      await scheduled(chat.id);
      const [fromSchedule] = h.api.sent(chat.id).slice(before);
      const [fromCommand] = await h.say(c, '/digest');
      const expected = titles(fromSchedule!.text);
      expect(expected, `chat ${chat.id}`).toHaveLength(2);
      expect(titles(fromCommand!.text), `chat ${chat.id}`).toEqual(expected);
      // the same buttons: a story each, then "more" (every chat here has more than 2 stories)
      expect(buttons(fromSchedule!).map((b) => b.text), `chat ${chat.id}`).toEqual(['Story 1', 'Story 2', 'More stories ›']);
      expect(buttons(fromCommand!).map((b) => b.callback_data)).toEqual(buttons(fromSchedule!).map((b) => b.callback_data));
    }
    // the topic filter is applied before the limit: chat 8102 gets its three topics' stories, not fewer
    const page2 = await h.press({ id: 8102 }, h.api.sent(8102).at(-1)!.message_id, 'more:2', undefined, 1);
    expect(titles(page2[0]!.text)).toHaveLength(1);
    expect(page2[0]!.text).toContain('More stories · 3 of 3');
    expect(buttons(page2[0]!).map((b) => b.text)).toEqual(['Story 3']);
  });

  it('a group given an edition is not sent it again when the same edition is queued a second time', async () => {
    const group = -8301;
    h.api.addChat({ id: group, type: 'group', title: 'Desk' });
    await h.store.subscribe({ chatId: group, chatType: 'group', title: 'Desk' }, new Date());
    const first = await scheduled(group);
    expect(first.queued).toBeGreaterThan(0);
    const sent = h.api.sent(group).length;
    expect(sent).toBeGreaterThan(0);
    expect(await scheduled(group)).toMatchObject({ digestId: first.digestId, repeats: 1, queued: 0 });
    expect(h.api.sent(group)).toHaveLength(sent);
  });

  it('a chat already shown these stories (by /digest) is not sent them again by the schedule', async () => {
    const c = { id: 8201, type: 'private' as const, first_name: 'Di' };
    await h.say(c, '/start');
    await h.say(c, '/digest');
    const before = h.api.sent(c.id).length;
    const result = await scheduled(c.id);
    expect(result).toMatchObject({ repeats: 1, queued: 0 });
    expect(h.api.sent(c.id)).toHaveLength(before);
  });
});

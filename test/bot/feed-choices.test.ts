/**
 * A chat's feeds are its choices applied to the feed list as it is now: a chat that left feed A
 * gets feed C when an operator adds it (in the scheduled digest, /digest and /sources alike), a
 * chat that chose "only B" does not, and removing a feed shifts nothing.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { Telegram } from 'telegraf';
import { startHarness, seedArticle, type Harness } from './bot-harness.js';
import { queueDigestNow } from '../../src/delivery/queue-digests.js';
import { drainOutbox } from '../../src/delivery/outbox.js';
import { TelegrafSender } from '../../src/delivery/telegraf-sender.js';
import { FloodLimiter } from '../../src/delivery/flood-limiter.js';
import { createLogger } from '../../src/support/logger.js';
import { previewDigest } from '../../src/app/make-digest.js';
import { renderTelegram } from '../../src/render/render-telegram.js';

const logger = createLogger({ level: 'silent' });
const STORY = {
  a: { title: 'Harbour bridge reopens after repairs costing $48m', text: 'The harbour bridge reopened on Tuesday after repairs costing $48m. About 1,350 lorries a day used the crossing.' },
  b: { title: 'Wheat harvest falls to 12 million tonnes after dry summer', text: 'Farmers gathered 12 million tonnes of wheat this year, down 9% on last year, the ministry said.' },
  c: { title: 'Rail operator orders 240 new carriages for commuter lines', text: 'The operator ordered 240 carriages worth £1.2bn, to enter service from 2028 on eight commuter lines.' },
};
const LEAVER = { id: 8301, type: 'private' as const, first_name: 'Lea' };
const ONLY_B = { id: 8302, type: 'private' as const, first_name: 'Obi' };

let h: Harness;
afterEach(async () => {
  expect(h.api.rejected()).toEqual([]);
  expect(h.errors).toEqual([]);
  await h.stop();
});

/**
 * The scheduled digest for one chat, through the outbox; its text ('' when nothing was sent). The
 * edition is saved first, as the schedule's own build would: its archive files and picture card
 * (seconds of drawing) are not what this test is about.
 */
async function scheduledDigest(chatId: number): Promise<string> {
  const since = new Date(Date.now() - h.deps.settings.windowHours * 3_600_000);
  const edition = await previewDigest({ store: h.store, settings: h.deps.settings, window: { fetchedSince: since, publishedSince: since } });
  if (JSON.stringify((await h.store.latestDigest())?.stories) !== JSON.stringify(edition.stories)) await h.store.saveDigest(edition);
  const before = h.api.sent(chatId).length;
  await queueDigestNow({ store: h.store, logger, settings: h.deps.settings, chatId });
  const sender = new TelegrafSender(new Telegram(h.api.token, { apiRoot: h.api.apiRoot }));
  await drainOutbox({ store: h.store, sender, logger, limiter: new FloodLimiter({ globalPerSecond: 1000, privateIntervalMs: 0, groupPerMinute: 1000, groupIntervalMs: 0 }), pollMs: 10 });
  return h.api.sent(chatId).slice(before).map((m) => m.text ?? '').join('\n');
}

describe('feed choices follow the feed list', () => {
  it('a chat that left A gets C once an operator adds it; a chat that chose only B does not; removing a feed shifts nothing', async () => {
    h = await startHarness();
    const a = (await h.store.addFeed('https://a.test/rss')).feed;
    const b = (await h.store.addFeed('https://b.test/rss')).feed;
    await seedArticle(h.store, { ...STORY.a, feedId: a.id, minutesAgo: 40 });
    await seedArticle(h.store, { ...STORY.b, feedId: b.id, minutesAgo: 41 });
    for (const chat of [LEAVER, ONLY_B]) await h.say(chat, '/start');
    expect((await h.say(LEAVER, `/unsubscribe ${a.id}`))[0]!.text).toBe('Unsubscribed from https://a.test/rss. 1 feed left.');
    expect((await h.say(ONLY_B, `/subscribe only ${b.id}`))[0]!.text).toBe(
      'You get only https://b.test/rss now; feeds added later do not arrive (/subscribe all to get every feed).',
    );

    const c = (await h.store.addFeed('https://c.test/rss')).feed;
    await seedArticle(h.store, { ...STORY.c, feedId: c.id, minutesAgo: 42 });

    const leaverScheduled = await scheduledDigest(LEAVER.id);
    const [leaverDigest] = await h.say(LEAVER, '/digest');
    for (const text of [leaverScheduled, leaverDigest!.text!]) {
      expect(text).toContain('Rail operator orders 240');
      expect(text).toContain('Wheat harvest');
      expect(text).not.toContain('Harbour bridge');
    }
    const [leaverSources] = await h.say(LEAVER, '/sources');
    expect(leaverSources!.text).toContain('you get 2 of 3 · feeds added later arrive too');
    expect(leaverSources!.text).toMatch(new RegExp(`${a.id}\\. ✗ a\\.test[\\s\\S]*${b.id}\\. ✓ b\\.test[\\s\\S]*${c.id}\\. ✓ c\\.test`));

    const onlyScheduled = await scheduledDigest(ONLY_B.id);
    const [onlyDigest] = await h.say(ONLY_B, '/digest');
    for (const text of [onlyScheduled, onlyDigest!.text!]) {
      expect(text).toContain('Wheat harvest');
      expect(text).not.toContain('Rail operator');
      expect(text).not.toContain('Harbour bridge');
    }
    expect((await h.say(ONLY_B, '/sources'))[0]!.text).toContain('you get 1 of 3 · only these: feeds added later do not arrive');

    // An operator removes B: every other feed keeps its number and every chat its choices.
    await h.store.removeFeed(b.id);
    const [after] = await h.say(LEAVER, '/sources');
    expect(after!.text).toMatch(new RegExp(`${a.id}\\. ✗ a\\.test[\\s\\S]*${c.id}\\. ✓ c\\.test`));
    expect((await h.say(LEAVER, `/subscribe ${a.id}`))[0]!.text).toBe('Subscribed to https://a.test/rss.');
    expect((await h.store.getPreferences(LEAVER.id)).feedIds).toBeNull(); // every feed again
    expect((await h.store.getPreferences(ONLY_B.id)).feedIds).toEqual([]);
    // "all" brings every feed back, later ones too.
    expect((await h.say(ONLY_B, '/subscribe all'))[0]!.text).toBe('You get every feed now, and feeds added later.');
    expect((await h.store.getPreferences(ONLY_B.id)).feedIds).toBeNull();
  });

  it('/subscribe only with a number /sources does not list changes nothing', async () => {
    h = await startHarness();
    const a = (await h.store.addFeed('https://a.test/rss')).feed;
    await h.say(LEAVER, '/start');
    expect((await h.say(LEAVER, `/subscribe only ${a.id} 99`))[0]!.text).toBe(`There is no feed 99: /sources lists ${a.id}.`);
    expect(await h.store.getFeedChoice(LEAVER.id)).toEqual({ mode: 'all', optIns: [], optOuts: [] });
  });
});

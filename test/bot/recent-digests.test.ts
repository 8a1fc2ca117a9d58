/** Window builds shared for a minute: reused, never stale after an article arrives, never kept when failed. */
import { afterEach, describe, expect, it } from 'vitest';
import { RecentDigests, REUSE_MS, minuteFloor } from '../../src/bot/recent-digests.js';
import type { Digest } from '../../src/domain/types.js';
import { prepareWindow } from '../../src/bot/chat-digest.js';
import { BRIDGE, KURSK, PRIVATE, seedArticle, startHarness, type Harness } from './bot-harness.js';

const digest = (date: string): Digest => ({ date, stories: [] } as unknown as Digest);
const at = (ms: number) => new Date(Date.UTC(2026, 11, 2, 10, 0, 0) + ms);

describe('RecentDigests', () => {
  it('reuses a build for the same key within a minute, and builds again after it', async () => {
    const recent = new RecentDigests();
    let builds = 0;
    const build = async () => digest(`#${++builds}`);
    expect((await recent.get('k', at(0), build)).date).toBe('#1');
    expect((await recent.get('k', at(REUSE_MS - 1), build)).date).toBe('#1');
    expect((await recent.get('other', at(10), build)).date).toBe('#2');
    expect((await recent.get('k', at(REUSE_MS), build)).date).toBe('#3');
  });

  it('shares one build between concurrent asks, and forgets a failed one', async () => {
    const recent = new RecentDigests();
    let builds = 0;
    const [a, b] = await Promise.all([recent.get('k', at(0), async () => digest(`#${++builds}`)), recent.get('k', at(5), async () => digest(`#${++builds}`))]);
    expect([a.date, b.date, builds]).toEqual(['#1', '#1', 1]);
    await expect(recent.get('bad', at(0), async () => { throw new Error('database is locked'); })).rejects.toThrow('locked');
    await Promise.resolve();
    expect((await recent.get('bad', at(1), async () => digest('retried'))).date).toBe('retried');
  });

  it('rounds a window start down to the minute', () => {
    expect(minuteFloor(new Date('2026-12-02T10:15:42.123Z')).toISOString()).toBe('2026-12-02T10:15:00.000Z');
  });
});

describe('/figures with shared builds', () => {
  let h: Harness | undefined;
  afterEach(async () => h?.stop());

  it('shows an article stored a moment after the last answer (the build is not reused across new articles)', async () => {
    h = await startHarness();
    const feed = (await h.store.addFeed('https://world.test/rss')).feed;
    await seedArticle(h.store, { ...KURSK, feedId: feed.id });
    const [first] = await h.say(PRIVATE, '/figures');
    expect(first!.text).toContain('971');
    expect(first!.text).not.toContain('$48m');
    await seedArticle(h.store, { ...BRIDGE, feedId: feed.id });
    const [second] = await h.say(PRIVATE, '/figures');
    expect(second!.text).toContain('$48m');
    expect(second!.text).toContain('971');
  });

  it("answers the minute's first /figures from the window prepared ahead of it (as the bot does before each minute turns), reading no articles", async () => {
    h = await startHarness();
    const feed = (await h.store.addFeed('https://world.test/rss')).feed;
    await seedArticle(h.store, { ...KURSK, feedId: feed.id });
    const now = new Date();
    h.deps.now = () => now;
    let reads = 0;
    const read = h.store.articlesForDigest.bind(h.store);
    h.store.articlesForDigest = async (...args) => (reads++, read(...args));
    await prepareWindow(h.deps, now, ['UTC']);
    expect(reads).toBe(1);
    const [reply] = await h.say(PRIVATE, '/figures');
    expect(reply!.text).toContain('971');
    expect(reads).toBe(1);
  });
});

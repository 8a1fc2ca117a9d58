/** /story's sentences read once per article: the same as reading them again, never stale, never another store's. */
import { describe, it, expect } from 'vitest';
import type { Article } from '../../src/domain/types.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { summarizeArticle } from '../../src/figures/summarize.js';
import { storyFromArticle } from '../../src/digest/build-digest.js';
import { articleSentences, prepareStories, storySentences } from '../../src/bot/commands/story.js';
import { BRIDGE, KURSK } from './bot-harness.js';

function article(id: number, a: { title: string; text: string }): Article {
  const { summary, figures } = summarizeArticle(a);
  return { id, feedId: null, key: `k${id}`, link: null, title: a.title, source: 'Wire', publishedAt: null, fetchedAt: new Date('2026-11-30T08:00:00Z'), text: a.text, summary, figures };
}

const read = (a: Article) => storySentences(storyFromArticle(a, 1), a);

/** More figures than the five an article keeps: reading the body finds the rest. */
const TRAFFIC = {
  title: 'Harbour bridge traffic counted for the first time',
  text: 'Every day the bridge carries 1,350 lorries, 4,200 cars and 310 buses across the harbour. Tolls raised £2.1m last year, up 8% on 2024. The crossing employs 64 staff and closed for 3 days in March.',
};

describe('articleSentences', () => {
  it('gives what reading the article gives, and the same answer again without reading it again', () => {
    const store = {};
    const kursk = article(1, KURSK);
    const first = articleSentences(store, kursk);
    expect(first).toEqual(read(kursk));
    expect(first.some((s) => s.text.includes('70 had defended Mariupol'))).toBe(true);
    expect(articleSentences(store, { ...kursk })).toBe(first);
  });

  it('reads an article again when its body was emptied (retention): only its stored figures are left', () => {
    const store = {};
    const traffic = article(1, TRAFFIC);
    const marks = (sentences: ReturnType<typeof read>) => sentences.reduce((n, s) => n + s.marks.length, 0);
    expect(marks(articleSentences(store, traffic))).toBeGreaterThan(traffic.figures.length);
    const emptied = { ...traffic, text: '' };
    expect(articleSentences(store, emptied)).toEqual(read(emptied));
    expect(marks(articleSentences(store, emptied))).toBe(traffic.figures.length);
  });

  it("never answers with another store's article of the same id", () => {
    const kursk = article(1, KURSK);
    const bridge = article(1, BRIDGE);
    articleSentences({}, kursk);
    expect(articleSentences({}, bridge)).toEqual(read(bridge));
  });
});

describe('prepareStories', () => {
  it("reads the latest edition's stories, so that /story finds them read", async () => {
    const store = openSqliteStore(':memory:');
    try {
      const { summary, figures } = summarizeArticle(KURSK);
      const saved = await store.saveArticle({ feedId: null, key: 'k', link: null, title: KURSK.title, source: 'Wire', publishedAt: null, fetchedAt: new Date(), text: KURSK.text, summary, figures });
      await store.saveDigest({ date: '2026-11-30', timezone: 'UTC', createdAt: new Date(), stories: [storyFromArticle(saved!, 1)] }, { key: 'e1' });
      await prepareStories({ store });
      const stored = (await store.getArticle(saved!.id))!;
      const prepared = articleSentences(store, stored);
      expect(prepared).toEqual(read(stored));
      // prepared before the ask: the ask gets the very sentences read then
      expect(articleSentences(store, { ...stored })).toBe(prepared);
    } finally {
      await store.close();
    }
  });
});

/** Shared by the series tests: the synthetic threads and the seed article as stored articles. */
import fs from 'node:fs';
import path from 'node:path';
import type { NewArticle } from '../../src/store/store.js';
import { summarizeArticle } from '../../src/figures/summarize.js';
import { seedArticle } from '../../src/eval/eval-series.js';

interface ThreadArticle {
  id: string;
  source: string;
  publishedAt: string;
  title: string;
  text: string;
}

const fixtures = path.resolve(import.meta.dirname, '../fixtures/series');
/** The seed article (../shared/seed), absent on machines without the shared folder. */
export const SEED_PATH = path.resolve(import.meta.dirname, '../../../shared/seed/article-2025-05-26.txt');

/** The synthetic thread articles by id. */
export function threadArticles(): Map<string, ThreadArticle> {
  const data = JSON.parse(fs.readFileSync(path.join(fixtures, 'threads.json'), 'utf8')) as { articles: ThreadArticle[] };
  return new Map(data.articles.map((a) => [a.id, a]));
}

/** A synthetic article ready for store.saveArticle, summarized like the fetch cycle does. */
export function asNewArticle(a: { id: string; source: string; publishedAt: string; title: string; text: string }): NewArticle {
  const s = summarizeArticle({ title: a.title, text: a.text }, { topK: 5 });
  return { feedId: null, key: a.id, link: `https://news.example/${a.id}`, title: a.title, source: a.source, publishedAt: new Date(a.publishedAt), fetchedAt: new Date(a.publishedAt), text: s.text, summary: s.summary, figures: s.figures };
}

/** The seed as a thread article published on 26 May 2025, or null when ../shared is absent. */
export function seedThreadArticle(): ThreadArticle | null {
  if (!fs.existsSync(SEED_PATH)) return null;
  const seed = seedArticle(fs.readFileSync(SEED_PATH, 'utf8'));
  return { id: 'seed', source: 'Kyiv Independent', publishedAt: '2025-05-26T05:59:00Z', title: seed.title, text: seed.text };
}

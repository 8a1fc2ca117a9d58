/**
 * Which corpus articles get hand-annotated as training data for the figure engine (issue 12): a seeded,
 * category-stratified draw from the BBC corpus among articles with at least four digits, never one of the
 * dev gold's articles nor the project's 40-article fixture (those measure the engine; training on them
 * would leak), nor a near-copy of one: the corpus holds the same story under two ids (politics-077 is
 * report-part politics-354 with a few words changed). The order is round-robin over categories, so any
 * prefix (25, 50, 100…) stays balanced.
 *
 * Usage: npx tsx src/eval/pick-train-articles.ts [--per-category 50] [--seed 12]   → one id a line
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../support/seeded-random.js';

/**
 * The draw test/fixtures/gold-train.jsonl is annotated from (its lines are a prefix of it, in order). Raising
 * perCategory keeps every earlier pick in place: each category's shuffle is the same, only longer.
 */
export const TRAIN_DRAW = { perCategory: 50, seed: 12 } as const;

export interface PickableArticle {
  id: string;
  category?: string;
  text: string;
}

/** Word trigrams of a text: two articles sharing most of them are the same story. */
function trigrams(text: string): Set<string> {
  const words = text.toLowerCase().match(/\w+/g) ?? [];
  return new Set(words.slice(2).map((w, i) => `${words[i]} ${words[i + 1]} ${w}`));
}

/**
 * A predicate: is this text a near-copy of one of `originals` (more than half the smaller text's word trigrams
 * shared)? Distinct BBC stories share well under a tenth, reworded copies over nine tenths.
 */
export function nearCopyOf(originals: readonly string[]): (text: string) => boolean {
  const index = new Map<string, number[]>();
  const sizes = originals.map((text, o) => {
    const grams = trigrams(text);
    for (const g of grams) index.set(g, [...(index.get(g) ?? []), o]);
    return grams.size;
  });
  return (text) => {
    const grams = trigrams(text);
    const shared = new Map<number, number>();
    for (const g of grams) for (const o of index.get(g) ?? []) shared.set(o, (shared.get(o) ?? 0) + 1);
    return [...shared].some(([o, n]) => n * 2 > Math.min(grams.size, sizes[o] ?? 0));
  };
}

/**
 * Draw `perCategory` ids from each category (Fisher–Yates over the corpus order), interleaved by category.
 * Near-copies of excluded articles are skipped after the shuffle, so they leave the rest of the draw in place.
 * @example pickTrainArticles(corpus, new Set(devIds), 30, 12).slice(0, 5) // one id of each category
 */
export function pickTrainArticles(articles: readonly PickableArticle[], exclude: ReadonlySet<string>, perCategory: number, seed: number): string[] {
  const random = seededRandom(seed);
  const isNearCopy = nearCopyOf(articles.filter((a) => exclude.has(a.id)).map((a) => a.text));
  const texts = new Map(articles.map((a) => [a.id, a.text]));
  const byCategory = new Map<string, string[]>();
  for (const a of articles) {
    // Same filter as the dev gold's draw: an article with fewer than four digits rarely has a key figure.
    if (exclude.has(a.id) || (a.text.match(/\d/g)?.length ?? 0) < 4) continue;
    const category = a.category ?? a.id.replace(/-\d+$/, '');
    byCategory.set(category, [...(byCategory.get(category) ?? []), a.id]);
  }
  const drawn = [...byCategory.keys()].sort().map((category) => {
    const ids = [...(byCategory.get(category) ?? [])];
    for (let i = ids.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    }
    return ids.filter((id) => !isNearCopy(texts.get(id) ?? '')).slice(0, perCategory);
  });
  const picked: string[] = [];
  for (let i = 0; i < perCategory; i++) {
    for (const ids of drawn) {
      const id = ids[i];
      if (id !== undefined) picked.push(id);
    }
  }
  return picked;
}

/** Ids of the dev gold (JSONL) and the project's fixture (JSON array): the articles that must stay unseen. */
export function heldOutIds(devGoldJsonl: string, fixtureJson: string): Set<string> {
  const dev = devGoldJsonl.split('\n').filter((l) => l.trim()).map((l) => String((JSON.parse(l) as { id: string }).id));
  const fixture = (JSON.parse(fixtureJson) as Array<{ id: string }>).map((e) => e.id);
  return new Set([...dev, ...fixture]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  const arg = (k: string, d: string): string => {
    const i = process.argv.indexOf(k);
    return i > 0 ? (process.argv[i + 1] ?? d) : d;
  };
  const corpus = readFileSync(resolve(repo, '../shared/corpus/articles/bbc.jsonl'), 'utf8')
    .split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as PickableArticle);
  const exclude = heldOutIds(
    readFileSync(resolve(repo, '../shared/gold/figures-dev.jsonl'), 'utf8'),
    readFileSync(resolve(repo, 'test/fixtures/gold-figures.json'), 'utf8'),
  );
  for (const id of pickTrainArticles(corpus, exclude, Number(arg('--per-category', String(TRAIN_DRAW.perCategory))), Number(arg('--seed', String(TRAIN_DRAW.seed))))) console.log(id);
}

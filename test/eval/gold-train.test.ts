import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Figure } from '../../src/domain/types.js';
import { fidelityProblem, readCorpus } from '../../src/eval/eval-figures.js';
import { heldOutIds, nearCopyOf, pickTrainArticles, TRAIN_DRAW } from '../../src/eval/pick-train-articles.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CORPUS = resolve(repo, '../shared/corpus/articles/bbc.jsonl');
const DEV_GOLD = resolve(repo, '../shared/gold/figures-dev.jsonl');
const FIXTURE = resolve(repo, 'test/fixtures/gold-figures.json');
const TRAIN = resolve(repo, 'test/fixtures/gold-train.jsonl');
const hasShared = existsSync(CORPUS) && existsSync(DEV_GOLD);
if (!hasShared) console.warn(`skipping gold-train checks: ${CORPUS} or ${DEV_GOLD} is absent`);

interface TrainLine {
  id: string;
  source: string;
  key: Array<{ value: number; text: string; label: string }>;
  not: string[];
}

describe('pickTrainArticles', () => {
  const articles = ['a', 'b'].flatMap((c) => Array.from({ length: 20 }, (_, i) => ({ id: `${c}-${i}`, category: c, text: i % 5 === 0 ? 'no figure' : `${1000 + i} units` })));

  it('draws the same balanced, interleaved ids for the same seed, without excluded or digit-poor articles', () => {
    const picked = pickTrainArticles(articles, new Set(['a-1', 'b-2']), 6, 7);
    expect(pickTrainArticles(articles, new Set(['a-1', 'b-2']), 6, 7)).toEqual(picked);
    expect(picked.map((id) => id[0])).toEqual(['a', 'b', 'a', 'b', 'a', 'b', 'a', 'b', 'a', 'b', 'a', 'b']);
    expect(picked.filter((id) => ['a-1', 'b-2', 'a-0', 'b-5'].includes(id))).toEqual([]);
    expect(new Set(picked).size).toBe(picked.length);
  });

  it('skips near-copies of excluded articles (the corpus holds some stories twice), keeping the draw size', () => {
    const story = 'Ministers said on Monday that 3,000 schools were invited and 600 had signed up for the mock election in May';
    const withCopy = [...articles, { id: 'a-copy', category: 'a', text: `${story} 1234` }, { id: 'held', category: 'b', text: story }];
    const picked = pickTrainArticles(withCopy, new Set(['held']), 16, 7);
    expect(picked).not.toContain('a-copy');
    expect(picked.filter((id) => id.startsWith('a-'))).toHaveLength(16);
  });

  it('tells a reworded copy from a different story on the same subject', () => {
    const isCopy = nearCopyOf(['Some 600 schools have already signed up for the mock elections run by the Hansard Society this spring']);
    expect(isCopy('Some 600 schools have already signed up for the Y Vote mock elections run by the Hansard Society this spring')).toBe(true);
    expect(isCopy('The Hansard Society said 600 schools had signed up, and ministers hope for more by the spring')).toBe(false);
  });

  it('draws differently for another seed', () => {
    expect(pickTrainArticles(articles, new Set(), 6, 8)).not.toEqual(pickTrainArticles(articles, new Set(), 6, 7));
  });
});

describe.skipIf(!hasShared)('test/fixtures/gold-train.jsonl (hand-annotated training articles)', () => {
  const corpus = hasShared ? readCorpus(CORPUS) : [];
  const docs = new Map(corpus.map((a) => [a.id, `${a.title}\n\n${a.text}`]));
  const lines = readFileSync(TRAIN, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as TrainLine);
  const heldOut = hasShared ? heldOutIds(readFileSync(DEV_GOLD, 'utf8'), readFileSync(FIXTURE, 'utf8')) : new Set<string>();

  it('annotates a prefix of the seeded draw, in its order (so every category stays balanced), none of the held-out articles', () => {
    const drawn = pickTrainArticles(corpus, heldOut, TRAIN_DRAW.perCategory, TRAIN_DRAW.seed);
    const ids = lines.map((l) => l.id);
    expect(ids).toEqual(drawn.slice(0, ids.length));
    expect(ids.filter((id) => heldOut.has(id))).toEqual([]);
  });

  it('has at most five key figures a line, in the dev gold format', () => {
    for (const l of lines) {
      expect(l.source, l.id).toBe('kf-train');
      expect(l.key.length, l.id).toBeLessThanOrEqual(5);
      expect(Array.isArray(l.not), l.id).toBe(true);
    }
  });

  it('quotes every key text and not-string verbatim from its article, with a value its digits support', () => {
    const problems: string[] = [];
    for (const l of lines) {
      const doc = docs.get(l.id) ?? '';
      for (const k of l.key) {
        const start = doc.indexOf(k.text);
        if (start < 0) { problems.push(`${l.id}: "${k.text}" is not in the article`); continue; }
        // The engine's own fidelity rule: the value is the first number written there at a known scale.
        const figure = { text: k.text, value: k.value, start, end: start + k.text.length, sentence: k.text } as Figure;
        const why = fidelityProblem(doc, figure);
        if (why) problems.push(`${l.id}: ${why}`);
      }
      for (const s of l.not) if (!doc.includes(s)) problems.push(`${l.id}: not-string "${s}" is not in the article`);
    }
    expect(problems).toEqual([]);
  });

  it('labels every key figure in 3–8 words', () => {
    const bad = lines.flatMap((l) => l.key.filter((k) => !/^(\S+\s+){2,7}\S+$/.test(k.label.trim())).map((k) => `${l.id}: "${k.label}"`));
    expect(bad).toEqual([]);
  });
});

/**
 * Fit the article-owner model (src/figures/labels/article-owner.ts): logistic regression over the headline names a
 * figure's label could take, on the same articles as the label completion model (the dev gold's tune part and the
 * hand-annotated training articles, never the report part). A candidate is positive when it holds a content word of
 * the hand-written label that our label (with its unit) lacks. Shrinkage and threshold are chosen by k-fold
 * cross-validated label agreement (folds by article, the scorer's rule, over the gold figures found in the top 5);
 * the model fitted on all of it is written to src/figures/labels/owner-weights.json.
 *
 * Usage: npm run train:owners -- [--gold ../shared/gold/figures-dev.jsonl] [--train test/fixtures/gold-train.jsonl] [--folds 5] [--dry]
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OWNER_FEATURES, ownerCandidates, recordOwnerSites, useOwnerWeights, withArticleOwner, type OwnerSite, type OwnerWeights } from '../figures/labels/article-owner.js';
import { contentWords } from '../figures/labels/content-words.js';
import { summarizeArticle } from '../figures/summarize.js';
import type { Figure } from '../domain/types.js';
import type { DevGoldEntry } from './eval-figures.js';
import { agrees, fit, foundGold, kFold, trainingGold } from './train-label-extend.js';

/** One gold figure the engine found, with what the owner step saw of it. */
export interface OwnerCase {
  id: string;
  /** Our label before the owner step, and the label shown when the owner step does not touch it. */
  label: string;
  unit: string | null;
  gold: string;
  /** Null when the owner step never saw the shown label (it came from another figure's). */
  site: { site: OwnerSite; owners: readonly string[]; counts: (name: string) => number } | null;
}

/** Gold figures found in the top 5 of their article, with the owner step off. */
export function ownerCases(gold: readonly DevGoldEntry[], corpusFile: string): OwnerCase[] {
  const before = useOwnerWeights(null);
  const cases: OwnerCase[] = [];
  // What the owner step saw of the article last summarized, by figure start.
  let seen = new Map<number, { site: OwnerSite; label: string; owners: readonly string[] }>();
  const top = (title: string, text: string): Figure[] => {
    seen = new Map();
    recordOwnerSites((site, start, label, owners) => seen.set(start, { site, label, owners }));
    try {
      return summarizeArticle({ title, text }).figures.slice(0, 5);
    } finally {
      recordOwnerSites(null);
    }
  };
  try {
    for (const { id, text, key, figure: f } of foundGold(gold, corpusFile, top)) {
      const s = seen.get(f.start);
      const counts = (name: string): number => text.split(name).length - 1;
      cases.push({ id, label: f.label, unit: f.unit, gold: key.label, site: s !== undefined && s.label === f.label ? { site: s.site, owners: s.owners, counts } : null });
    }
  } finally {
    useOwnerWeights(before);
  }
  return cases;
}

/** Rows for the fit: each candidate owner's features and whether it holds a gold word our label lacks. */
function rows(cases: readonly OwnerCase[]): Array<{ x: number[]; y: number }> {
  const out: Array<{ x: number[]; y: number }> = [];
  for (const c of cases) {
    if (c.site === null) continue;
    const have = new Set(contentWords(`${c.label} ${c.unit ?? ''}`));
    const wanted = new Set(contentWords(c.gold).filter((w) => !have.has(w)));
    for (const o of ownerCandidates(c.label, c.site.owners, c.site.site, c.site.counts)) out.push({ x: o.x, y: contentWords(o.owner).some((w) => wanted.has(w)) ? 1 : 0 });
  }
  return out;
}

/** The label a case shows under `w` (null: owner step off). */
function labelUnder(c: OwnerCase, w: OwnerWeights | null): string {
  if (c.site === null || w === null) return c.label;
  const before = useOwnerWeights(w);
  try {
    return withArticleOwner(c.label, c.site.owners, c.site.site, c.site.counts);
  } finally {
    useOwnerWeights(before);
  }
}

/** Share of cases whose label agrees with the gold under `w`. */
export function ownerAgreement(cases: readonly OwnerCase[], w: OwnerWeights | null): number {
  return cases.length === 0 ? 0 : cases.filter((c) => agrees(labelUnder(c, w), c.unit, c.gold)).length / cases.length;
}

function crossValidated(cases: readonly OwnerCase[], folds: number, opts: { l2: number; steps: number; threshold: number }): number {
  return kFold(cases, folds, (train, test) => ownerAgreement(test, fit(rows(train), opts, OWNER_FEATURES)));
}

function main(argv: string[]): void {
  const arg = (k: string, d: string): string => { const i = argv.indexOf(k); return i >= 0 ? (argv[i + 1] ?? d) : d; };
  const devFile = arg('--gold', '../shared/gold/figures-dev.jsonl');
  const trainFile = arg('--train', 'test/fixtures/gold-train.jsonl');
  const folds = Number(arg('--folds', '5'));
  const steps = Number(arg('--steps', '800'));
  const cases = ownerCases(trainingGold(devFile, [trainFile]), '../shared/corpus/articles/bbc.jsonl');
  const pct = (v: number): string => `${(100 * v).toFixed(1)}%`;
  const r = rows(cases);
  console.log(`${cases.length} gold figures found in the top 5 of ${new Set(cases.map((c) => c.id)).size} articles; ${r.length} candidate owners, ${r.filter((x) => x.y === 1).length} of them add a word of the hand-written label`);
  console.log(`label agreement, owner step off: ${pct(ownerAgreement(cases, null))}`);
  let best = { l2: 0.1, threshold: 0.5, cv: -1 };
  for (const l2 of [0.1, 0.03, 0.01, 0.003]) {
    for (const threshold of [0.3, 0.35, 0.4, 0.45, 0.5]) {
      const cv = crossValidated(cases, folds, { l2, steps, threshold });
      console.log(`  l2 ${l2} threshold ${threshold}: ${folds}-fold cross-validated ${pct(cv)}`);
      if (cv > best.cv) best = { l2, threshold, cv };
    }
  }
  const model = fit(r, { l2: best.l2, steps, threshold: best.threshold }, OWNER_FEATURES);
  console.log(`label agreement, owner step on, ${folds}-fold cross-validated: ${pct(best.cv)} (l2 ${best.l2}, threshold ${best.threshold}, best of the grid)`);
  console.log(`label agreement, fitted on all (not a fair estimate): ${pct(ownerAgreement(cases, model))}`);
  const changed = cases.filter((c) => labelUnder(c, model) !== c.label);
  const right = changed.filter((c) => c.site !== null && contentWords(labelUnder(c, model)).some((w) => contentWords(c.gold).includes(w) && !contentWords(`${c.label} ${c.unit ?? ''}`).includes(w)));
  console.log(`owner added to ${changed.length} of ${cases.length} labels; in ${right.length} of them it is a word of the hand-written label`);
  if (argv.includes('--show')) for (const c of changed) console.log(`  ${c.id}: "${c.label}" → "${labelUnder(c, model)}" / gold "${c.gold}"`);
  console.log(JSON.stringify(model));
  if (!argv.includes('--dry')) writeFileSync(new URL('../figures/labels/owner-weights.json', import.meta.url), JSON.stringify(model, null, 2) + '\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main(process.argv.slice(2));

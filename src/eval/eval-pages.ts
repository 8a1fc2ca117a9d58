/**
 * Evidence for article extraction: for each readability-style folder (source.html,
 * expected.html), word-level precision, recall and F1 between extractArticle(source) and the
 * text of expected.html; then the mean F1.
 *
 * Usage: npm run eval:pages -- [dir]   (default ../shared/corpus/pages)
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractArticle, htmlToText } from '../feeds/extract-text.js';

/** Scores of one page. */
export interface PageScore {
  page: string;
  precision: number;
  recall: number;
  f1: number;
  words: number;
}

/**
 * Word-level F1 of `got` against `want` (multiset overlap of lowercased letter/digit words).
 * @example wordF1('the cat sat', 'the cat') // { precision: 0.667, recall: 1, f1: 0.8 }
 */
export function wordF1(got: string, want: string): { precision: number; recall: number; f1: number } {
  const a = words(got);
  const b = words(want);
  if (a.length === 0 || b.length === 0) return { precision: 0, recall: 0, f1: a.length === b.length ? 1 : 0 };
  const counts = new Map<string, number>();
  for (const w of b) counts.set(w, (counts.get(w) ?? 0) + 1);
  let overlap = 0;
  for (const w of a) {
    const left = counts.get(w) ?? 0;
    if (left > 0) {
      overlap++;
      counts.set(w, left - 1);
    }
  }
  const precision = overlap / a.length;
  const recall = overlap / b.length;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

/**
 * Score every page folder of `dir`.
 * @example const scores = evalPages('../shared/corpus/pages')
 */
export function evalPages(dir: string): PageScore[] {
  const pages = fs.readdirSync(dir).filter((d) => fs.existsSync(path.join(dir, d, 'source.html')) && fs.existsSync(path.join(dir, d, 'expected.html'))).sort();
  return pages.map((page) => {
    const source = fs.readFileSync(path.join(dir, page, 'source.html'), 'utf8');
    const expected = htmlToText(fs.readFileSync(path.join(dir, page, 'expected.html'), 'utf8'));
    const got = extractArticle(source, `http://fakehost/test/${page}/`)?.text ?? '';
    return { page, ...wordF1(got, expected), words: words(got).length };
  });
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dir = path.resolve(process.argv[2] ?? path.join(here, '../../../shared/corpus/pages'));
  if (!fs.existsSync(dir)) {
    process.stderr.write(`eval:pages: no folder at ${dir} — give one: npm run eval:pages -- DIR\n`);
    process.exit(2);
  }
  const scores = evalPages(dir);
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);
  for (const s of scores) process.stdout.write(`F1 ${pct(s.f1)}  P ${pct(s.precision)}  R ${pct(s.recall)}  ${String(s.words).padStart(5)} words  ${s.page}\n`);
  const mean = scores.reduce((sum, s) => sum + s.f1, 0) / Math.max(1, scores.length);
  process.stdout.write(`\n${scores.length} pages: mean word-level F1 ${(mean * 100).toFixed(2)}%\n`);
}

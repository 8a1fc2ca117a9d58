/**
 * Throughput of the whole summarize step (sentences, figures, labels, ranking, summary) against
 * @microsoft/recognizers-text-number-with-unit recognizing numbers with units on the same texts,
 * in the same run, on one core. The peer is fed sentence by sentence (whole articles take it
 * minutes) and only on a sample; we run the same sample, then the whole corpus.
 *
 * Usage: npm run bench:figures -- [corpus.jsonl] [--sample 100]
 */
import { Culture, NumberWithUnitRecognizer } from '@microsoft/recognizers-text-number-with-unit';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCorpus, type CorpusArticle } from '../../src/eval/eval-figures.js';
import { splitSentences } from '../../src/figures/sentences.js';
import { summarizeArticle } from '../../src/figures/summarize.js';

/** Articles per second of `fn` over `articles`, after one warm-up pass over a few of them. */
function rate(articles: readonly CorpusArticle[], fn: (a: CorpusArticle) => number): { perSecond: number; seconds: number; found: number } {
  for (const a of articles.slice(0, 5)) fn(a);
  let found = 0;
  const t0 = performance.now();
  for (const a of articles) found += fn(a);
  const seconds = (performance.now() - t0) / 1000;
  return { perSecond: articles.length / seconds, seconds, found };
}

function main(argv: string[]): void {
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  const i = argv.indexOf('--sample');
  const sampleSize = i >= 0 ? Number(argv[i + 1]) : 100;
  const rest = i >= 0 ? [...argv.slice(0, i), ...argv.slice(i + 2)] : argv;
  const path = rest.find((a) => !a.startsWith('--')) ?? resolve(repo, '../shared/corpus/articles/bbc.jsonl');
  const corpus = readCorpus(path);
  // An even spread over the corpus, so every category is in the sample.
  const step = Math.max(1, Math.floor(corpus.length / sampleSize));
  const sample = corpus.filter((_, k) => k % step === 0).slice(0, sampleSize);

  const recognizer = new NumberWithUnitRecognizer(Culture.English);
  const models = [
    recognizer.getCurrencyModel(), recognizer.getDimensionModel(), recognizer.getTemperatureModel(), recognizer.getAgeModel(),
  ];
  // Sentences are split beforehand and outside the timer: the peer gets only recognition to do.
  const sentencesOf = new Map(sample.map((a) => [a.id, [a.title, ...splitSentences(a.text).map((s) => s.text)]]));
  const peer = rate(sample, (a) => {
    let n = 0;
    for (const s of sentencesOf.get(a.id) ?? []) for (const m of models) n += m.parse(s).length;
    return n;
  });
  const oursSample = rate(sample, (a) => summarizeArticle(a).figures.length);
  const oursAll = rate(corpus, (a) => summarizeArticle(a).figures.length);

  const f = (n: number) => n.toFixed(0).padStart(6);
  console.log(`corpus: ${path} (${corpus.length} articles); sample: ${sample.length} articles, every ${step}th`);
  console.log(`peer  @microsoft/recognizers-text-number-with-unit (currency+dimension+temperature+age models, sentence by sentence), sample: ${f(peer.perSecond)} articles/s (${peer.seconds.toFixed(2)} s, ${peer.found} results)`);
  console.log(`ours  summarizeArticle (split, find, label, rank, summary), sample:                                                 ${f(oursSample.perSecond)} articles/s (${oursSample.seconds.toFixed(2)} s, ${oursSample.found} key figures)`);
  console.log(`ours  summarizeArticle, whole corpus:                                                                             ${f(oursAll.perSecond)} articles/s (${oursAll.seconds.toFixed(2)} s)`);
  console.log(`ratio on the same sample: ${(oursSample.perSecond / peer.perSecond).toFixed(1)}x (goal ≥ 5x); whole corpus ${oursAll.perSecond >= 1000 ? 'meets' : 'misses'} the 1,000 articles/s goal`);
}

main(process.argv.slice(2));

/**
 * Throughput of the whole summarize step (sentences, figures, labels, ranking, summary) against
 * @microsoft/recognizers-text-number-with-unit recognizing numbers with units on the same texts,
 * in the same run, on one core. The peer is fed sentence by sentence (whole articles take it
 * minutes) and only on a sample; we run the same sample, then the whole corpus.
 *
 * Both sides are warmed the same way before their timed pass: one untimed pass each over a warm-up set
 * as large as the sample, made of other articles (the ones halfway between two sample articles). A
 * warm-up of a few articles left the JIT compiling inside our timed sample (100 articles timed at
 * 125/s while the whole corpus ran at 308/s), so the ratio compares steady states, not warm-up. The
 * warm-up texts differ from the timed ones because the tagger keeps every unknown word it has read
 * in its lexicon: a second pass over the same texts is faster than news the bot has not seen.
 * Goals (issue 12): ours ≥ 1,000 articles/s on one core and ≥ 40× the peer on the same sample.
 *
 * Under load (agents share two cores) a rate moves by a third from run to run. `--against DIR` then compares
 * with another checkout's summarizeArticle (DIR/src/figures/summarize.ts) in the same process, the two
 * alternating article by article over the whole corpus (who goes first alternates too: the tagger learns
 * each new word once), so both see the same load: the speed-up holds where the rates do not.
 *
 * Usage: npm run bench:figures -- [corpus.jsonl] [--sample 100] [--against ../main]
 */
import { Culture, NumberWithUnitRecognizer } from '@microsoft/recognizers-text-number-with-unit';
import { loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readCorpus, type CorpusArticle } from '../../src/eval/eval-figures.js';
import { splitSentences } from '../../src/figures/sentences.js';
import { summarizeArticle } from '../../src/figures/summarize.js';

/** Articles per second of `fn` over `articles`, timed after one untimed warm-up pass over `warmUp`. */
function rate(articles: readonly CorpusArticle[], fn: (a: CorpusArticle) => number, warmUp: readonly CorpusArticle[]): { perSecond: number; seconds: number; found: number } {
  for (const a of warmUp) fn(a);
  let found = 0;
  const t0 = performance.now();
  for (const a of articles) found += fn(a);
  const seconds = (performance.now() - t0) / 1000;
  return { perSecond: articles.length / seconds, seconds, found };
}

/** Issue 12's goals for the summarize step. */
const RATE_GOAL = 1000;
const RATIO_GOAL = 40;

/** The value after `--name`, and the arguments without the pair. */
function option(argv: string[], name: string): [string | undefined, string[]] {
  const i = argv.indexOf(name);
  return i < 0 ? [undefined, argv] : [argv[i + 1], [...argv.slice(0, i), ...argv.slice(i + 2)]];
}

type Summarize = (a: CorpusArticle) => { figures: unknown[] };

/**
 * Ours against another checkout's summarizeArticle, alternating per article in one process after both warmed up.
 * @example await against(corpus, warmUp, summarizeArticle, theirs) // { ours: 610, theirs: 540 } articles/s
 */
function against(corpus: readonly CorpusArticle[], warmUp: readonly CorpusArticle[], ours: Summarize, theirs: Summarize): { ours: number; theirs: number } {
  for (const a of warmUp) {
    ours(a);
    theirs(a);
  }
  let tOurs = 0;
  let tTheirs = 0;
  const timed = (fn: Summarize, a: CorpusArticle): number => {
    const t0 = performance.now();
    fn(a);
    return performance.now() - t0;
  };
  for (const [k, a] of corpus.entries()) {
    if (k % 2 === 0) {
      tOurs += timed(ours, a);
      tTheirs += timed(theirs, a);
    } else {
      tTheirs += timed(theirs, a);
      tOurs += timed(ours, a);
    }
  }
  return { ours: (corpus.length / tOurs) * 1000, theirs: (corpus.length / tTheirs) * 1000 };
}

function main(argv: string[]): void {
  const loadBefore = loadavg();
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  const [sampleArg, rest] = option(argv, '--sample');
  const sampleSize = sampleArg !== undefined ? Number(sampleArg) : 100;
  const path = rest.find((a) => !a.startsWith('--')) ?? resolve(repo, '../shared/corpus/articles/bbc.jsonl');
  const corpus = readCorpus(path);
  // An even spread over the corpus, so every category is in the sample.
  const step = Math.max(1, Math.floor(corpus.length / sampleSize));
  const sample = corpus.filter((_, k) => k % step === 0).slice(0, sampleSize);
  const warmUp = corpus.filter((_, k) => k % step === Math.floor(step / 2)).slice(0, sampleSize);

  const recognizer = new NumberWithUnitRecognizer(Culture.English);
  const models = [
    recognizer.getCurrencyModel(), recognizer.getDimensionModel(), recognizer.getTemperatureModel(), recognizer.getAgeModel(),
  ];
  // Sentences are split beforehand and outside the timer: the peer gets only recognition to do.
  const sentencesOf = new Map([...sample, ...warmUp].map((a) => [a.id, [a.title, ...splitSentences(a.text).map((s) => s.text)]]));
  const peer = rate(sample, (a) => {
    let n = 0;
    for (const s of sentencesOf.get(a.id) ?? []) for (const m of models) n += m.parse(s).length;
    return n;
  }, warmUp);
  const oursSample = rate(sample, (a) => summarizeArticle(a).figures.length, warmUp);
  // Already warm; the whole corpus includes the sample and the warm-up set (a tenth of it) read before.
  const oursAll = rate(corpus, (a) => summarizeArticle(a).figures.length, []);

  const f = (n: number) => n.toFixed(0).padStart(6);
  console.log(`corpus: ${path} (${corpus.length} articles); sample: ${sample.length} articles, every ${step}th`);
  // Both sides share the machine: the load says how much of a core each really had.
  console.log(`node ${process.version}, one thread; load average ${loadBefore.map((l) => l.toFixed(1)).join(' ')} before the run`);
  console.log(`peer  @microsoft/recognizers-text-number-with-unit (currency+dimension+temperature+age models, sentence by sentence), sample: ${f(peer.perSecond)} articles/s (${peer.seconds.toFixed(2)} s, ${peer.found} results)`);
  console.log(`ours  summarizeArticle (split, find, label, rank, summary), sample:                                                 ${f(oursSample.perSecond)} articles/s (${oursSample.seconds.toFixed(2)} s, ${oursSample.found} key figures)`);
  console.log(`ours  summarizeArticle, whole corpus:                                                                             ${f(oursAll.perSecond)} articles/s (${oursAll.seconds.toFixed(2)} s)`);
  const ratio = oursSample.perSecond / peer.perSecond;
  console.log(`ratio on the same sample, both warmed: ${ratio.toFixed(1)}x (${ratio >= RATIO_GOAL ? 'meets' : 'misses'} the goal ≥ ${RATIO_GOAL}x); whole corpus ${oursAll.perSecond >= RATE_GOAL ? 'meets' : 'misses'} the ${RATE_GOAL.toLocaleString('en')} articles/s goal`);
}

/** `--against DIR`: only the comparison, so neither side has run more than the other before it. */
async function compare(argv: string[]): Promise<void> {
  const loadBefore = loadavg();
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  const [otherDir, rest] = option(argv, '--against');
  const path = rest.find((a) => !a.startsWith('--')) ?? resolve(repo, '../shared/corpus/articles/bbc.jsonl');
  const corpus = readCorpus(path);
  const other = resolve(otherDir ?? '.', 'src/figures/summarize.ts');
  const theirs = ((await import(pathToFileURL(other).href)) as { summarizeArticle: Summarize }).summarizeArticle;
  const warmUp = corpus.filter((_, k) => k % 20 === 10);
  const r = against(corpus, warmUp, summarizeArticle, theirs);
  console.log(`corpus: ${path} (${corpus.length} articles); both warmed on ${warmUp.length} of them; node ${process.version}; load average ${loadBefore.map((l) => l.toFixed(1)).join(' ')} before the run`);
  console.log(`ours ${r.ours.toFixed(0)} articles/s, ${other} ${r.theirs.toFixed(0)} articles/s, alternating per article: speed-up ${(r.ours / r.theirs).toFixed(2)}x`);
}

const args = process.argv.slice(2);
await (args.includes('--against') ? compare(args) : main(args));

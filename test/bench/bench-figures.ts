/**
 * Throughput of the whole summarize step (sentences, figures, labels, ranking, summary) against
 * @microsoft/recognizers-text-number-with-unit recognizing numbers with units on the same texts,
 * in the same run, on one core. The peer is fed sentence by sentence (whole articles take it
 * minutes) and only on a sample; we run the whole corpus, timing the sample's articles too.
 *
 * The sample is half the corpus (every other article), so that our side is timed for about a second: a
 * sample of 100 articles timed ours for 0.1 s, and the peer and ours were timed one after the other,
 * so a change of load between them moved the ratio by a fifth. Now the two run article by article in one
 * pass (see onePass). The peer reads the same half (about half a minute on a quiet machine).
 *
 * Both sides are warmed the same way before their timed pass: one untimed pass each over a warm-up set
 * of 100 other articles (from the half outside the sample). A
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
 * Usage: npm run bench:figures -- [corpus.jsonl] [--sample 1000] [--against ../main]
 */
import { Culture, NumberWithUnitRecognizer } from '@microsoft/recognizers-text-number-with-unit';
import { loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readCorpus, type CorpusArticle } from '../../src/eval/eval-figures.js';
import { splitSentences } from '../../src/figures/sentences.js';
import { summarizeArticle } from '../../src/figures/summarize.js';

/** A side of the comparison: what it does with one article, returning how many things it found. */
type Side = (a: CorpusArticle) => number;

/**
 * Ours over the whole corpus and the peer over the sample, in one pass after one untimed pass of each over `warmUp`
 * (read again in the corpus, a twentieth of it): at each sample article both run, who goes first alternating, so
 * both see the same load. Each article is read once by each side, so no text is easier for having been read before;
 * each sample article comes after the articles before it in the corpus, as news comes to a running bot (the tagger
 * has learned their new words; the peer learns nothing from reading).
 */
function onePass(corpus: readonly CorpusArticle[], inSample: ReadonlySet<CorpusArticle>, warmUp: readonly CorpusArticle[], ours: Side, peer: Side): { ours: Timed; peer: Timed; all: Timed } {
  for (const a of warmUp) {
    ours(a);
    peer(a);
  }
  const all = { ms: 0, found: 0 };
  const sampleOurs = { ms: 0, found: 0 };
  const samplePeer = { ms: 0, found: 0 };
  const timed = (fn: Side, a: CorpusArticle, ...into: Array<{ ms: number; found: number }>): void => {
    const t0 = performance.now();
    const n = fn(a);
    const ms = performance.now() - t0;
    for (const t of into) {
      t.ms += ms;
      t.found += n;
    }
  };
  let k = 0;
  for (const a of corpus) {
    if (!inSample.has(a)) {
      timed(ours, a, all);
      continue;
    }
    const peerFirst = k++ % 2 === 1;
    if (peerFirst) timed(peer, a, samplePeer);
    timed(ours, a, all, sampleOurs);
    if (!peerFirst) timed(peer, a, samplePeer);
  }
  const per = (n: number, t: { ms: number; found: number }): Timed => ({ perSecond: (n / t.ms) * 1000, seconds: t.ms / 1000, found: t.found });
  return { ours: per(inSample.size, sampleOurs), peer: per(inSample.size, samplePeer), all: per(corpus.length, all) };
}

interface Timed {
  perSecond: number;
  seconds: number;
  found: number;
}

/** Articles each side reads untimed before its timed pass. */
const WARM_UP = 100;

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
 * @example against(corpus, warmUp, summarizeArticle, theirs) // { ours: { wall: 610, cpu: 640 }, theirs: { wall: 540, cpu: 560 } } articles/s
 */
function against(corpus: readonly CorpusArticle[], warmUp: readonly CorpusArticle[], ours: Summarize, theirs: Summarize): { ours: Rates; theirs: Rates } {
  for (const a of warmUp) {
    ours(a);
    theirs(a);
  }
  const tOurs = { ms: 0, cpuMs: 0 };
  const tTheirs = { ms: 0, cpuMs: 0 };
  const timed = (fn: Summarize, a: CorpusArticle, into: { ms: number; cpuMs: number }): void => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn(a);
    into.ms += performance.now() - t0;
    const c = process.cpuUsage(c0);
    into.cpuMs += (c.user + c.system) / 1000;
  };
  for (const [k, a] of corpus.entries()) {
    if (k % 2 === 0) {
      timed(ours, a, tOurs);
      timed(theirs, a, tTheirs);
    } else {
      timed(theirs, a, tTheirs);
      timed(ours, a, tOurs);
    }
  }
  const rates = (t: { ms: number; cpuMs: number }): Rates => ({ wall: (corpus.length / t.ms) * 1000, cpu: (corpus.length / t.cpuMs) * 1000 });
  return { ours: rates(tOurs), theirs: rates(tTheirs) };
}

/** Articles per second by the wall clock and by the process's CPU time (which a shared machine's other work does not inflate). */
interface Rates {
  wall: number;
  cpu: number;
}

function main(argv: string[]): void {
  const loadBefore = loadavg();
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  const [sampleArg, rest] = option(argv, '--sample');
  const path = rest.find((a) => !a.startsWith('--')) ?? resolve(repo, '../shared/corpus/articles/bbc.jsonl');
  const corpus = readCorpus(path);
  const sampleSize = sampleArg !== undefined ? Number(sampleArg) : Math.min(1000, Math.floor(corpus.length / 2));
  // An even spread over the corpus, so every category is in the sample; the warm-up spread over the articles between.
  const step = Math.max(2, Math.floor(corpus.length / sampleSize));
  const sample = corpus.filter((_, k) => k % step === 0).slice(0, sampleSize);
  const outside = corpus.filter((_, k) => k % step !== 0);
  const warmUp = outside.filter((_, k) => k % Math.max(1, Math.floor(outside.length / WARM_UP)) === 0).slice(0, WARM_UP);

  const recognizer = new NumberWithUnitRecognizer(Culture.English);
  const models = [
    recognizer.getCurrencyModel(), recognizer.getDimensionModel(), recognizer.getTemperatureModel(), recognizer.getAgeModel(),
  ];
  // Sentences are split beforehand and outside the timer: the peer gets only recognition to do.
  const sentencesOf = new Map([...sample, ...warmUp].map((a) => [a.id, [a.title, ...splitSentences(a.text).map((s) => s.text)]]));
  const peerSide: Side = (a) => {
    let n = 0;
    for (const s of sentencesOf.get(a.id) ?? []) for (const m of models) n += m.parse(s).length;
    return n;
  };
  const oursSide: Side = (a) => summarizeArticle(a).figures.length;
  const { ours: oursSample, peer, all: oursAll } = onePass(corpus, new Set(sample), warmUp, oursSide, peerSide);

  const f = (n: number) => n.toFixed(0).padStart(6);
  console.log(`corpus: ${path} (${corpus.length} articles); sample: ${sample.length} articles, every ${step}th; warm-up: ${warmUp.length} others`);
  // Both sides share the machine: the load says how much of a core each really had.
  console.log(`node ${process.version}, one thread; load average ${loadBefore.map((l) => l.toFixed(1)).join(' ')} before the run`);
  console.log(`peer  @microsoft/recognizers-text-number-with-unit (currency+dimension+temperature+age models, sentence by sentence), sample: ${f(peer.perSecond)} articles/s (${peer.seconds.toFixed(2)} s, ${peer.found} results)`);
  console.log(`ours  summarizeArticle (split, find, label, rank, summary), sample (its articles in the corpus pass):                ${f(oursSample.perSecond)} articles/s (${oursSample.seconds.toFixed(2)} s, ${oursSample.found} key figures)`);
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
  console.log(`ours ${r.ours.wall.toFixed(0)} articles/s, ${other} ${r.theirs.wall.toFixed(0)} articles/s, alternating per article: speed-up ${(r.ours.wall / r.theirs.wall).toFixed(2)}x`);
  // Time the process was descheduled counts in the wall clock of whichever article it fell on: under load the CPU time is the steadier ratio.
  console.log(`by CPU time: ours ${r.ours.cpu.toFixed(0)} articles/s, theirs ${r.theirs.cpu.toFixed(0)} articles/s: speed-up ${(r.ours.cpu / r.theirs.cpu).toFixed(2)}x`);
}

const args = process.argv.slice(2);
await (args.includes('--against') ? compare(args) : main(args));

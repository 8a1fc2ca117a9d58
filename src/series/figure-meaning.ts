/**
 * What a figure means, reduced to what can be compared across articles: its kind and unit, the
 * stems of its label (the counted noun and its verb), the words around it, the names near it
 * (whose figure: "UK" vs "Germany"), the period it measures (monthly vs annual) and, for a batch
 * of an event, its phase ("first phase" = 1, "final phase" = last).
 */
import type { Figure, FigureKind } from '../domain/types.js';
import { contentStems, entityMentions } from './words.js';

/** The comparable meaning of one figure (stored with each series point). */
export interface FigureMeaning {
  kind: FigureKind;
  unit: string | null;
  /** Content stems of the label. */
  label: string[];
  /** Content stems of the words just around the figure in its sentence. */
  context: string[];
  /** Content stems of the whole sentence (what the sentence could be talking about). */
  sentence: string[];
  /** Where in the sentence the figure is, and the sentence itself: two figures of one sentence are one thing only at one place. */
  at: number;
  sentenceText: string;
  /** 'expected' when the figure is a forecast, an expectation, a target or a condition ("expected", "could", "need"). */
  modality: 'actual' | 'expected';
  /** Stems of who the sentence says reported the figure ("the Halifax said", "according to Nationwide"). */
  sources: string[];
  /** Stems of the proper names near the figure in its sentence. */
  owners: string[];
  /** The period a rate is measured over, when the sentence says. */
  period: 'month' | 'quarter' | 'year' | null;
  /** The batch of an event: 1 for "first phase", 2 for "second round"…, LAST_PHASE for "final phase"; null when none. */
  phase: number | null;
  /** How many phases the article says there are ("carried out in three phases"), when it says; set by {@link withPhaseCount}. */
  phaseCount?: number | null;
  /** The month the figure refers to ("in October", "October's"), as written; null when none near it. */
  month: string | null;
}

/** The phase number of "final phase", "last round". */
export const LAST_PHASE = 99;

/** Words either side of a figure that count as its context. */
const CONTEXT_WORDS = 8;
/** Words either side of a figure where a forecast cue makes it a forecast ("is expected to keep interest rates at 4.5%"), within its clause. */
const MODALITY_WORDS = 8;
/** Where a clause ends: a forecast cue beyond it governs another verb ("…, which targets inflation of 2%, kept rates at 4.5%"). */
const CLAUSE_BREAK = /,(?!\d{3})|[;:()—–]|\s-\s|\bbut\b|\bwhile\b|\bwhereas\b/;
// Lower case on purpose: "May" is a month, "may" a forecast.
const EXPECTED = /\b(?:[Ee]xpect\w*|[Ff]orecast\w*|[Pp]redict\w*|[Ee]stimat\w*|[Pp]roject\w*|could|would|will|should|may|might|target\w*|need\w*|hope\w*|aim\w*|goal|plans?|set to|likely|tipped|anticipat\w*|pencilled)\b/;
const THAN_EXPECTED = /\b(?:than|as)[ -](?:expected|forecast|predicted)\b/gi;
/** Names near a figure that say where or when it was traded, not whose it is. */
const NOT_OWNERS = new Set(['gmt', 'bst', 'est', 'utc', 'edt', 'cet', 'york', 'nymex', 'wall', 'stree']);
const SOURCE = /\b(?:according to|said|says|say|reported|reports|showed|shows)\s+(?:the\s+)?((?:\p{Lu}[\p{L}'’-]*\s*)+)|((?:\p{Lu}[\p{L}'’-]*\s+)+)(?:has\s+|had\s+)?(?:said|says|reported|reports|showed|shows|data|figures)\b/gu;
/** Characters either side of a figure where names count as its owners. */
const OWNER_CHARS = 60;

const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, final: LAST_PHASE, last: LAST_PHASE };
const PHASE = /\b(first|second|third|fourth|fifth|sixth|final|last)\s+(?:phase|stage|round|batch|tranche|wave|part)\b|\b(?:phase|stage|round)\s+(one|two|three|four|five|six|[1-6])\b/gi;
const PHASE_NUMBER: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };
const MONTH = /\b(?:in|for|during|of)\s+(January|February|March|April|May|June|July|August|September|October|November|December)\b|\b(January|February|March|April|May|June|July|August|September|October|November|December)['’]s\b/g;
const YEAR_CUE = /\b(?:in (?:19|20)\d\d|for (?:all of )?(?:19|20)\d\d|whole of (?:19|20)\d\d|annual|annually|year-on-year|year[- ]earlier|a year (?:ago|earlier)|in the year to|over the year|12 months|twelve months|per year|a year)\b/i;
const QUARTER_CUE = /\b(?:quarter|quarterly|three months to|three months ending)\b/i;
const MONTH_CUE = /\b(?:monthly|month-on-month|a month earlier|in the month|previous month|per month|a month)\b/i;

/**
 * The meaning of `figure` (its sentence is where the words come from).
 * @example figureMeaning(fig303).label // ['prison', 'war', 'bring', 'home']
 */
export function figureMeaning(figure: Pick<Figure, 'text' | 'kind' | 'unit' | 'label' | 'sentence'>): FigureMeaning {
  const sentence = figure.sentence;
  const at = Math.max(0, sentence.indexOf(figure.text));
  const end = at + figure.text.length;
  const before = sentence.slice(0, at);
  const after = sentence.slice(end);
  const near = `${lastWords(before, CONTEXT_WORDS)} ${firstWords(after, CONTEXT_WORDS)}`;
  const window = sentence.slice(Math.max(0, at - OWNER_CHARS), Math.min(sentence.length, end + OWNER_CHARS));
  return {
    kind: figure.kind,
    unit: figure.unit,
    label: contentStems(figure.label),
    context: contentStems(near),
    sentence: contentStems(sentence),
    at,
    sentenceText: sentence,
    modality: modalityOf(before, after),
    sources: sourcesOf(sentence),
    owners: [...new Set(entityMentions(sentence).filter((e) => e.index >= at - OWNER_CHARS && e.index <= end + OWNER_CHARS && !NOT_OWNERS.has(e.stem)).map((e) => e.stem))],
    period: periodOf(window),
    phase: nearest(sentence, PHASE, at, (m) => ORDINALS[(m[1] ?? '').toLowerCase()] ?? PHASE_NUMBER[(m[2] ?? '').toLowerCase()] ?? Number(m[2])),
    month: nearest(sentence, MONTH, at, (m) => m[1] ?? m[2] ?? null),
  };
}

const PHASE_COUNT = /\b(two|three|four|five|six|[2-6])\s+(?:phases|stages|rounds|batches|tranches|waves)\b/i;

/**
 * The meaning with the number of phases the whole article announces, for a figure of a batch:
 * a "final phase" completes a total only when we know how many phases there were.
 * @example withPhaseCount(meaning, 'The exchange was carried out in three phases.').phaseCount // 3
 */
export function withPhaseCount(meaning: FigureMeaning, articleText: string): FigureMeaning {
  if (meaning.phase === null) return meaning;
  const m = PHASE_COUNT.exec(articleText);
  const word = (m?.[1] ?? '').toLowerCase();
  return { ...meaning, phaseCount: m ? (PHASE_NUMBER[word] ?? Number(word)) : null };
}

/** Names a sentence credits with its figures: "…, the Halifax said", "according to Nationwide". */
export function sourcesOf(sentence: string): string[] {
  const out = new Set<string>();
  for (const m of sentence.matchAll(SOURCE)) {
    for (const e of entityMentions(`x ${m[1] ?? m[2] ?? ''}`)) out.add(e.stem);
  }
  return [...out];
}

/**
 * Whether the sentence states the figure as a forecast: a cue among the words of its own clause
 * around it. Read from the sentence, never the label, so label wording cannot lose it.
 */
function modalityOf(before: string, after: string): FigureMeaning['modality'] {
  const clauseBefore = before.split(CLAUSE_BREAK).pop() ?? '';
  const clauseAfter = after.split(CLAUSE_BREAK)[0] ?? '';
  const near = `${lastWords(clauseBefore, MODALITY_WORDS)} ${firstWords(clauseAfter, MODALITY_WORDS)}`;
  return EXPECTED.test(near.replace(THAN_EXPECTED, '')) ? 'expected' : 'actual';
}

function lastWords(s: string, n: number): string {
  return s.split(/\s+/).filter(Boolean).slice(-n).join(' ');
}

function firstWords(s: string, n: number): string {
  return s.split(/\s+/).filter(Boolean).slice(0, n).join(' ');
}

function periodOf(window: string): FigureMeaning['period'] {
  if (YEAR_CUE.test(window)) return 'year';
  if (QUARTER_CUE.test(window)) return 'quarter';
  if (MONTH_CUE.test(window)) return 'month';
  return null;
}

/** The value read from the match of `pattern` closest to offset `at`, or null when none. */
function nearest<T>(sentence: string, pattern: RegExp, at: number, read: (m: RegExpMatchArray) => T | null): T | null {
  let best: { distance: number; value: T } | null = null;
  for (const m of sentence.matchAll(pattern)) {
    const value = read(m);
    if (value === null || (typeof value === 'number' && !Number.isFinite(value))) continue;
    const distance = Math.abs(m.index - at);
    if (best === null || distance < best.distance) best = { distance, value };
  }
  return best?.value ?? null;
}

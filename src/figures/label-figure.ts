/**
 * What a figure counts, in 3–8 words of its sentence, read from phrase structure over the
 * tagger's parts of speech: the noun phrase the number quantifies ("971 Russian soldiers"), the
 * subject of a change verb for percentages and money ("Time Warner's profit jumped 76%" → "rise in
 * Time Warner's profit"), "of"-complements ("a third of staff"), with negation and modality kept.
 * Label words are whole phrases on one side of the number, so a label never has a hole in it.
 */
import type { Figure } from '../domain/types.js';
import { completeLabel } from './label-extend.js';
import type { TaggedSentence, Token } from './tag-sentence.js';
import { DROP_IN_LABEL, MAX_WORDS, MODALS, NEGATION, PP_KEEPERS, TIME_WORD, WHEN_WORDS, countWords, isGlued, isNounish, isPastForm, isTimePhrase, isVerbLike, inPhrase, namesOf, nonFiniteAt, nounBack, nounPhrase, objectAfter, predicateAfter, render, word, wordsOf, withoutLeadingTime } from './labels/phrases.js';
import { badShape, namesAThing, type BadShape, saysSomething, withoutHoles } from './labels/label-quality.js';
import { otherReadings } from './labels/other-readings.js';
import type { ArticleContext } from './labels/article-context.js';
import { COPULA, CLAUSE_OPENERS, EXPECT, readBack, type Back } from './labels/read-back.js';
import { withFrontedPhrase, withRate, withTime } from './labels/time-and-place.js';
import { changeNounDirection, comparativeDirection, direction, hedge } from './labels/direction.js';
import { isVagueAmount } from './vague-amounts.js';

/** How far back (in characters, about two sentences) the headline's owner must be named to own a figure. */
const NEARBY_CHARS = 300;

/** Verbs that link a subject to the figure without an action: "is", "represents", "totals". */
const LINKING = /^(?:be|become|remain|represent|equal|total|amount|number|constitute|mean)$/;

/** Pronouns and stand-ins that name nobody on their own: "it", "the firm". */
const STAND_INS = new Set(['it', 'they', 'he', 'she', 'we', 'its', 'their', 'his', 'her', 'our', 'firm', 'company', 'group', 'bank', 'club', 'side', 'team', 'government', 'party', 'band', 'star', 'singer', 'player']);

/** Survey wording for the people asked: "62% of those questioned". */
const RESPONDENTS = /^(?:questioned|asked|surveyed|polled|interviewed|quizzed|respondents|sampled)$/;

/** Verbs of saying whose clause is what a share of respondents did or think. */
const SAYING = new Set(['say', 'said', 'says', 'think', 'believe', 'admit', 'report', 'claim', 'feel', 'agree', 'expect', 'want', 'prefer', 'plan']);

/** The parts of a figure a label needs. */
export type LabelTarget = Pick<Figure, 'start' | 'end' | 'kind' | 'text'> & { unit?: string | null };

/** What labelling knows about the article beyond the sentence. */
export interface LabelContext {
  /** The proper name the article is about (from its headline), to stand in for "it" or "the firm". */
  owner?: string | null;
  /** The headline and the article's repeated words, for label completion. */
  article?: ArticleContext;
  /** The name that speaks in the figure's own sentence ("Ford said its …"): nearer than the headline's owner. */
  speaker?: Token[];
  /** The label of the last figure before the sentence: what "the figure" or "the total" refers back to. */
  antecedent?: string;
  /** The figure's sentence and about two sentences before it, where the headline's owner must be named to own it. */
  nearby?: string;
}

/** True when only " (" (or "; " inside brackets) separates two amounts: "$1.13bn (£600m)", "($74.6bn; £39.1bn)". */
export function isConversion(text: string, prevEnd: number, start: number): boolean {
  return prevEnd <= start && start - prevEnd <= 3 && /^[ \t\u00a0]*[(;/][ \t\u00a0]*$/.test(text.slice(prevEnd, start));
}

/**
 * A short label for a figure from its tagged sentence (never empty). `earlier` are the figures before it, already labelled;
 * `source` is the text the offsets point into.
 * @example labelFigure(tagSentence(s), fig971, [], s) // "Russian soldiers captured" for "Ukrainian forces captured 971 Russian soldiers."
 */
export function labelFigure(
  tagged: TaggedSentence,
  figure: LabelTarget,
  earlier: ReadonlyArray<LabelTarget & { label: string }>,
  source: string,
  ctx: LabelContext = {},
): string {
  const own = withoutHoles(ownLabel(tagged, figure, earlier, source, ctx));
  if (saysSomething(own, figure.text)) return own;
  // "bids of £3m, £4m and £5m", "£30m, £40m or £50m": a member of a list of amounts with nothing of its own to say
  // counts what the member before it does.
  const sStart = tagged.tokens[0]?.start ?? figure.start;
  const last = earlier[earlier.length - 1];
  const listed = last !== undefined && last.start >= sStart && last.kind === figure.kind && last.end <= figure.start && /^[ \t\u00a0]*(?:,|,?[ \t\u00a0]*(?:and|or))[ \t\u00a0]+$/.test(source.slice(last.end, figure.start));
  if (listed && saysSomething(last.label, last.text)) return last.label;
  // "Net income jumped to 3bn yuan in 2004 ($365m; £190m)": an amount in brackets with nothing of its own restates the
  // amount of its kind before it in the sentence.
  const restated = /[(;][ \t\u00a0]*$/.test(source.slice(Math.max(sStart, figure.start - 3), figure.start)) ? earlier.findLast((e) => e.start >= sStart && e.kind === figure.kind && saysSomething(e.label, e.text)) : undefined;
  if (restated !== undefined) return restated.label;
  // Otherwise the nearest noun phrase before the figure in its sentence says more than the number again.
  const toks = tagged.tokens;
  const f0 = toks.findIndex((t) => t.end > figure.start);
  const noun = toks.findLastIndex((t, i) => i < f0 && t.pos === 'NOUN' && t.numberPiece !== true);
  const near = noun >= 0 ? render(nounBack(toks, noun)) : '';
  return saysSomething(near, figure.text) ? near : own;
}

function ownLabel(
  tagged: TaggedSentence,
  figure: LabelTarget,
  earlier: ReadonlyArray<LabelTarget & { label: string }>,
  source: string,
  ctx: LabelContext,
): string {
  const toks = tagged.tokens;
  const sStart = toks[0]?.start ?? figure.start;
  const last = earlier[earlier.length - 1];
  // "$1.13bn (£600m)": a conversion says the same as the amount before it.
  if (last !== undefined && last.start >= sStart && last.kind === figure.kind && last.label !== '' && isConversion(source, last.end, figure.start)) return last.label;
  // "up 64 pence, or 6%", "fell by $2m, or 10%": the same change in other terms says the same thing.
  if (last !== undefined && last.start >= sStart && last.label !== '' && last.end <= figure.start && /^[ \t\u00a0]*,?[ \t\u00a0]*or[ \t\u00a0]+$/.test(source.slice(last.end, figure.start))) return last.label;
  let f0 = toks.findIndex((t) => t.end > figure.start);
  if (f0 < 0) f0 = toks.length;
  let f1 = f0;
  while (f1 + 1 < toks.length && (toks[f1 + 1]?.start ?? Infinity) < figure.end) f1++;
  const speaker = speakerBefore(toks, f0);
  if (speaker.length > 0) ctx = { ...ctx, speaker };
  const antecedent = earlier.findLast((e) => e.end <= sStart && e.label !== '')?.label;
  if (antecedent !== undefined) ctx = { ...ctx, antecedent };
  ctx = { ...ctx, nearby: source.slice(Math.max(0, sStart - NEARBY_CHARS), toks[toks.length - 1]?.end ?? figure.end) };
  const structural = withFrontedPhrase(withRate(withTime(withOwner(withPhrasesAfter(chooseLabel(toks, f0, f1, figure, earlier, ctx, source), toks, f0, f1), figure, ctx), tagged, f1), toks, f1), tagged, f0);
  const words = badShape(structural, figure.text) === null ? structural : fallback(structural, toks, f0, f1, figure, ctx);
  const text = render(words);
  // The structural label, completed by the fitted model with the clause's likely missing phrases.
  if (text !== '') return completeLabel(text, toks, f0, f1, figure.kind, figure.unit, ctx.article);
  const near = [...toks.slice(Math.max(0, f0 - 3), f0), ...toks.slice(f1 + 1, f1 + 4)].filter((t) => t.pos !== 'PUNCT' && t.pos !== 'NUM' && t.pos !== 'SYM' && t.numberPiece !== true);
  return render(near) || figure.text;
}

/**
 * Shapes of a structural label that another reading replaces when one reads alone: nothing named ("translates",
 * "took"), a name and its verb ("MP had"), a word left waiting ("rise in that"). A label of names ("Spain won",
 * "Britons held at Guantanamo Bay"), a verb with its object ("fill black hole") and an empty one keep their own
 * path: on the tune part and the training gold, falling back on them lost more agreeing labels than it won.
 */
const REPLACED: ReadonlySet<BadShape> = new Set(['no-noun', 'verb-after-name', 'dangling']);

/**
 * A reading a reader can place when the structural one cannot stand alone: the first repair ("earmarked to reduce
 * taxes") or noun phrase around the figure (labels/other-readings.ts) that reads alone; else the first that names a
 * thing; else the structural one.
 */
function fallback(structural: Token[], toks: Token[], f0: number, f1: number, figure: LabelTarget, ctx: LabelContext): Token[] {
  const shape = badShape(structural, figure.text);
  const replaced = shape !== null && REPLACED.has(shape);
  if (!replaced && namesAThing(structural)) return structural;
  // A reading never says a word of the sentence twice ("caught of event of event").
  const readings = [...repairs(structural, toks, f0, f1, ctx), ...(replaced ? otherReadings(toks, f0, f1) : [])].filter(saysNoWordTwice);
  const alone = replaced ? readings.find((r) => badShape(r, figure.text) === null) : undefined;
  if (alone !== undefined) return alone;
  return namesAThing(structural) ? structural : (readings.find(namesAThing) ?? structural);
}

function saysNoWordTwice(words: readonly Token[]): boolean {
  const real = words.filter((t) => t.start >= 0);
  return new Set(real).size === real.length;
}

/**
 * Other readings of a label that names no thing ("earmarked", "will play", "bouncing back"), best first: what the
 * figure is used for ("earmarked to reduce taxes"), the verb's object after the figure ("will play games"), the
 * subject of the figure's clause ("dollar bouncing back"). The caller keeps the first that names a thing.
 */
function repairs(words: Token[], toks: Token[], f0: number, f1: number, ctx: LabelContext): Token[][] {
  const out: Token[][] = [];
  const fits = (c: Token[]): void => { if (countWords(c) <= MAX_WORDS) out.push(c); };
  const after = afterConversion(toks, f1 + 1);
  // "£4 billion that will be used to reduce taxes": a relative clause on the figure says what it is for.
  if (/^(?:that|which)$/.test(toks[after]?.lower ?? '')) {
    const pred = predicateAfter(toks, toks[after - 1] as Token);
    const to = pred.findIndex((t) => t.lower === 'to' && t.pos === 'PART');
    const purpose = to >= 0 ? pred.slice(to) : pred.filter((t) => t.pos === 'VERB' || t.pos === 'NOUN' || t.pos === 'ADP');
    if (purpose.length > 1) fits([...words, ...purpose]);
  }
  const object = objectOrPhraseAfter(toks, after);
  if (object.length > 0) fits([...words, ...object]);
  const subject = subjectBefore(toks, f0, ctx);
  if (subject.length > 0 && !subject.some((t) => words.includes(t))) fits([...subject, ...words]);
  return out;
}

/** The subject of the clause the figure is in, read from the verb group before it ("The dollar slid … before bouncing back to"). */
function subjectBefore(toks: Token[], f0: number, ctx: LabelContext): Token[] {
  let v = f0 - 1;
  while (v > 0 && !(toks[v]?.pos === 'VERB' || toks[v]?.pos === 'AUX') && toks[v]?.pos !== 'PUNCT') v--;
  while (v > 0 && (toks[v - 1]?.pos === 'VERB' || toks[v - 1]?.pos === 'AUX' || toks[v - 1]?.pos === 'PART' || toks[v - 1]?.pos === 'ADV')) v--;
  return v > 0 && (toks[v]?.pos === 'VERB' || toks[v]?.pos === 'AUX') ? resolve(clauseSubject(toks, v), ctx).filter((t) => t.pos !== 'PRON') : [];
}

/** The quantity a measure's unit measures, when one noun says it: "115 mph" is a speed, "20kg" a weight. */
const DIMENSIONS: Record<string, string> = {
  'km/h': 'speed', mph: 'speed', knots: 'speed', 'km²': 'area', 'sq mi': 'area', 'sq ft': 'area', 'm²': 'area', acres: 'area', ha: 'area',
  kg: 'weight', g: 'weight', tonnes: 'weight', lb: 'weight', oz: 'weight', '°C': 'temperature', '°F': 'temperature',
};

function chooseLabel(toks: Token[], f0: number, f1: number, figure: LabelTarget, earlier: ReadonlyArray<LabelTarget & { label: string }>, ctx: LabelContext, source: string): Token[] {
  // "grow by 20-25%", "fell by between 10 and 25%": a range of percentages or money changes like one.
  const moneyLike = figure.kind === 'money' || figure.kind === 'percent' || (figure.kind === 'range' && figure.unit !== undefined && figure.unit !== null && figure.unit !== '' && !/^(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?)$/.test(figure.unit));
  const after = toks[f1 + 1];
  // "62% of those questioned said they …", "18% said they would not …": the respondents and what they said.
  // "Hereford 1-1 Doncaster": a score between two names is that match's score.
  if (/^\d+-\d+$/.test(figure.text) && toks[f0 - 1]?.pos === 'PROPN' && toks[f1 + 1]?.pos === 'PROPN') {
    let a = f0 - 1;
    while (a > 0 && toks[a - 1]?.pos === 'PROPN' && toks.length - a < 12) a--;
    let b = f1 + 1;
    while (toks[b + 1]?.pos === 'PROPN') b++;
    return [word('score'), ...toks.slice(a, f0), word('v'), ...toks.slice(f1 + 1, b + 1)];
  }
  // "iron ingots ($5)", "Global Depository Receipts (32.8%)", "The console (12cm by 7.4cm)": an amount in brackets
  // right after a noun phrase is that thing's price, share or size.
  const bracketed = toks[f0 - 1]?.text === '(' ? nounBack(toks, f0 - 2) : [];
  if (bracketed.some((t) => t.pos === 'NOUN' || t.pos === 'PROPN')) return figure.kind === 'money' ? [word('price'), word('of'), ...bracketed] : bracketed;
  // "the express came off the tracks at 115 mph": a measure in a phrase of the clause is its subject's speed, weight, ….
  const dimension = figure.kind === 'measure' ? DIMENSIONS[figure.unit ?? ''] : undefined;
  if (dimension !== undefined && toks[f0 - 1]?.pos === 'ADP') {
    const subject = subjectBefore(toks, f0, ctx);
    if (subject.length > 0) return [word(dimension), word('of'), ...subject];
  }
  // "five years after the disappearance", "six weeks since the launch": the time from an event.
  const since = figure.kind === 'duration' ? timeFrom(toks, f1) : [];
  if (since.length > 0) return since;
  const survey = surveyLabel(toks, f1, figure);
  if (survey.length > 0) return survey;
  // "a third of staff", "62% of searchers", "half of the 30 clubs": the of-phrase is what the share is of ("tens of thousands of fans": what is counted).
  if (after?.lower === 'of' && (figure.kind === 'percent' || figure.kind === 'other' || figure.kind === 'ratio' || isShare(figure) || isVagueAmount(figure.text))) {
    const np = nounPhrase(toks, f1 + 2, true);
    // A vague count counts the of-phrase's things, it is not a share of them.
    if (np.length > 0) return isVagueAmount(figure.text) ? [...resolve(np, ctx), ...predicateAfter(toks, np[np.length - 1] as Token)] : withPredicate(toks, np, ctx);
  }
  const gapped = gappedConjunct(toks, f0, f1, figure, earlier) ;
  if (gapped.length > 0) return gapped;
  // "range from $2.5m to $4m": the two ends of a span say the same thing.
  const prev = earlier.slice(-2).reverse().find((e) => /\bfrom[ \t\u00a0]+$/.test(source.slice(Math.max(0, e.start - 6), e.start)));
  if (prev !== undefined && prev.kind === figure.kind && prev.label !== '' && prev.start >= (toks[0]?.start ?? 0) && /^[ \t\u00a0]*(?:\([^()]*\)[ \t\u00a0]*)?to[ \t\u00a0]+$/.test(source.slice(prev.end, figure.start)) && /\bfrom[ \t\u00a0]+$/.test(source.slice(Math.max(0, prev.start - 6), prev.start))) {
    return wordsOf(prev.label);
  }
  const back = readBack(toks, sharedVerbStart(toks, f0));
  // "cut its growth forecast to 3%", "reduces Barca's lead to four points": the verb's object is what moved.
  const moved = back.verb.length === 0 && quantified(toks, f1 + 1, figure).length === 0 ? objectBeforePrep(toks, f0) : null;
  if (moved !== null) {
    const dir = direction([moved.verb]);
    if (moved.prep === 'by' && dir !== null) return [word(dir), word('in'), ...resolve(moved.object, ctx)];
    if (moved.prep === 'to') return [...resolve(moved.object, ctx), ...(isPastForm(moved.verb) ? [moved.verb] : [])];
  }
  // "drives US oil down 6%", "pushed shares up 5%": the thing moved sits before the particle.
  if (moneyLike && (back.prep === 'up' || back.prep === 'down')) {
    const moved = nounBack(toks, f0 - 2);
    if (moved.length > 0) return [word(back.prep === 'up' ? 'rise' : 'fall'), word('in'), ...resolve(moved, ctx)];
  }
  // "US crude is 30% more expensive", "tickets are 7% cheaper": a comparative after the figure is a change of the subject.
  const comparative = comparativeDirection(toks, f1 + 1);
  if (moneyLike && comparative !== null && back.prep === null && back.subject.length > 0 && (back.verb.length === 0 || back.verb.every((t) => COPULA.has(t.lemma) || t.pos === 'ADV'))) {
    return [...hedge(back), word(comparative), word('in'), ...resolve(back.subject, ctx)];
  }
  const q = withAdjectivesBefore(borrowedNoun(quantified(toks, f1 + 1, figure), toks, f0, f1, figure, earlier), toks, f0);
  const dir = direction(back.verb);
  // "a 26% increase in the number of phones", "a 5% cut in prices": a change noun says its direction in one word.
  const changeNoun = figure.kind === 'percent' && q[1]?.lower === 'in' ? changeNounDirection(q[0]?.lower ?? '') : null;
  if (changeNoun !== null) return [word(changeNoun), ...q.slice(1)];
  // "profits jumped 76%", "shares fell by 6%": a change of the subject.
  if (moneyLike && dir !== null && (back.prep === null || back.prep === 'by') && (q.length === 0 || isUnitNoun(q))) {
    const subject = back.subject.length > 0 ? resolve(back.subject, ctx) : objectAfter(toks, f1 + 1);
    if (subject.length > 0) return [...hedge(back), word(dir), word('in'), ...subject];
  }
  // "Cairn's shares closed up 64 pence, or 6%, at 1130p": an amount that shares stand at is their price.
  const shares = back.subject.findLastIndex((t) => /^(?:shares|stock)$/.test(t.lower));
  if (figure.kind === 'money' && (back.prep === 'to' || back.prep === 'at') && shares >= 0 && q.length === 0) {
    // "Shares in Umbro" → "Umbro share price".
    const rest = back.subject.slice(shares + 1);
    const owner = /^(?:in|of)$/.test(rest[0]?.lower ?? '') ? rest.slice(1) : [];
    return [...resolve(back.subject.slice(0, shares), ctx), ...owner, word('share'), word('price'), ...(owner.length > 0 ? [] : rest)];
  }
  // "rose 76% to $1.13bn", "from $639m year-earlier": a level of the subject, then or now.
  if ((back.prep === 'to' || back.prep === 'from') && back.subject.length > 0 && back.verb.length > 0 && q.length === 0) {
    const glued = after?.lower === 'year' && toks[f1 + 2]?.text === '-' ? toks.slice(f1 + 1, f1 + 4) : [];
    const when = back.prep !== 'from' ? [] : glued.length > 0 ? glued : after !== undefined && WHEN_WORDS.has(after.lower) && after.lower !== 'a' ? [after] : [];
    return [...resolve(back.subject, ctx), ...when];
  }
  // "a profit of $3.36bn", "a rise of 5% in sales", "bought the unit for $9.3bn".
  if (back.headOfNoun.length > 0 && (moneyLike || q.length === 0)) {
    const head = back.headOfNoun;
    // "sold the unit for $9.3bn", "will go on sale for $250": money for a thing is its price.
    if (figure.kind === 'money' && back.prep === 'for') return [word('price'), word('of'), ...resolve(pricedThing(toks, head), ctx)];
    const changeNoun = direction(head.slice(-1));
    if (changeNoun !== null) {
      const what = inPhrase(toks, f1 + 1);
      if (what.length > 0) return [word(changeNoun), word('in'), ...what];
    }
    return withOwnerOf(head, back, ctx);
  }
  // "The orchestra strikes up 110 times during the show": how often, then who did what.
  if (q[0]?.lower === 'times' && (q.length === 1 || q[1]?.pos === 'ADP') && (figure.kind === 'count' || figure.unit === 'times') && !/er$/.test(toks[f1 + 2]?.lower ?? '')) {
    const did = resolve(clauseWords(toks, f0), ctx).filter((t) => t.pos !== 'PRON');
    if (did.length > 0) return [...q.slice(0, 1), ...did, ...q.slice(1)];
  }
  // "a six-month contract", "the 93 minute film", "a 40-year career": a duration before a noun is that thing's length.
  const durationOf = figure.kind === 'duration' ? lengthOf(q, toks, f0) : [];
  if (durationOf.length > 0) return durationOf;
  if (q.length > 0) {
    // "Hearts's 2-1 defeat", "Ford's $470m loss": the possessive before the figure says whose.
    const poss = toks[f0 - 1];
    if (poss !== undefined && poss.pos === 'PART' && /^['’]s?$/.test(poss.text) && toks[f0 - 2]?.pos === 'PROPN' && !TIME_WORD.test(toks[f0 - 2]?.lower ?? '')) {
      return [...nounBack(toks, f0 - 2).filter((t) => t.pos === 'PROPN'), ...q];
    }
    // "971 Russian soldiers" + "were captured" / "captured 971 Russian soldiers".
    // A borrowed noun ("7,800 [jobs] were moved") is not in the sentence: its predicate follows the figure.
    const lastOfQ = q[q.length - 1] as Token;
    const pred = predicateAfter(toks, lastOfQ.start < 0 ? (toks[f1] as Token) : lastOfQ);
    // "cut off ten sellers flouting the rules", "axe 104,000 jobs to free up money": when the figure is the object of a
    // verb, a participle or infinitive after it describes the things or the purpose; the verb says what happened to them.
    const isObject = back.verb.length > 0 && back.prep === null && !/ing$/.test(back.verb[0]?.lower ?? '');
    // "The first month has seen ten firms suspended", "Last year saw 300 shops closed": a time that "saw" something is when.
    if (back.verb[0]?.lemma === 'see' && back.prep === null) {
      const when = timeSubject(toks, toks.indexOf(back.verb[0]));
      const what = predicateOfObject(toks, toks.indexOf(lastOfQ) + 1);
      if (when.length > 0) return [...q, ...what, ...(/^(?:last|this|next)$/.test(when[0]?.lower ?? '') ? [] : [word('in')]), ...when];
    }
    if (pred.length > 0 && !(isObject && nonFiniteAt(toks, toks.indexOf(lastOfQ) + 1))) return [...q, ...pred];
    if (back.possessive === true) {
      // Only a name owns: "Ireland wins", but not "clubs players".
      const owner = resolve(back.subject, ctx).filter((t) => t.pos !== 'PRON');
      return owner.some((t) => t.pos === 'PROPN' || t.start < 0) ? [...owner, ...q] : q;
    }
    if (back.verb.length > 0 && back.prep === null) {
      // "covering at least 300 more people" is not what the people did.
      if (/ing$/.test(back.verb[0]?.lower ?? '')) return q;
      // "That represents 4.4 million households": a linking verb adds nothing to what is counted.
      if (back.verb.length === 1 && LINKING.test(back.verb[0]?.lemma ?? '') && back.modality.length === 0 && back.negation.length === 0 && back.subject.every((t) => t.pos === 'PRON')) return q;
      // "The figure was 30% more": a copula joins the figure to its subject, no one did anything.
      if (back.verb.length === 1 && LINKING.test(back.verb[0]?.lemma ?? '') && back.subject.length > 0) {
        const subject = resolve(back.subject, ctx);
        if (!subject.every((t) => t.pos === 'PRON')) return [...subject, ...q];
      }
      // "captured 971 soldiers" → "soldiers captured by Ukrainian forces"; "must pay back a $900m loan" → "loan buyer must pay back".
      const v = back.verb[0];
      const past = v !== undefined && (v.lemma !== v.lower || /ed$/.test(v.lower) || back.perfect) && back.modality.length === 0 && back.negation.length === 0;
      if (past) {
        // "Russian soldiers in Kursk Oblast" + "captured" reads "Russian soldiers captured in Kursk Oblast".
        const pp = q.findIndex((t, i) => i > 0 && t.pos === 'ADP' && /^(?:in|at|on|from|near|across)$/.test(t.lower));
        const verbed = pp > 0 ? [...q.slice(0, pp), ...back.verb, ...q.slice(pp)] : [...q, ...back.verb];
        const by = agent(back.subject, ctx);
        return countWords([...verbed, ...by]) <= MAX_WORDS ? [...verbed, ...by] : verbed;
      }
      // "its proposal to allow 100% foreign ownership": an infinitive after a noun completes the noun, not a clause.
      const toBefore = toks[toks.indexOf(back.verb[0] as Token) - 1];
      const intentNoun = toks[toks.indexOf(toBefore as Token) - 1];
      if (toBefore?.lower === 'to' && intentNoun?.pos === 'NOUN' && intentNoun === back.subject[back.subject.length - 1] && !TIME_WORD.test(intentNoun.lower)) {
        const intent = [...resolve(back.subject, ctx).filter((t) => t.pos !== 'PRON'), toBefore, ...back.verb, ...q];
        return countWords(intent) <= MAX_WORDS ? intent : q;
      }
      const who = resolve(back.subject, ctx).filter((t) => !DROP_IN_LABEL.has(t.lower) && t.pos !== 'PRON').slice(-3);
      return [...q, ...who, ...back.modality, ...back.negation, ...back.verb];
    }
    if (moneyLike && back.subject.length > 0 && q.length <= 2) return [...resolve(back.subject, ctx), ...q];
    // "was mugged by six men": the agents of a passive did it to the subject, "men who mugged MP".
    const passive = back.prep === 'by' && figure.kind === 'count' ? passiveVerb(toks, f0 - 2) : null;
    if (passive !== null) {
      const patient = resolve(clauseSubject(toks, toks.indexOf(passive)), ctx).filter((t) => t.pos !== 'PRON');
      const head = q.findIndex((t) => t.pos === 'ADP');
      if (patient.length > 0 && patient.length <= 4) return [...(head > 0 ? q.slice(0, head) : q), word('who'), passive, ...patient];
    }
    return q;
  }
  if (back.verb.length > 0 && back.subject.length > 0) {
    const verb = back.verb.filter((t) => !(t.pos === 'AUX' && COPULA.has(t.lemma)) && !(back.verb.length === 1 && COPULA.has(t.lemma)));
    if (back.verb[0]?.lemma === 'cost') return [...wordsOf('cost of'), ...resolve(back.subject, ctx)];
    const subject = resolve(back.subject, ctx);
    const object = objectOrPhraseAfter(toks, afterConversion(toks, f1 + 1));
    const v = verb[0];
    // "The charity handed out $144m to famine relief" → "handed out to famine relief by charity": what was done
    // with the money first, as for counts ("soldiers captured by Ukrainian forces").
    if (figure.kind === 'money' && back.prep === null && v !== undefined && v.pos === 'VERB' && isPastForm(v) && back.modality.length === 0 && back.negation.length === 0 && object.length > 0) {
      const done = [...verb, ...object];
      const by = agent(back.subject, ctx);
      return countWords([...done, ...by]) <= MAX_WORDS ? [...done, ...by] : done;
    }
    // "growth is projected to be 2%": with no verb left, the modality says what the subject is expected to be.
    // "is set to be worth $1.8bn": a copula (and "worth") with modality is what the subject is expected to be.
    if (back.modality.length > 0 && verb.every((t) => t.lower === 'worth')) {
      // "growth, which it forecast to be 6.5%": the pronoun is the forecaster; what is forecast is the relative's noun.
      const first = toks.indexOf(back.subject[0] as Token);
      const which = toks[first - 1]?.lower === 'which' ? first - 1 : toks[first]?.lower === 'which' ? first : -1;
      const forecast = which > 0 ? nounBack(toks, toks[which - 1]?.text === ',' ? which - 2 : which - 1) : back.subject.length === 1 && back.subject[0]?.pos === 'PRON' ? [] : subject;
      if (forecast.length > 0) return [...hedge(back), ...forecast.filter((t) => t.pos !== 'PRON'), ...object];
    }
    // "the gold I've been trying to get for 24 years": a verb with no object after it, in a clause on a noun, does
    // its action to that noun; the verbs it is the infinitive of say what was done ("trying to get gold").
    const chain = object.length === 0 ? verbChain(toks, verb) : [];
    // A verb of intent in the chain ("wanted to win") is already said as modality.
    const done = [...chain.filter((t) => !back.modality.includes(t)), ...verb];
    const missing = chain.length > 0 ? clauseAntecedent(toks, toks.indexOf(chain[0] as Token)) : [];
    // "The government will invest £20m in broadband": who, then what they will or will not do ("he" names nobody).
    return [...subject.filter((t) => t.pos !== 'PRON'), ...back.modality, ...back.negation, ...done, ...(missing.length > 0 ? missing : object)];
  }
  // No subject found: what was done, with the figure's object or phrase after a conversion ("handed out $144m (£75m) to …").
  if (back.verb.length > 0) {
    const object = objectOrPhraseAfter(toks, afterConversion(toks, f1 + 1));
    if (object.length > 0) return [...back.verb, ...object];
    // "the gold I've been trying to get for 24 years": the verb is an infinitive; its clause hangs on a noun.
    const chain = verbChain(toks, back.verb);
    if (chain.length === 0) return back.verb;
    const start = toks.indexOf(chain[0] as Token);
    return [...resolve(clauseSubject(toks, start), ctx).filter((t) => t.pos !== 'PRON'), ...chain, ...back.verb, ...clauseAntecedent(toks, start)];
  }
  // "only 15% are actually recycled": the figure is the subject; what it did says what it counts.
  const own = predicateAfter(toks, toks[f1] as Token);
  if (own.length > 0 && own.some((t) => t.pos === 'VERB')) return figure.kind === 'percent' ? [...(sharedWhole(toks, f0, earlier) ?? [word('share')]), ...own] : own;
  // Nothing structured: the words of the clause before the figure, then after it.
  const before = clauseBefore(toks, f0);
  if (before.length > 0) return before;
  return objectAfter(toks, f1 + 1);
}

/**
 * The length of the thing a duration modifies, with its owner: "Hoddle's six-month contract" → "length of Hoddle's contract";
 * empty when the noun does not follow the figure directly (a duration of an action, "banned for two years").
 */
function lengthOf(q: Token[], toks: Token[], f0: number): Token[] {
  const head = q[0];
  if (head === undefined || head.start < 0 || TIME_WORD.test(head.lower)) return [];
  // Only a noun right after the figure (and its glued "-year" / "-month") is modified by it.
  const last = toks.findIndex((t) => t === head) - 1;
  const glued = toks[last]?.pos === 'NOUN' || toks[last]?.pos === 'NUM' || (toks[last - 1]?.text === '-' && isGlued(toks, last - 1));
  if (!glued) return [];
  const poss = toks[f0 - 1];
  const owner = poss !== undefined && poss.pos === 'PART' && /^['’]s?$/.test(poss.text) ? nounBack(toks, f0 - 2) : [];
  return [word('length'), word('of'), ...owner, ...q];
}

/** "five years after the disappearance" → "time after disappearance": a duration measured from or to an event, else empty. */
function timeFrom(toks: Token[], f1: number): Token[] {
  const prep = toks[f1 + 1];
  if (prep === undefined || !/^(?:after|before|since|until)$/.test(prep.lower) || isTimePhrase(toks, f1 + 2)) return [];
  const event = nounPhrase(toks, f1 + 2, true);
  // A clause after the preposition ("after reports a man was seen") names its event by its subject only: too little.
  const next = toks[f1 + 2 + event.length + (toks[f1 + 2]?.pos === 'DET' ? 1 : 0)];
  if (event.length === 0 || next?.pos === 'VERB' || next?.pos === 'AUX' || next?.pos === 'DET') return [];
  return [word('time'), prep, ...event];
}

/** What a price is paid for: the object of the verb ("sold the unit for"), or the clause's subject when the noun is in a phrase ("console will go on sale for"). */
function pricedThing(toks: Token[], head: Token[]): Token[] {
  let k = toks.indexOf(head[0] as Token) - 1;
  while (k >= 0 && (toks[k]?.pos === 'DET' || toks[k]?.pos === 'ADJ' || /^(?:its|their|his|her|our)$/.test(toks[k]?.lower ?? ''))) k--;
  if (toks[k]?.pos !== 'ADP') return head;
  let v = k - 1;
  while (v > 0 && toks[v]?.pos === 'ADV') v--;
  const subject = toks[v]?.pos === 'VERB' ? clauseSubject(toks, v).filter((t) => t.pos !== 'PRON') : [];
  return subject.length > 0 ? subject : head;
}

/**
 * "have lost their first three matches and four out of their six games": a figure in a second object shares the verb of
 * the first. Returns where to read back from as if the figure followed that verb directly, else f0.
 */
function sharedVerbStart(toks: Token[], f0: number): number {
  if (!/^(?:and|or)$/.test(toks[f0 - 1]?.lower ?? '')) return f0;
  // Only the first object (nouns, numbers, their phrases) between the verb and the "and": no clause or comma of its own.
  let k = f0 - 2;
  while (k >= 0 && !(toks[k]?.pos === 'VERB' || toks[k]?.pos === 'AUX' || toks[k]?.pos === 'PUNCT' || toks[k]?.pos === 'SCONJ' || toks[k]?.pos === 'CCONJ' || (toks[k]?.pos === 'PRON' && !/^(?:its|their|his|her|our)$/.test(toks[k]?.lower ?? '')))) k--;
  const objectHasNumber = toks.slice(k + 1, f0 - 1).some((t) => t.pos === 'NUM');
  return k > 0 && toks[k]?.pos === 'VERB' && objectHasNumber ? k + 1 : f0;
}

/** The object of a verb right before the figure's "to" or "by" ("cut its forecast to 3%"), else null. */
function objectBeforePrep(toks: Token[], f0: number): { verb: Token; object: Token[]; prep: string } | null {
  const prep = toks[f0 - 1];
  if (prep === undefined || !/^(?:to|by)$/.test(prep.lower)) return null;
  const object = nounBack(toks, f0 - 2);
  if (object.length === 0 || object.every((t) => t.pos === 'PRON' || TIME_WORD.test(t.lower))) return null;
  let k = toks.indexOf(object[0] as Token) - 1;
  while (k >= 0 && (toks[k]?.pos === 'DET' || /^(?:its|their|his|her|our)$/.test(toks[k]?.lower ?? ''))) k--;
  const verb = toks[k];
  return verb !== undefined && verb.pos === 'VERB' ? { verb, object, prep: prep.lower } : null;
}

/** "44% of searchers use one engine, 48% use two": a bare share is of the same whole as the share before it in its sentence. */
function sharedWhole(toks: Token[], f0: number, earlier: ReadonlyArray<LabelTarget>): Token[] | null {
  const sStart = toks[0]?.start ?? 0;
  const prev = earlier.findLast((e) => e.start >= sStart && e.kind === 'percent');
  if (prev === undefined) return null;
  let p1 = toks.findIndex((t) => t.end >= prev.end);
  if (p1 < 0 || p1 >= f0) return null;
  if (toks[p1 + 1]?.pos === 'SYM') p1++;
  if (toks[p1 + 1]?.lower !== 'of') return null;
  const np = nounPhrase(toks, p1 + 2, true);
  return np.length > 0 ? np : null;
}

/**
 * A figure in a conjunct that leaves its verb out shares the label of the figure before it:
 * "would cost £2.50 and at Snappy Snaps £9.99" → "cost of same image at Snappy Snaps"; empty when not gapped.
 */
function gappedConjunct(toks: Token[], f0: number, f1: number, figure: LabelTarget, earlier: ReadonlyArray<LabelTarget & { label: string }>): Token[] {
  const sStart = toks[0]?.start ?? 0;
  const prev = earlier[earlier.length - 1];
  if (prev === undefined || prev.start < sStart || prev.kind !== figure.kind || prev.label === '') return [];
  const p1 = toks.findIndex((t) => t.start >= prev.end);
  if (p1 < 0 || p1 >= f0) return [];
  // "under 10 seconds (for 100m) and under 20 seconds": a bracketed aside after the first figure is no verb of its own.
  const between = withoutBrackets(toks.slice(p1, f0));
  const conj = between.findIndex((t) => t.pos === 'CCONJ');
  if (conj < 0 || between.length > 6 || between.some((t) => t.pos === 'AUX' || (t.pos === 'VERB' && !/^\p{Lu}/u.test(t.text)) || t.pos === 'NUM')) return [];
  // The conjunct's own words: a phrase before the figure ("at Snappy Snaps") or after it ("in total").
  const own = between.slice(conj + 1).filter((t) => t.pos !== 'PUNCT');
  const rest = own.length > 0 ? own : toks[f1 + 1]?.pos === 'ADP' ? [toks[f1 + 1] as Token, ...nounPhrase(toks, f1 + 2, true)] : [];
  let label = wordsOf(prev.label);
  // "copies sold in first week and 3.5 million in total": the conjunct's own phrase replaces the first one's.
  const cut = label.findIndex((t, i) => i >= 2 && /^(?:in|on|at|during|over|for)$/.test(t.lower));
  if (rest.length > 1 && cut > 0) label = label.slice(0, cut);
  return rest.length > 1 && countWords([...label, ...rest]) <= MAX_WORDS ? [...label, ...rest] : label;
}

/** The tokens outside round brackets. */
function withoutBrackets(tokens: Token[]): Token[] {
  let depth = 0;
  return tokens.filter((t) => {
    if (t.text === '(') depth++;
    const outside = depth === 0;
    if (t.text === ')') depth = Math.max(0, depth - 1);
    return outside;
  });
}

/**
 * Respondents of a survey and what they said: "62% of those questioned said they turned to …" →
 * "respondents who turned to fixed phone"; empty when the figure is not a share of people asked.
 */
function surveyLabel(toks: Token[], f1: number, figure: LabelTarget): Token[] {
  if (figure.kind !== 'percent' && !isShare(figure)) return [];
  let j = f1 + 1;
  let who = wordsOf('respondents');
  if (toks[j]?.lower === 'of') {
    j++;
    // "of the 1,000 adults": the size of the sample is no part of who was asked.
    while (toks[j]?.pos === 'DET' || toks[j]?.lower === 'those' || toks[j]?.lower === 'people' || (toks[j]?.pos === 'NUM' && /\d/.test(toks[j]?.text ?? ''))) j++;
    if (RESPONDENTS.test(toks[j]?.lower ?? '')) j++;
    else {
      // "84% of net users say they …": the people asked are named.
      const np = nounPhrase(toks, j, true);
      if (np.length === 0) return [];
      who = np;
      j = toks.indexOf(np[np.length - 1] as Token) + 1;
    }
    // "adults quizzed by ICM for BBC News 24 said": who asked them is no part of what they said.
    if (RESPONDENTS.test(toks[j]?.lower ?? '')) {
      let k = j + 1;
      while (k < toks.length && k < j + 9 && toks[k]?.pos !== 'PUNCT' && toks[k]?.pos !== 'VERB' && toks[k]?.pos !== 'AUX') k++;
      if (SAYING.has(toks[k]?.lower ?? '') || SAYING.has(toks[k]?.lemma ?? '')) j = k;
    }
  }
  while (toks[j]?.pos === 'ADV') j++;
  const saying = toks[j];
  if (saying === undefined || (!SAYING.has(saying.lower) && !SAYING.has(saying.lemma))) return [];
  j++;
  if (toks[j]?.lower === 'that') j++;
  // "said they would switch" → "who would switch"; "said politicians did not deliver" keeps "said": others act there.
  const said: Token[] = toks[j]?.pos === 'PRON' ? [] : [saying];
  if (toks[j]?.pos === 'PRON') j++;
  for (; j < toks.length && said.length < 6; j++) {
    const t = toks[j] as Token;
    if (t.pos === 'PUNCT' || t.pos === 'SCONJ' || t.pos === 'NUM' || CLAUSE_OPENERS.has(t.lower) || /^(?:what|how|why|whether)$/.test(t.lower)) break;
    if (t.pos !== 'DET' && t.pos !== 'PRON') said.push(t);
  }
  return said.length === 0 ? [] : [...who, word('who'), ...said];
}

/** "an unassailable 3-1 lead", "a dozen major newspapers": adjectives between the article and the figure describe its noun. */
function withAdjectivesBefore(q: Token[], toks: Token[], f0: number): Token[] {
  if (q.length === 0 || (q[0]?.start ?? -1) < 0) return q;
  const adjs: Token[] = [];
  let i = f0 - 1;
  while (i >= 0 && toks[i]?.pos === 'ADJ' && adjs.length < 2) adjs.unshift(toks[i--] as Token);
  // Only after an article or a possessive, so "rose 5% higher" or "estimated 10 million" bring nothing.
  if (adjs.length === 0 || !(toks[i]?.pos === 'DET' || /^['’]s?$/.test(toks[i]?.text ?? '')) || adjs.some((t) => EXPECT.has(t.lower) || /^(?:estimated|record|further|additional|extra|other|more|less|first|second|third|last|next|final|top|latest|previous)$/.test(t.lower))) return q;
  return [...adjs, ...q];
}

/**
 * A bare count borrows the noun of its neighbour in the sentence: "12,500 jobs had gone while 7,800 were
 * being moved" (7,800 jobs), "have 12 and 11 players" (12 players).
 */
function borrowedNoun(q: Token[], toks: Token[], f0: number, f1: number, figure: LabelTarget, earlier: ReadonlyArray<LabelTarget>): Token[] {
  if (q.length > 0 || figure.kind !== 'count' || !/\d/.test(figure.text)) return q;
  const next = toks[f1 + 1];
  // "12 and 11 players": the noun after the next number.
  if (next !== undefined && (next.lower === 'and' || next.lower === 'or') && toks[f1 + 2]?.pos === 'NUM') {
    let k = f1 + 2;
    while (toks[k]?.pos === 'NUM') k++;
    const np = nounPhrase(toks, k, false);
    if (np.length > 0) return np;
  }
  // "7,800 were being moved": the noun of the last count before it in the same sentence.
  if (next === undefined || !(next.pos === 'AUX' || next.pos === 'VERB')) return q;
  // "30,000 jobs are to go, 560 will be lost … and 400 are to go": the nearest earlier count that names its noun.
  const sStart = toks[0]?.start ?? 0;
  for (const prev of [...earlier].reverse()) {
    if (prev.start < sStart || prev.end > figure.start || prev.kind !== 'count') continue;
    const p0 = toks.findIndex((t) => t.end > prev.start);
    let p1 = p0;
    while (p1 + 1 < f0 && (toks[p1 + 1]?.start ?? Infinity) < prev.end) p1++;
    const np = nounPhrase(toks, p1 + 1, false);
    if (np.length > 0) return np.every((t) => t.pos !== 'PROPN') ? np.map((t) => word(t.text)) : q;
  }
  return q;
}

/**
 * A short label gains the prepositional phrases that follow it in its clause ("units sold" + "in Japan"),
 * while it has room: the words a reader needs to place the number are usually right after what it counts.
 */
function withPhrasesAfter(words: Token[], toks: Token[], f0: number, f1: number): Token[] {
  let out = words;
  let last = f1;
  for (const t of words) if (t.start >= 0) last = Math.max(last, toks.indexOf(t));
  // A label from before the figure continues only across a verb or preposition ("contribution of 1% on contracts");
  // "everyone under 18 from January" would read with a hole.
  const before = toks[f0 - 1];
  // "slid to a record $1.3666 versus the euro": a label ending right before the figure holds it inside its phrase.
  const holds = before !== undefined && before.pos === 'NOUN' && words.includes(before);
  if (last === f1 && !holds && !(before !== undefined && (before.pos === 'ADP' || before.pos === 'VERB' || before.pos === 'AUX' || before.lower === 'than'))) return words;
  let participleTaken = false;
  for (;;) {
    // "the number of phones sold during …": a participle right after the noun is part of its phrase.
    const participle = toks[last + 1];
    if (!participleTaken && participle !== undefined && participle.pos === 'VERB' && isPastForm(participle) && toks[last]?.pos === 'NOUN' && last > f1 && countWords([...out, participle]) <= MAX_WORDS) {
      out = [...out, participle];
      last++;
      participleTaken = true;
    }
    let j = last + 1;
    while (toks[j]?.pos === 'ADV') j++;
    const prep = toks[j];
    // "versus" is tagged a conjunction, but it opens a phrase like "against".
    // "during the Oscars show": a named event places the figure; "during a months-long offensive" is only when.
    const during = prep?.lower === 'during';
    if (prep === undefined || !(prep.pos === 'ADP' || /^(?:versus|vs)$/.test(prep.lower)) || !(PP_KEEPERS.has(prep.lower) || during) || isTimePhrase(toks, j + 1)) break;
    const np = nounPhrase(toks, j + 1, true);
    if (np.length === 0 || (during && !np.some((t) => t.pos === 'PROPN'))) break;
    const next = [...out, prep, ...np];
    if (countWords(next) > MAX_WORDS) break;
    out = next;
    last = toks.indexOf(np[np.length - 1] as Token);
  }
  return out;
}

/** The regular participle of a passive ending at k ("was mugged", "being robbed"), else null. */
function passiveVerb(toks: Token[], k: number): Token | null {
  const v = toks[k];
  if (v === undefined || v.pos !== 'VERB' || !/ed$/.test(v.lower)) return null;
  const aux = toks[k - 1];
  return aux !== undefined && aux.pos === 'AUX' && /^(?:be|being|been)$/.test(aux.lemma) ? v : null;
}

/** The subject of the clause whose verb group ends at v: the noun phrase before its auxiliaries ("An MP has had …", "The shop was robbed"). */
function clauseSubject(toks: Token[], v: number): Token[] {
  let i = v - 1;
  while (i >= 0 && (toks[i]?.pos === 'AUX' || toks[i]?.pos === 'ADV' || toks[i]?.pos === 'PART')) i--;
  // "… stolen after being mugged": an adverbial clause takes the main clause's subject.
  if (toks[i]?.pos === 'ADP' || toks[i]?.pos === 'SCONJ') {
    for (let k = 0; k < i; k++) {
      if (isNounish(toks[k]) || toks[k]?.pos === 'DET') {
        const np = nounPhrase(toks, k, true);
        if (np.length > 0 && (toks[k + np.length + (toks[k]?.pos === 'DET' ? 1 : 0)]?.pos === 'AUX' || toks[k + np.length + (toks[k]?.pos === 'DET' ? 1 : 0)]?.pos === 'VERB')) return np;
        return [];
      }
    }
    return [];
  }
  return nounBack(toks, i);
}

/** The object after a figure, else its prepositional phrase ("spent £3m on new roads" → "on new roads"), never a time. */
function objectOrPhraseAfter(toks: Token[], i: number): Token[] {
  const object = objectAfter(toks, i);
  if (object.length > 0) return object;
  const prep = toks[i];
  if (prep === undefined || prep.pos !== 'ADP' || !PP_KEEPERS.has(prep.lower) || isTimePhrase(toks, i + 1)) return [];
  const np = nounPhrase(toks, i + 1, true);
  return np.length > 0 ? [prep, ...np] : [];
}

/** The time that opens the clause of the verb at v, when it is its subject: "The first month (under the new rules) has seen" → "first month". */
function timeSubject(toks: Token[], v: number): Token[] {
  let k = 0;
  while (k < v && toks[k]?.pos === 'DET') k++;
  const np: Token[] = [];
  for (; k < v && (toks[k]?.pos === 'ADJ' || toks[k]?.pos === 'NOUN' || toks[k]?.pos === 'NUM'); k++) np.push(toks[k] as Token);
  const head = np[np.length - 1];
  if (head === undefined || !TIME_WORD.test(head.lower)) return [];
  // "Last year": the determiner-like adjective says which one.
  return np;
}

/** "ten firms suspended", "300 shops closed": a participle right after the object says what happened to it. */
function predicateOfObject(toks: Token[], i: number): Token[] {
  const v = toks[i];
  if (v === undefined || v.pos !== 'VERB' || !isPastForm(v)) return [];
  return [v];
}

/** The clause before index f0 with its auxiliaries ("The band has played"), at most six words, without a preposition left hanging. */
function clauseWords(toks: Token[], f0: number): Token[] {
  const out: Token[] = [];
  for (let i = f0 - 1; i >= 0 && out.length < 6; i--) {
    const t = toks[i] as Token;
    if (t.pos === 'PUNCT' || t.pos === 'SCONJ' || t.pos === 'CCONJ' || t.pos === 'NUM' || /^(?:said|says|that|which|who)$/.test(t.lower)) break;
    out.unshift(t);
  }
  // "magnify text by": the preposition belonged to the figure; a particle ("strikes up") stays with its verb.
  while (out.length > 0 && out[out.length - 1]?.pos === 'ADP' && !/^(?:up|down|out|off|back)$/.test(out[out.length - 1]?.lower ?? '')) out.pop();
  return out;
}

/** Index after a bracketed conversion at i ("$144m (£75m) to …" → the "to"), else i. */
function afterConversion(toks: Token[], i: number): number {
  if (toks[i]?.text !== '(') return i;
  let k = i + 1;
  while (k < toks.length && k < i + 6 && toks[k]?.text !== ')') k++;
  return toks[k]?.text === ')' && toks.slice(i + 1, k).some((t) => t.pos === 'NUM') ? k + 1 : i;
}

function isShare(figure: LabelTarget): boolean {
  return /\b(?:half|third|quarter|fifth|tenth|in|out of)\b/i.test(figure.text);
}

/** A unit word right after a percentage or amount that carries no meaning of its own ("76% higher"). */
function isUnitNoun(q: Token[]): boolean {
  return q.length === 1 && /^(?:higher|lower|more|less|up|down|rise|increase|fall|drop|jump|gain|growth|decline|cut)$/.test(q[0]?.lower ?? '');
}

/** The noun the figure counts, right after it: "971 Russian soldiers", "$900m loan", "exchange with Russia", "prisoners of war". */
function quantified(toks: Token[], i: number, figure: LabelTarget): Token[] {
  let j = i;
  // Step over a conversion in brackets: "$900m (£479m) loan".
  if (toks[j]?.text === '(') {
    let k = j + 1;
    while (k < toks.length && k < j + 6 && toks[k]?.text !== ')') k++;
    if (toks[k]?.text === ')' && toks.slice(j + 1, k).some((t) => t.pos === 'NUM')) j = k + 1;
  }
  // "a 50-year-old", "12-month": the unit already in the figure needs no noun, but "10-year plan" has one.
  while (toks[j]?.text === '-' && toks[j]?.start === toks[j - 1]?.end && /^(?:year|month|week|day|hour|minute|strong|old)/i.test(toks[j + 1]?.text ?? '')) j += 2;
  // "the 22-man squad", "a 10-page report": the compound's noun follows it; the glued word is part of the figure's phrase.
  if (toks[j]?.text === '-' && toks[j]?.start === toks[j - 1]?.end && toks[j + 1]?.start === toks[j]?.end && /^\p{Ll}+$/u.test(toks[j + 1]?.text ?? '')) {
    // "banned for 10-games": the glued word is the counted noun when no noun follows the compound.
    if (isNounish(toks[j + 2])) j += 2;
    else if (/s$/.test(toks[j + 1]?.lower ?? '') && !figure.text.includes('-')) return [toks[j + 1] as Token];
  }
  if (WHEN_WORDS.has(toks[j]?.lower ?? '') || (/^(?:year|month|quarter|week)$/.test(toks[j]?.lower ?? '') && toks[j + 1]?.text === '-')) return [];
  // "nine of their players": a part of a named whole counts the whole's things.
  if (toks[j]?.lower === 'of' && figure.kind === 'count' && /^(?:their|his|her|its|our|these|those)$/.test(toks[j + 1]?.lower ?? '')) j += 2;
  const np = nounPhrase(toks, j, false);
  if (np.length === 0) return [];
  // "16 times faster than …": a multiplier and its comparison.
  if (np.length === 1 && np[0]?.lower === 'times' && toks[j + 1]?.pos === 'ADV' && /er$/.test(toks[j + 1]?.lower ?? '')) np.push(toks[j + 1] as Token);
  if (figure.kind === 'duration' && np.every((t) => t.pos === 'ADJ')) return [];
  const end = j + np.length;
  // "prisoners of war", "exchange with Russia", "bid for Steven Gerrard": one prepositional phrase completes a short noun.
  const prep = toks[end];
  if (prep !== undefined && np.length <= 3 && PP_KEEPERS.has(prep.lower) && !isTimePhrase(toks, end + 1)) {
    const pp = prep.lower === 'than' && toks[end + 1]?.pos === 'VERB' ? [toks[end + 1] as Token] : nounPhrase(toks, end + 1, true);
    if (pp.length > 0 && np.length + pp.length <= 6) return [...np, prep, ...pp];
  }
  return np;
}

/** A share's noun plus what those things did: "searchers were unaware" → "searchers unaware". */
function withPredicate(toks: Token[], np: Token[], ctx: LabelContext): Token[] {
  const pred = predicateAfter(toks, np[np.length - 1] as Token);
  if (pred.length === 0) return [...wordsOf('share of'), ...resolve(np, ctx)];
  // "10% of every ticket sold goes to …": a part of each single thing is a share of it, not a number of things.
  const head = np[np.length - 1] as Token;
  const each = toks[toks.indexOf(np[0] as Token) - 1];
  if (each !== undefined && /^(?:every|each)$/.test(each.lower) && head.pos === 'NOUN' && head.lemma === head.lower) return [...wordsOf('share of'), each, ...resolve(np, ctx), ...pred];
  return [...resolve(np, ctx), ...pred];
}

/** "by Ukrainian forces": who did it, when that is a short noun phrase (a pronoun stands for the article's owner). */
function agent(subject: Token[], ctx: LabelContext): Token[] {
  const who = resolve(subject, ctx).filter((t) => !DROP_IN_LABEL.has(t.lower));
  // Only a name makes a useful agent: "by Ukrainian forces", "by Vodafone"; never "by day", "by officials".
  // A common noun does too when it is the whole subject ("by villagers", "by the courts"), never a time ("by day").
  if (who.length === 0 || who.length > 3 || who.some((t) => t.pos === 'PRON' || TIME_WORD.test(t.lower) || /^(?:day|days|hours?|times?)$/.test(t.lower)) || !who.some((t) => t.pos === 'PROPN' || t.pos === 'NOUN' || t.start < 0)) return [];
  return [word('by'), ...who];
}

/** Money and percentages say whose they are: "net profit" → "Qantas net profit" when the headline names one owner. */
function withOwner(words: Token[], figure: LabelTarget, ctx: LabelContext): Token[] {
  const owner = ctx.owner ?? '';
  if (owner === '') return words;
  // The headline's name owns a figure only where the text around it still speaks of it: a story about Campbell's
  // career quotes other runners' times, and "PC photo printers" names no owner of a mouse adapter's price.
  if (ctx.nearby !== undefined && !ctx.nearby.includes(owner)) return words;
  const lowerOwner = owner.toLowerCase();
  // A sentence's first word is tagged a name for its capital alone ("Net profit"): it names no owner.
  // "country's economic growth" already says whose.
  if (words.some((t) => (t.pos === 'PROPN' && !t.initial) || lowerOwner.includes(t.lower) || (t.pos === 'PART' && /^['’]s?$/.test(t.text)))) return words;
  const content = words.filter((t) => !DROP_IN_LABEL.has(t.lower) && t.pos !== 'ADP');
  if (content.length === 0 || content.length >= 7) return words;
  // "rise in net profit" → "rise in Qantas net profit"
  // "expected sales", "possible fall in profits": the hedge stays first.
  const hedged = words[0]?.start === -1 && /^(?:expected|possible|no)$/.test(words[0]?.lower ?? '') ? 1 : 0;
  // "rise in", "length of": the owner goes after a synthetic opener, before the thing owned.
  const opener = words.length > hedged + 2 && words[hedged]?.start === -1 && words[hedged + 1]?.start === -1 && /^(?:in|of)$/.test(words[hedged + 1]?.lower ?? '');
  const at = hedged + (opener ? 2 : 0);
  // "songs sings on film soundtrack": the owner is the subject of a present verb after the counted noun.
  const verb = at === 0 ? words.findIndex((t, i) => i > 0 && t.pos === 'VERB' && !isPastForm(t) && !/ing$/.test(t.lower) && words[i - 1]?.pos === 'NOUN') : -1;
  const slot = verb > 0 ? verb : at;
  return [...words.slice(0, slot), ...wordsOf(owner), ...words.slice(slot)];
}

/** "TimeWarner posted a profit" → "TimeWarner profit": the head noun with its owner. */
function withOwnerOf(head: Token[], back: Back, ctx: LabelContext): Token[] {
  if (back.subject.length === 0) return head;
  const owner = resolve(back.subject, ctx);
  return [...owner, ...head.filter((t) => !owner.includes(t))];
}

/** Replace a pronoun or stand-in subject ("it", "the firm") by the sentence's speaker or the article's owner when there is one. */
function resolve(subject: Token[], ctx: LabelContext): Token[] {
  const np = withoutLeadingTime(subject);
  const owner = ctx.speaker ?? (ctx.owner ? wordsOf(ctx.owner) : null);
  const content = np.filter((t) => !DROP_IN_LABEL.has(t.lower));
  // "More than 674 million mobiles were sold. The figure was 30% more": the figure is the one before.
  if (content.length === 1 && ANAPHOR.test(content[0]?.lower ?? '') && np[0]?.pos === 'DET' && ctx.antecedent !== undefined) return wordsOf(ctx.antecedent);
  if (owner === null || content.length === 0) return np;
  if (content.length === 1 && STAND_INS.has(content[0]?.lower ?? '')) return [...owner];
  if (content.length === 1 && content[0]?.pos === 'PRON') return np;
  // "its profits", "the firm's sales": name whose.
  if (STAND_INS.has(content[0]?.lower ?? '') && (content[0]?.pos === 'PRON' || content[0]?.pos === 'DET' || /^['’]s?$/.test(content[1]?.text ?? ''))) {
    const rest = content.slice(/^['’]s?$/.test(content[1]?.text ?? '') ? 2 : 1);
    return [...owner, ...rest];
  }
  return np;
}

/** Nouns that only point back at a number already given: "the figure", "this total". */
const ANAPHOR = /^(?:figure|number|total|amount|sum)$/;

const SPEAKING = /^(?:say|said|says|report|reported|reports|announce|announced|announces|add|added|adds)$/;

/**
 * "The National Association of Purchasing Management-Chicago said its index dropped to 61.2": the name right before
 * a verb of saying, before the figure, is whom "its" and "the firm" stand for in that sentence (its last three words).
 */
function speakerBefore(toks: Token[], f0: number): Token[] {
  for (let v = f0 - 1; v > 0; v--) {
    if (!SPEAKING.test(toks[v]?.lower ?? '') || toks[v]?.pos !== 'VERB') continue;
    const name: Token[] = [];
    for (let k = v - 1, words = 0; k >= 0 && words < 3; k--) {
      const t = toks[k] as Token;
      // A capitalised word inside a name is part of it whatever its tag ("Purchasing Management").
      const capital = /^\p{Lu}/u.test(t.text) && !t.initial && /^(?:PROPN|NOUN|VERB|ADJ)$/.test(t.pos);
      if (capital) {
        if (!(toks[k + 1]?.text === '-' && isGlued(toks, k + 1))) words++;
        name.unshift(t);
      }
      else if (t.text === '-' && isGlued(toks, k) && name.length > 0) name.unshift(t);
      else break;
    }
    return name.length > 0 && name[0]?.text !== '-' ? name : [];
  }
  return [];
}

/** The words of the clause before the figure, at most eight, stopping at punctuation and clause openers. */
function clauseBefore(toks: Token[], f0: number): Token[] {
  const out: Token[] = [];
  for (let i = f0 - 1; i >= 0 && out.length < MAX_WORDS; i--) {
    const t = toks[i] as Token;
    if (t.pos === 'PUNCT' || (t.pos === 'NUM' && /\d/.test(t.text)) || t.numberPiece === true || t.pos === 'SCONJ' || t.pos === 'CCONJ' || t.pos === 'AUX' || /^(?:said|says|that|which|who)$/.test(t.lower)) break;
    out.unshift(t);
  }
  return out;
}

/** The verbs whose infinitive the first verb is: "trying to" for "trying to get", "wants to" for "wants to buy"; empty when none. */
function verbChain(toks: Token[], verb: Token[]): Token[] {
  let v = toks.indexOf(verb[0] as Token);
  const out: Token[] = [];
  while (v > 1 && toks[v - 1]?.lower === 'to' && toks[v - 1]?.pos === 'PART' && toks[v - 2]?.pos === 'VERB' && out.length < 4) {
    out.unshift(toks[v - 2] as Token, toks[v - 1] as Token);
    v -= 2;
  }
  return out;
}

/**
 * The noun a clause without a relative pronoun hangs on ("the gold [I've been trying to get]" → "gold"): the verb
 * group starting at v has a pronoun subject right after that noun; else empty.
 */
function clauseAntecedent(toks: Token[], v: number): Token[] {
  let k = v - 1;
  while (k > 0 && (toks[k]?.pos === 'AUX' || toks[k]?.pos === 'ADV')) k--;
  const noun = toks[k - 1];
  if (!/^(?:i|you|he|she|we|they)$/.test(toks[k]?.lower ?? '') || noun === undefined || noun.pos !== 'NOUN' || TIME_WORD.test(noun.lower)) return [];
  return nounBack(toks, k - 1).filter((t) => !DROP_IN_LABEL.has(t.lower));
}

/**
 * One article reduced to what a digest needs: its lead (plus the most central sentence when
 * both fit in 280 characters) and its ranked key figures, with offsets into the text.
 */
import type { ArticleSummary, Figure } from '../domain/types.js';
import { findFigures } from './find-figures.js';
import { withArticleOwners } from './labels/article-owner.js';
import { rankFigures } from './rank-figures.js';
import { splitSentences, type Sentence } from './sentences.js';

const MAX_SUMMARY = 280;
const CAPTION = /Getty Images|\bReuters\/|\bAFP\b|\/AP\b|\bPhoto(?:graph)?:|\bImage:|\(Photo|\bvia Getty/;
const BYLINE = /^(?:by|By|BY)\s|\bmin read\b/;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const STOP = new Set(['the', 'a', 'an', 'of', 'in', 'on', 'at', 'to', 'for', 'and', 'or', 'but', 'is', 'was', 'are', 'were', 'says', 'said', 'with', 'by', 'from', 'as', 'its', 'it', 'that', 'this']);

/**
 * Summarize an article: title, a one- or two-sentence summary from the text, and the top figures.
 * @example summarizeArticle({ title: "Profits jump", text: "Profits jumped 76% to $1.13bn. …" }).figures[0].text // "76%"
 */
export function summarizeArticle(input: { title: string; text: string }, opts: { topK?: number } = {}): ArticleSummary {
  const { text } = input;
  const { title, sentences, all, mentions } = readArticle(input);
  const ranked = rankFigures(mentions, { title, text, topK: opts.topK ?? 5, sentences });
  return { title, summary: summaryOf(title, sentences, ranked), text, figures: withArticleOwners(ranked, text, all) };
}

/**
 * Every figure of an article, not only the top ones: each mention in text order, and one figure
 * per quantity ranked best first (what /story shows in full).
 * @example articleFigures({ title, text }).mentions.length // every quantity mentioned, restatements too
 */
export function articleFigures(input: { title: string; text: string }): { mentions: Figure[]; ranked: Figure[] } {
  const { title, sentences, all, mentions } = readArticle(input);
  const ranked = rankFigures(mentions, { title, text: input.text, topK: Infinity, sentences });
  return { mentions: withArticleOwners(mentions, input.text, all), ranked: withArticleOwners(ranked, input.text, all) };
}

/** The article's body sentences, headline and figure mentions, page chrome above the headline left out. */
function readArticle(input: { title: string; text: string }): { title: string; sentences: Sentence[]; all: Sentence[]; mentions: Figure[] } {
  const { text } = input;
  // Split once: figures, ranking and the summary all read the same sentences.
  const all = splitSentences(text);
  const bodyStart = chromeEnd(text);
  const sentences = bodyStart === 0 ? all : all.filter((s) => s.start >= bodyStart);
  const title = bodyStart > 0 && isChrome(input.title) ? headlineAt(text, bodyStart) ?? input.title : input.title;
  const mentions = findFigures(text, all).filter((f) => f.start >= bodyStart);
  return { title, sentences, all, mentions };
}

/** Lines of page chrome a scraper keeps above a headline: membership appeals, sign-up prompts, date stamps, menus. */
const CHROME =
  /\b(?:help us reach|become a (?:member|subscriber)|subscribe|sign up|newsletter|donate|support (?:our|independent|us)|stand behind|cookies?|log ?in|skip to|main menu|advertisement)\b|^\s*date\s+\d{4}-\d{2}-\d{2}\b/i;
const MAX_CHROME_LINES = 4;

function isChrome(line: string): boolean {
  return CHROME.test(line);
}

/**
 * Where the article proper starts: after the leading lines (at most four) that look like page
 * chrome, e.g. "Help us reach 20,000 members." above the headline; 0 when the text opens with prose.
 * @example chromeEnd("Subscribe to our newsletter\nTroops freed 303 prisoners.") // 28
 */
export function chromeEnd(text: string): number {
  let end = 0;
  let pos = 0;
  for (let n = 0; n < MAX_CHROME_LINES && pos < text.length; n++) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl < 0 ? text.length : nl;
    const line = text.slice(pos, lineEnd);
    if (line.trim() !== '') {
      if (!isChrome(line)) break;
      end = nl < 0 ? text.length : nl + 1;
    } else if (end === pos) {
      end = nl < 0 ? text.length : nl + 1;
    }
    pos = nl < 0 ? text.length : nl + 1;
  }
  return end;
}

/** The first non-empty line at or after `pos`, when short enough to be a headline. */
function headlineAt(text: string, pos: number): string | null {
  const line = text.slice(pos).split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
  return line !== '' && line.length <= 200 ? line : null;
}

function summaryOf(title: string, sentences: Sentence[], figures: Figure[]): string {
  // The headline is normalized once per article, not once per sentence it is compared with.
  const normalTitle = normalize(title);
  // A candidate is running prose not followed by a photo credit; the first one leads.
  const isCandidate = (i: number): boolean => isProse((sentences[i] as Sentence).text, normalTitle) && !isCredit(sentences[i + 1]?.text ?? '');
  let leadIndex = 0;
  while (leadIndex < sentences.length && !isCandidate(leadIndex)) leadIndex++;
  const lead = sentences[leadIndex] ?? sentences.find((s) => normalize(s.text) !== normalTitle) ?? sentences[0];
  if (lead === undefined) return cut(title);
  if (lead.text.length > MAX_SUMMARY) return cut(lead.text);
  // Whichever sentence is most central, the lead stands alone when no other candidate fits beside it: most
  // leads are long, so most articles need no scoring, and only the sentences short enough to fit are asked
  // whether they are prose at all.
  const room = MAX_SUMMARY - 1 - lead.text.length;
  const fits = (s: Sentence, i: number): boolean => i > leadIndex && s.text.length <= room && isCandidate(i);
  if (leadIndex >= sentences.length || !sentences.some(fits)) return lead.text;
  const candidates = sentences.filter((_, i) => i >= leadIndex && isCandidate(i));
  const central = mostCentral(candidates, lead, title, figures);
  if (central === null || central.text.length > room) return lead.text;
  const [first, second] = central.start < lead.start ? [central, lead] : [lead, central];
  return `${first.text} ${second.text}`;
}

/** A sentence of running prose: not the repeated headline (`normalTitle`, normalized), a byline or a photo caption. */
function isProse(s: string, normalTitle: string): boolean {
  if (normalizesTo(s, normalTitle) || BYLINE.test(s) || CAPTION.test(s)) return false;
  // Twelve words decide as well as all of them.
  const words = countWords(s, 12);
  return words >= 6 && (/[.!?"”’')]$/.test(s) || words >= 12);
}

/**
 * How many matches of WORD `s` holds, counting no further than `limit`: the count without the array of words.
 * @example countWords("It rose 5% in May", 12) // 5
 */
export function countWords(s: string, limit = Infinity): number {
  let n = 0;
  const walked = walkWords(s, () => ++n < limit);
  return walked ? n : Math.min(limit, s.match(WORD)?.length ?? 0);
}

/**
 * Call `visit` with the offsets of each match of WORD in `s`, in order, while it returns true; false when `s`
 * holds a surrogate pair, which the caller then reads with the regex itself.
 */
function walkWords(s: string, visit: (start: number, end: number) => boolean): boolean {
  let i = 0;
  while (i < s.length) {
    const c = charClass(s.charCodeAt(i));
    if (c === ASTRAL) return false;
    if (c !== WORD_START) {
      i++;
      continue;
    }
    const start = i++;
    while (i < s.length) {
      const d = charClass(s.charCodeAt(i));
      if (d !== WORD_START && d !== WORD_ONLY_INSIDE) break;
      i++;
    }
    if (!visit(start, i)) break;
  }
  // A word that ran into a surrogate half is not known to end there.
  return i >= s.length || charClass(s.charCodeAt(i)) !== ASTRAL;
}

// What each UTF-16 unit is to WORD, found once per unit from the regex itself; a surrogate sends the caller back to the regex.
const WORD_START = 1;
const WORD_ONLY_INSIDE = 2;
const OTHER = 3;
const ASTRAL = 4;
const CLASSES = new Uint8Array(65536);
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

function charClass(c: number): number {
  let k = CLASSES[c] as number;
  if (k === 0) {
    if (c >= 0xd800 && c <= 0xdfff) k = ASTRAL;
    else if (LETTER_OR_DIGIT.test(String.fromCharCode(c))) k = WORD_START;
    else k = c === 39 || c === 0x2019 || c === 45 ? WORD_ONLY_INSIDE : OTHER;
    CLASSES[c] = k;
  }
  return k;
}

/** A photo credit such as "(Jane Doe/Agency via Getty Images)": the sentence before it is a caption. */
function isCredit(s: string): boolean {
  return /^\(.*\)$/.test(s) && CAPTION.test(s);
}

/** The sentence that shares most with the headline and holds the top figures. */
function mostCentral(candidates: Sentence[], lead: Sentence, title: string, figures: Figure[]): Sentence | null {
  const titleWords = new Set(contentWords(title));
  const lengths = lengthMask(titleWords);
  let best: Sentence | null = null;
  let bestScore = 0;
  for (const s of candidates) {
    if (s === lead) continue;
    let score = titleWordsIn(s.text, titleWords, lengths);
    for (let rank = 0; rank < figures.length; rank++) {
      const f = figures[rank] as Figure;
      if (f.start >= s.start && f.end <= s.end) score += 3 / (rank + 1);
    }
    if (score > bestScore) {
      best = s;
      bestScore = score;
    }
  }
  return best;
}

/** How many different words of `s` (lower case) the headline's content words hold: no array, no set per sentence. */
function titleWordsIn(s: string, titleWords: ReadonlySet<string>, lengths: number): number {
  const lower = s.toLowerCase();
  const found: string[] = [];
  const walked = walkWords(lower, (start, end) => {
    // Most words are of a length no headline word has: no string is made of them.
    if ((lengths & lengthBit(end - start)) === 0) return true;
    const w = lower.slice(start, end);
    if (titleWords.has(w) && !found.includes(w)) found.push(w);
    return true;
  });
  if (walked) return found.length;
  let n = 0;
  for (const w of new Set(contentWords(s))) if (titleWords.has(w)) n += 1;
  return n;
}

/** One bit per word length (every length from 31 up shares the last): which lengths the words of `words` have. */
function lengthMask(words: Iterable<string>): number {
  let mask = 0;
  for (const w of words) mask |= lengthBit(w.length);
  return mask;
}

function lengthBit(length: number): number {
  return 1 << Math.min(length, 31);
}

function contentWords(s: string): string[] {
  return (s.toLowerCase().match(WORD) ?? []).filter((w) => !STOP.has(w));
}

/**
 * `normalize(s) === normal`, decided at the first character that differs: most sentences differ from the
 * headline at once, so walking ASCII text saves building a lower-cased copy of every sentence. Text with
 * any non-ASCII character takes the exact path (its case mapping is not one character to one).
 * @example normalizesTo("  Profits  JUMP ", "profits jump") // true
 */
export function normalizesTo(s: string, normal: string): boolean {
  let j = 0;
  let started = false;
  let space = false;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 128) return normalize(s) === normal;
    if (c === 32 || (c >= 9 && c <= 13)) {
      space = started;
      continue;
    }
    if (space) {
      if (normal.charCodeAt(j) !== 32) return false;
      j++;
      space = false;
    }
    started = true;
    if (c >= 65 && c <= 90) c += 32;
    if (normal.charCodeAt(j) !== c) return false;
    j++;
  }
  return j === normal.length;
}

function normalize(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Cut a long sentence at a word boundary, ending with "…". */
function cut(s: string): string {
  if (s.length <= MAX_SUMMARY) return s;
  const room = s.slice(0, MAX_SUMMARY - 1);
  const space = room.lastIndexOf(' ');
  return `${(space > MAX_SUMMARY / 2 ? room.slice(0, space) : room).replace(/[\s,;:]+$/, '')}…`;
}

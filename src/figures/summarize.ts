/**
 * One article reduced to what a digest needs: its lead (plus the most central sentence when
 * both fit in 280 characters) and its ranked key figures, with offsets into the text.
 */
import type { ArticleSummary, Figure } from '../domain/types.js';
import { findFigures } from './find-figures.js';
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
  const { title, sentences, mentions } = readArticle(input);
  const ranked = rankFigures(mentions, { title, text, topK: opts.topK ?? 5, sentences });
  return { title, summary: summaryOf(title, sentences, ranked), text, figures: ranked };
}

/**
 * Every figure of an article, not only the top ones: each mention in text order, and one figure
 * per quantity ranked best first (what /story shows in full).
 * @example articleFigures({ title, text }).mentions.length // every quantity mentioned, restatements too
 */
export function articleFigures(input: { title: string; text: string }): { mentions: Figure[]; ranked: Figure[] } {
  const { title, sentences, mentions } = readArticle(input);
  return { mentions, ranked: rankFigures(mentions, { title, text: input.text, topK: Infinity, sentences }) };
}

/** The article's body sentences, headline and figure mentions, page chrome above the headline left out. */
function readArticle(input: { title: string; text: string }): { title: string; sentences: Sentence[]; mentions: Figure[] } {
  const { text } = input;
  // Split once: figures, ranking and the summary all read the same sentences.
  const all = splitSentences(text);
  const bodyStart = chromeEnd(text);
  const sentences = bodyStart === 0 ? all : all.filter((s) => s.start >= bodyStart);
  const title = bodyStart > 0 && isChrome(input.title) ? headlineAt(text, bodyStart) ?? input.title : input.title;
  const mentions = findFigures(text, all).filter((f) => f.start >= bodyStart);
  return { title, sentences, mentions };
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
  const candidates = sentences.filter((s, i) => isProse(s.text, normalTitle) && !isCredit(sentences[i + 1]?.text ?? ''));
  const lead = candidates[0] ?? sentences.find((s) => normalize(s.text) !== normalTitle) ?? sentences[0];
  if (lead === undefined) return cut(title);
  if (lead.text.length > MAX_SUMMARY) return cut(lead.text);
  const central = mostCentral(candidates, lead, title, figures);
  if (central === null || lead.text.length + 1 + central.text.length > MAX_SUMMARY) return lead.text;
  const [first, second] = central.start < lead.start ? [central, lead] : [lead, central];
  return `${first.text} ${second.text}`;
}

/** A sentence of running prose: not the repeated headline (`normalTitle`, normalized), a byline or a photo caption. */
function isProse(s: string, normalTitle: string): boolean {
  if (normalizesTo(s, normalTitle) || BYLINE.test(s) || CAPTION.test(s)) return false;
  const words = s.match(WORD)?.length ?? 0;
  return words >= 6 && (/[.!?"”’')]$/.test(s) || words >= 12);
}

/** A photo credit such as "(Jane Doe/Agency via Getty Images)": the sentence before it is a caption. */
function isCredit(s: string): boolean {
  return /^\(.*\)$/.test(s) && CAPTION.test(s);
}

/** The sentence that shares most with the headline and holds the top figures. */
function mostCentral(candidates: Sentence[], lead: Sentence, title: string, figures: Figure[]): Sentence | null {
  const titleWords = new Set(contentWords(title));
  let best: Sentence | null = null;
  let bestScore = 0;
  for (const s of candidates) {
    if (s === lead) continue;
    let score = 0;
    for (const w of new Set(contentWords(s.text))) if (titleWords.has(w)) score += 1;
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

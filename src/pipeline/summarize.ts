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
  const { title, text } = input;
  const ranked = rankFigures(findFigures(text), { title, text, topK: opts.topK ?? 5 });
  return { title, summary: summaryOf(title, text, ranked), text, figures: ranked };
}

function summaryOf(title: string, text: string, figures: Figure[]): string {
  const sentences = splitSentences(text);
  const candidates = sentences.filter((s, i) => isProse(s.text, title) && !isCredit(sentences[i + 1]?.text ?? ''));
  const lead = candidates[0] ?? sentences.find((s) => normalize(s.text) !== normalize(title)) ?? sentences[0];
  if (lead === undefined) return cut(title);
  if (lead.text.length > MAX_SUMMARY) return cut(lead.text);
  const central = mostCentral(candidates, lead, title, figures);
  if (central === null || lead.text.length + 1 + central.text.length > MAX_SUMMARY) return lead.text;
  const [first, second] = central.start < lead.start ? [central, lead] : [lead, central];
  return `${first.text} ${second.text}`;
}

/** A sentence of running prose: not the repeated headline, a byline or a photo caption. */
function isProse(s: string, title: string): boolean {
  if (normalize(s) === normalize(title) || BYLINE.test(s) || CAPTION.test(s)) return false;
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
    figures.forEach((f, rank) => {
      if (f.start >= s.start && f.end <= s.end) score += 3 / (rank + 1);
    });
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

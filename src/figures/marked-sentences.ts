/**
 * The sentences that state a story's figures, each once, with the place of every figure in it:
 * a sentence with four figures is shown once with all four marked, not four times. Pure.
 */
import type { Figure } from '../domain/types.js';

/** A sentence and where its figures are in it (UTF-16 offsets into `text`, ascending, disjoint). */
export interface MarkedSentence {
  text: string;
  marks: Array<{ start: number; end: number }>;
  /** Figures whose text is not found in the sentence as written (shown beside it, never lost). */
  unplaced: string[];
}

/**
 * Group figures by their sentence, in the order the figures come (pass the best first: the
 * sentence of the best figure leads), and mark every figure in its sentence. With the article's
 * `text` a figure is placed by its offsets (the right one of two equal numbers in a sentence);
 * without it (history whose body was emptied), by its first occurrence in the sentence.
 * @example markedSentences(figures, article.text)[0] // { text: 'Revenue rose 12% to $4.5bn.', marks: [{ start: 13, end: 16 }, { start: 20, end: 26 }], unplaced: [] }
 */
export function markedSentences(figures: readonly Figure[], text = ''): MarkedSentence[] {
  const byPlace = new Map<string, MarkedSentence>();
  for (const f of figures) {
    const sentence = f.sentence.trim() === '' ? f.text : f.sentence;
    const placed = placeInText(f, sentence, text);
    const key = placed ? `@${placed.sentenceStart}` : `=${sentence}`;
    let entry = byPlace.get(key);
    if (!entry) byPlace.set(key, (entry = { text: sentence, marks: [], unplaced: [] }));
    const start = placed ? placed.start : sentence.indexOf(f.text);
    if (start >= 0 && f.text !== '') entry.marks.push({ start, end: start + f.text.length });
    else if (f.text !== '' && !entry.unplaced.includes(f.text)) entry.unplaced.push(f.text);
  }
  return [...byPlace.values()].map((s) => ({ ...s, marks: mergeMarks(s.marks) }));
}

/** Where the sentence starts in the text and the figure in the sentence, when the offsets agree. */
function placeInText(f: Figure, sentence: string, text: string): { sentenceStart: number; start: number } | null {
  if (text === '' || text.slice(f.start, f.end) !== f.text) return null;
  const sentenceStart = text.lastIndexOf(sentence, f.start);
  if (sentenceStart < 0 || sentenceStart + sentence.length < f.end) return null;
  return { sentenceStart, start: f.start - sentenceStart };
}

/** Marks sorted, overlapping ones joined ("1,000-for-1,000" and the "1,000" inside it are one mark). */
function mergeMarks(marks: ReadonlyArray<{ start: number; end: number }>): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const m of [...marks].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const last = out.at(-1);
    if (last && m.start < last.end) last.end = Math.max(last.end, m.end);
    else out.push({ ...m });
  }
  return out;
}

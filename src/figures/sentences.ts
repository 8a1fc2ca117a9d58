/**
 * Sentence splitting with exact offsets. `sbd`'s rules know abbreviations (Mr., U.S., Jan., p.m.),
 * decimals and quotes, but sbd rewrites whitespace, so we only trust it for *where* to cut and
 * map its sentences back onto the source by counting non-whitespace characters (sbd-lengths.ts
 * gives those counts by sbd's rules without building its sentences).
 */
import { sbdLengths } from './sbd-lengths.js';

/** A sentence of a text. Invariant: `text === source.slice(start, end)`. */
export interface Sentence {
  text: string;
  /** UTF-16 offsets into the source text. */
  start: number;
  end: number;
}

const LINE = /[^\n]+/g;

/**
 * Split text into sentences; every line break is a boundary too (headlines and bylines have no full stop).
 * @example splitSentences("Mr. Smith paid $4.5m. He left.") // [{ text: "Mr. Smith paid $4.5m.", start: 0, end: 21 }, …]
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  for (const line of text.matchAll(LINE)) {
    const lineStart = line.index;
    const lineEnd = lineStart + line[0].length;
    if (oneSentence(text, lineStart, lineEnd)) {
      pushTrimmed(text, skipSpace(text, lineStart, lineEnd), lineEnd, out);
      continue;
    }
    cutLine(text, lineStart, lineEnd, sbdLengths(line[0]), out);
  }
  return out;
}

/**
 * A line sbd would return whole: it cuts only at a word holding ".", "!" or "?", and a line whose only such
 * mark ends it has nowhere else to cut (a third of news lines: headlines, one-sentence paragraphs).
 * @example oneSentence("Profits rose 5%.", 0, 16) // true
 */
function oneSentence(text: string, start: number, end: number): boolean {
  let last = end - 1;
  while (last >= start && isSpace(text.charCodeAt(last))) last--;
  for (let i = start; i < last; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 || c === 33 || c === 63) return false;
  }
  return true;
}

/** Walk the source line consuming as many non-space characters as each sbd sentence holds (`lengths`). */
function cutLine(text: string, lineStart: number, lineEnd: number, lengths: number[], out: Sentence[]): void {
  let pos = lineStart;
  for (let i = 0; i < lengths.length && pos < lineEnd; i++) {
    const need = lengths[i] ?? 0;
    if (need === 0) continue;
    const start = skipSpace(text, pos, lineEnd);
    if (start >= lineEnd) break;
    // The last piece always runs to the end of the line, so a miscount can never drop text.
    const end = i === lengths.length - 1 ? lineEnd : advanceNonSpace(text, start, lineEnd, need);
    pushTrimmed(text, start, end, out);
    pos = end;
  }
  if (pos < lineEnd) pushTrimmed(text, skipSpace(text, pos, lineEnd), lineEnd, out);
}

/** Exactly JavaScript's `\s`, per UTF-16 unit, so counts on both sides agree. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function skipSpace(text: string, pos: number, limit: number): number {
  while (pos < limit && isSpace(text.charCodeAt(pos))) pos++;
  return pos;
}

function advanceNonSpace(text: string, pos: number, limit: number, need: number): number {
  let seen = 0;
  while (pos < limit && seen < need) {
    if (!isSpace(text.charCodeAt(pos))) seen++;
    pos++;
  }
  return pos;
}

function pushTrimmed(text: string, start: number, end: number, out: Sentence[]): void {
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (end > start) out.push({ text: text.slice(start, end), start, end });
}

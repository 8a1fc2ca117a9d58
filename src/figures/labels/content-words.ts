/**
 * Content words as the label agreement rule counts them (../shared/tools/score-figures.mjs): lower-case letter runs of
 * three letters or more, not in its stop list, no stemming. Label completion counts new words the same way.
 */
const STOP = new Set('the a an of in on at to for by with and or from as is was were be been has have had its their this that than more less about over under'.split(' '));

/** @example contentWords("rise in the UK exports") // ["rise", "exports"] */
export function contentWords(s: string): string[] {
  return (s.toLowerCase().match(/[a-z]+/g) ?? []).filter((w) => w.length > 2 && !STOP.has(w));
}

/**
 * How many times each content word of `s` occurs, by the same rule as contentWords: a walk over the lower-cased text
 * that makes a string only of runs of three letters or more, where contentWords built every run and two arrays.
 * @example countContentWords("The PSP costs $250. PSP sales") // Map { "psp" => 2, "costs" => 1, "sales" => 1 }
 */
export function countContentWords(s: string): Map<string, number> {
  const counts = new Map<string, number>();
  const lower = s.toLowerCase();
  let i = 0;
  while (i < lower.length) {
    if (!isAsciiLower(lower.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < lower.length && isAsciiLower(lower.charCodeAt(i))) i++;
    if (i - start <= 2) continue;
    const w = lower.slice(start, i);
    if (!STOP.has(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return counts;
}

function isAsciiLower(c: number): boolean {
  return c >= 97 && c <= 122;
}

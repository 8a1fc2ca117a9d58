/**
 * Content words as the label agreement rule counts them (../shared/tools/score-figures.mjs): lower-case letter runs of
 * three letters or more, not in its stop list, no stemming. Label completion counts new words the same way.
 */
const STOP = new Set('the a an of in on at to for by with and or from as is was were be been has have had its their this that than more less about over under'.split(' '));

/** @example contentWords("rise in the UK exports") // ["rise", "exports"] */
export function contentWords(s: string): string[] {
  return (s.toLowerCase().match(/[a-z]+/g) ?? []).filter((w) => w.length > 2 && !STOP.has(w));
}

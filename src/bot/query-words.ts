/** Words and phrases a user typed: split on spaces, "quoted phrases" kept whole. Pure; no regex from input. */

/** Longest accepted word or phrase, and most per query. */
export const MAX_PHRASE = 60;
export const MAX_PHRASES = 10;

/**
 * The words and "quoted phrases" of `text`, each with the +/- sign written before it ('' when none).
 * @example splitPhrases('+ukraine -football "interest rates"') // [{sign:'+',text:'ukraine'}, {sign:'-',text:'football'}, {sign:'',text:'interest rates'}]
 */
export function splitPhrases(text: string): Array<{ sign: '+' | '-' | ''; text: string }> {
  const out: Array<{ sign: '+' | '-' | ''; text: string }> = [];
  const s = text.replace(/[“”«»„]/g, '"');
  let i = 0;
  while (i < s.length) {
    while (i < s.length && /\s/.test(s[i]!)) i++;
    if (i >= s.length) break;
    let sign: '+' | '-' | '' = '';
    if (s[i] === '+' || s[i] === '-') sign = s[i++] as '+' | '-';
    let word = '';
    if (s[i] === '"') {
      const end = s.indexOf('"', i + 1);
      word = s.slice(i + 1, end === -1 ? s.length : end);
      i = end === -1 ? s.length : end + 1;
    } else {
      const start = i;
      while (i < s.length && !/\s/.test(s[i]!)) i++;
      word = s.slice(start, i);
    }
    const clean = word.replace(/\s+/g, ' ').trim();
    if (clean) out.push({ sign, text: clean });
  }
  return out;
}

/** Titles and names from feeds, made safe to show on one line. Pure. */

/**
 * Bidi embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069): in a title they
 * reorder what follows, so "‮txt.exe" reads as "exe.txt" — title spoofing in a digest. The marks
 * U+200E/U+200F stay: right-to-left text needs them and they reorder nothing around them.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
/** C0 and C1 control characters other than whitespace (NUL among them): nothing a title means. */
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/**
 * Whitespace runs to one space, controls and bidi overrides removed, trimmed; null when nothing is left.
 * @example oneLine('  Rates\u202E up\u0000\n 3% ') // 'Rates up 3%'
 */
export function oneLine(value: string | null | undefined): string | null {
  const line = value?.replace(BIDI_CONTROLS, '').replace(CONTROLS, '').replace(/\s+/g, ' ').trim();
  return line ? line : null;
}

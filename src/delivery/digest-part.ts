/**
 * A queued digest part is HTML, optionally followed by its inline keyboard (story buttons, "more")
 * after a NUL character — which never occurs in a message's text — so the outbox row carries the
 * buttons in the part text it already stores.
 */
import type { InlineKeyboardMarkup } from 'telegraf/types';

const KEYBOARD_MARK = '\u0000keyboard:';

/**
 * The part with its keyboard attached.
 * @example withKeyboard('<b>Digest</b>', { inline_keyboard: [[{ text: 'Story 1', callback_data: 'st:1:42' }]] })
 */
export function withKeyboard(html: string, keyboard: InlineKeyboardMarkup): string {
  return keyboard.inline_keyboard.length > 0 ? `${html}${KEYBOARD_MARK}${JSON.stringify(keyboard)}` : html;
}

/**
 * The HTML to send and the keyboard to put under it (null when none).
 * @example splitPart(withKeyboard(html, keyboard)) // { html, keyboard }
 */
export function splitPart(part: string): { html: string; keyboard: InlineKeyboardMarkup | null } {
  const at = part.indexOf(KEYBOARD_MARK);
  if (at < 0) return { html: part, keyboard: null };
  try {
    return { html: part.slice(0, at), keyboard: JSON.parse(part.slice(at + KEYBOARD_MARK.length)) as InlineKeyboardMarkup };
  } catch {
    return { html: part.slice(0, at), keyboard: null };
  }
}

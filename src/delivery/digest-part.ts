/**
 * A queued digest part is HTML, optionally followed by its inline keyboard (story buttons, "more")
 * after a NUL character — which never occurs in a message's text — so the outbox row carries the
 * buttons in the part text it already stores.
 */
import type { InlineKeyboardMarkup } from 'telegraf/types';

const KEYBOARD_MARK = '\u0000keyboard:';
const CARD_MARK = '\u0000card:';

/**
 * A part that sends the edition's picture card (as a photo) in `locale`: a marker, not the PNG —
 * the outbox renders the card once per edition and language when the part is due.
 * @example cardPart('uk') // sent as the "day in numbers" photo before the digest text
 */
export function cardPart(locale: string): string {
  return `${CARD_MARK}${locale}`;
}

/**
 * The language of a card part, or null when the part is a text message.
 * @example parseCardPart(cardPart('uk')) // { locale: 'uk' }
 */
export function parseCardPart(part: string): { locale: string } | null {
  return part.startsWith(CARD_MARK) ? { locale: part.slice(CARD_MARK.length) } : null;
}

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

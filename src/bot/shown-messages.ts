/**
 * What a message the bot edits shows now, so that a button tap never asks Telegram for an edit to
 * identical content (Telegram refuses it: 400 "message is not modified").
 *
 * A tap brings the message as it was when the user tapped. Two quick taps on the same message
 * bring the same picture, though the first tap's edit has changed the message since; so the
 * bot remembers, for a minute, what each of its edits made the message show, and trusts that
 * over the tap's picture. One process answers a chat's taps at a time (its lane), so what it
 * remembers is what the chat sees.
 */
import type { InlineKeyboardMarkup } from 'telegraf/types';

/** How long an edit is remembered: long enough for a burst of taps, short enough never to outlive a takeover by another instance. */
const REMEMBER_MS = 60_000;
const MAX_REMEMBERED = 2_000;

/** The text a Telegram user sees for HTML the bot sent (tags dropped, Telegram's four entities and numeric ones decoded). */
export function shownText(html: string): string {
  const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(?:(lt|gt|amp|quot)|#(\d{1,7})|#x([0-9a-f]{1,6}));/gi, (all, name?: string, dec?: string, hex?: string) => {
      if (name) return named[name.toLowerCase()] ?? all;
      const cp = dec !== undefined ? Number(dec) : parseInt(hex ?? '', 16);
      return cp <= 0x10ffff ? String.fromCodePoint(cp) : all;
    });
}

/** One comparable value for a message's text and buttons. */
export function shownContent(text: string, keyboard: InlineKeyboardMarkup | undefined): string {
  const rows = (keyboard?.inline_keyboard ?? []).map((row) =>
    row.map((b) => ({ text: b.text, data: 'callback_data' in b ? b.callback_data : null, url: 'url' in b ? b.url : null })),
  );
  return JSON.stringify([text, rows]);
}

/** What the bot's own edits made messages show, for a while. */
export class ShownMessages {
  private readonly shown = new Map<string, { content: string; at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The content of `chatId`'s message after the bot last edited it, if that was recent. */
  get(chatId: number, messageId: number): string | undefined {
    const key = `${chatId}:${messageId}`;
    const entry = this.shown.get(key);
    if (!entry) return undefined;
    if (this.now() - entry.at > REMEMBER_MS) {
      this.shown.delete(key);
      return undefined;
    }
    return entry.content;
  }

  /** Remember that the message now shows `content`. */
  set(chatId: number, messageId: number, content: string): void {
    const key = `${chatId}:${messageId}`;
    this.shown.delete(key);
    this.shown.set(key, { content, at: this.now() });
    if (this.shown.size > MAX_REMEMBERED) this.shown.delete(this.shown.keys().next().value!);
  }
}

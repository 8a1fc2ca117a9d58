/** Page buttons under /search results ("sr:<searchId>:<page>") plus buttons opening each result. */
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'telegraf/types';
import type { Translator } from '../../i18n/translator.js';
import { storyButtons } from './story-buttons.js';

/** Prefix of search page buttons' callback data. */
export const SEARCH_PREFIX = 'sr:';

/**
 * "Open 1…5" buttons for the page's results, then ‹ Newer / Older › as they apply, in `tr`'s language.
 * @example searchButtons(12, 0, 3, results, chatTr(ctx))
 */
export function searchButtons(
  searchId: number,
  page: number,
  pages: number,
  results: ReadonlyArray<{ number: number; articleId: number | null }>,
  tr: Translator,
): InlineKeyboardMarkup {
  const nav: InlineKeyboardButton[] = [];
  if (page > 0) nav.push({ text: tr.t('button-newer'), callback_data: `${SEARCH_PREFIX}${searchId}:${page - 1}` });
  if (page < pages - 1) nav.push({ text: tr.t('button-older', { page: page + 2, pages }), callback_data: `${SEARCH_PREFIX}${searchId}:${page + 1}` });
  const open = storyButtons(results, tr, (number) => tr.t('button-open', { number })).inline_keyboard;
  return { inline_keyboard: [...open, ...(nav.length ? [nav] : [])] };
}

/**
 * The search id and page of a page button, or null when the data is not one.
 * @example parseSearchButton('sr:4:1') // { searchId: 4, page: 1 }
 */
export function parseSearchButton(data: string): { searchId: number; page: number } | null {
  const m = /^sr:(\d{1,15}):(\d{1,5})$/.exec(data);
  return m ? { searchId: Number(m[1]), page: Number(m[2]) } : null;
}

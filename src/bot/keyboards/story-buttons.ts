/** Inline buttons that open stories: "st:<number>:<articleId>" (≤ 64 bytes by construction). */
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'telegraf/types';
import type { Story } from '../../domain/types.js';
import type { Translator } from '../../i18n/translator.js';

/** Prefix of story buttons' callback data. */
export const STORY_PREFIX = 'st:';
const PER_ROW = 5;
const MAX_BUTTONS = 30;

/**
 * One button per story ("Story 1", …, in `tr`'s language), five per row, under a digest or a result list.
 * @example storyButtons(digest.stories, translator('en')) // { inline_keyboard: [[{ text: 'Story 1', callback_data: 'st:1:42' }, …]] }
 */
export function storyButtons(
  stories: ReadonlyArray<Pick<Story, 'number' | 'articleId'>>,
  tr: Translator,
  label = (number: number) => tr.t('button-story', { number }),
): InlineKeyboardMarkup {
  const buttons: InlineKeyboardButton[] = stories.slice(0, MAX_BUTTONS).map((s) => ({
    text: label(s.number),
    callback_data: `${STORY_PREFIX}${s.number}:${s.articleId ?? 0}`,
  }));
  const rows: InlineKeyboardButton[][] = [];
  for (let i = 0; i < buttons.length; i += PER_ROW) rows.push(buttons.slice(i, i + PER_ROW));
  return { inline_keyboard: rows };
}

/** Callback data of the "more" button: the page of the chat's last digest to show (2, 3, …). */
export const MORE_PREFIX = 'more:';

/**
 * The buttons under a digest: one per story of the page, and "More stories" when the chat's
 * digest has a next page.
 * @example digestButtons(view.page.stories, view.more ? 2 : null, chatTr(ctx))
 */
export function digestButtons(stories: ReadonlyArray<Pick<Story, 'number' | 'articleId'>>, nextPage: number | null, tr: Translator): InlineKeyboardMarkup {
  const keyboard = storyButtons(stories, tr);
  if (nextPage === null) return keyboard;
  return { inline_keyboard: [...keyboard.inline_keyboard, [{ text: tr.t('button-more'), callback_data: `${MORE_PREFIX}${nextPage}` }]] };
}

/**
 * The page a "more" button asks for, or null when the data is not one.
 * @example parseMoreButton('more:2') // 2
 */
export function parseMoreButton(data: string): number | null {
  const m = /^more:(\d{1,4})$/.exec(data);
  return m && Number(m[1]) >= 2 ? Number(m[1]) : null;
}

/**
 * The story number and article id of a story button, or null when the data is not one.
 * @example parseStoryButton('st:2:17') // { number: 2, articleId: 17 }
 */
export function parseStoryButton(data: string): { number: number; articleId: number | null } | null {
  const m = /^st:(\d{1,4}):(\d{1,15})$/.exec(data);
  if (!m) return null;
  const articleId = Number(m[2]);
  return { number: Number(m[1]), articleId: articleId > 0 ? articleId : null };
}

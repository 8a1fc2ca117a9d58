/** Inline buttons that open stories: "st:<number>:<articleId>" (≤ 64 bytes by construction). */
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'telegraf/types';
import type { Story } from '../../domain/types.js';

/** Prefix of story buttons' callback data. */
export const STORY_PREFIX = 'st:';
const PER_ROW = 5;
const MAX_BUTTONS = 30;

/**
 * One button per story ("Story 1", …), five per row, under a digest or a result list.
 * @example storyButtons(digest.stories) // { inline_keyboard: [[{ text: '1', callback_data: 'st:1:42' }, …]] }
 */
export function storyButtons(stories: ReadonlyArray<Pick<Story, 'number' | 'articleId'>>, label = (n: number) => `Story ${n}`): InlineKeyboardMarkup {
  const buttons: InlineKeyboardButton[] = stories.slice(0, MAX_BUTTONS).map((s) => ({
    text: label(s.number),
    callback_data: `${STORY_PREFIX}${s.number}:${s.articleId ?? 0}`,
  }));
  const rows: InlineKeyboardButton[][] = [];
  for (let i = 0; i < buttons.length; i += PER_ROW) rows.push(buttons.slice(i, i + PER_ROW));
  return { inline_keyboard: rows };
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

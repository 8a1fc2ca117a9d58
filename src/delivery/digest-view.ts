/**
 * A chat view of an edition (stored as data, DigestView) as the messages the outbox sends: the
 * picture card first when the chats asked for it, then the stories as Telegram HTML in the view's
 * language, the last message carrying the story buttons (and "more"). Rendering is deterministic,
 * so the messages counted when the edition is queued are the ones sent.
 */
import type { DigestView } from '../store/delivery-store.js';
import { renderTelegram } from '../render/render-telegram.js';
import { digestButtons } from '../bot/keyboards/story-buttons.js';
import { translator } from '../i18n/translator.js';
import { cardPart, withKeyboard } from './digest-part.js';

/**
 * Every message of the view, in order, as outbox parts (see digest-part.ts).
 * @example renderDigestView({ date: '2026-12-03', timezone: 'UTC', stories, more: false, card: false, locale: 'uk' })
 */
export function renderDigestView(view: DigestView): string[] {
  const tr = translator(view.locale);
  const parts = renderTelegram(view, { locale: tr.locale });
  if (view.stories.length === 0) return parts;
  const last = parts.length - 1;
  parts[last] = withKeyboard(parts[last]!, digestButtons(view.stories, view.more ? 2 : null, tr));
  return view.card ? [cardPart(tr.locale), ...parts] : parts;
}

/**
 * A view's messages, rendered once per view object: the rows of one claim that share a view share
 * its object, so a chat's parts and the chats of one view cost one rendering per claim.
 */
const rendered = new WeakMap<DigestView, string[]>();

/**
 * The `part`-th message of the view; null when the view renders to fewer (the renderer changed
 * between queuing and sending).
 * @example viewPart(row.view, row.part)
 */
export function viewPart(view: DigestView, part: number): string | null {
  let parts = rendered.get(view);
  if (!parts) rendered.set(view, (parts = renderDigestView(view)));
  return parts[part] ?? null;
}

/**
 * /language [en|uk]: the chat's language — replies, digests and the chat's command menu. Without
 * an argument it shows the current one with a button per language. Group admins only in groups,
 * like every setting; it is kept with the subscription, so the chat must have subscribed.
 */
import type { Context } from 'telegraf';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import type { BotDeps } from '../bot-deps.js';
import type { CommandInput } from '../command-input.js';
import { isLocale, LOCALES, translator, type Locale, type Translator } from '../../i18n/translator.js';
import { chatTr, setChatMenu, setChatTr } from '../chat-language.js';
import { requireChatAdmin } from '../guards/chat-admin.js';
import { replyHtml, replyText } from '../reply.js';
import { escapeHtml } from '../../render/escape-html.js';

/** Prefix of the language buttons' callback data under /language ("lang:uk"). */
export const LANGUAGE_PREFIX = 'lang:';

/**
 * The language a user named: a code ("uk", "UK", "uk-UA") or a language's own name ("Українська").
 * @example parseLanguage('English') // 'en'
 */
export function parseLanguage(text: string): Locale | null {
  const s = text.trim().toLowerCase();
  const code = s.split(/[-_]/)[0] ?? '';
  if (isLocale(code)) return code;
  return LOCALES.find((l) => translator(l).t('language-name').toLowerCase() === s) ?? null;
}

/**
 * One button per language, each in its own name, the current one marked with ✓.
 * @example languageButtons('uk', 'lang:') // [[{ text: 'English', … }, { text: '✓ Українська', … }]]
 */
export function languageButtons(current: Locale, prefix: string): InlineKeyboardMarkup['inline_keyboard'][number] {
  return LOCALES.map((l) => {
    const name = translator(l).t('language-name');
    return { text: l === current ? `✓ ${name}` : name, callback_data: `${prefix}${l}` };
  });
}

/** "/language en, /language uk": the choices, the same in every language. */
const choices = (): string => LOCALES.map((l) => `/language ${l}`).join(', ');

/**
 * Store the chat's language, answer the rest of this update in it and give the chat its menu in it
 * (a failed menu update is logged, not fatal: the language is set).
 * @example const tr = await applyLanguage(ctx, deps, chatId, 'uk')
 */
export async function applyLanguage(ctx: Context, deps: BotDeps, chatId: number, locale: Locale): Promise<Translator> {
  await deps.store.setLanguage(chatId, locale);
  const tr = setChatTr(ctx, locale);
  await setChatMenu(ctx.telegram, chatId, locale).catch((err: Error) => deps.logger.warn({ chat: chatId, err: err.message }, 'setMyCommands for the chat failed'));
  return tr;
}

/**
 * /language shows; /language uk sets.
 * @example handleLanguage(ctx, { ...input, args: 'uk' }, deps)
 */
export async function handleLanguage(ctx: Context, input: CommandInput, deps: BotDeps): Promise<void> {
  const tr = chatTr(ctx);
  const name = (l: Locale) => translator(l).t('language-name');
  if (input.args === '') {
    return replyHtml(ctx, [escapeHtml(tr.t('language-current', { language: name(tr.locale), choices: choices() }))], {
      inline_keyboard: [languageButtons(tr.locale, LANGUAGE_PREFIX)],
    });
  }
  const locale = parseLanguage(input.args);
  if (locale === null) return replyText(ctx, tr.t('language-unknown', { input: input.args.slice(0, 40), choices: choices() }));
  if (!(await requireChatAdmin(ctx, input, deps))) return;
  const sub = await deps.store.getSubscriber(input.chat.id);
  if (!sub?.active) return replyText(ctx, tr.t('not-subscribed'));
  if (sub.language === locale) return replyText(ctx, tr.t('language-already', { language: name(locale) }));
  const now = await applyLanguage(ctx, deps, input.chat.id, locale);
  await replyText(ctx, now.t('language-set', { language: name(locale) }));
}

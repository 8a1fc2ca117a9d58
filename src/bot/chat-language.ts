/**
 * The language a chat is answered in. A subscribed chat keeps its own (stored, changed with
 * /language or in /settings); until it has one — and in chats that have not subscribed — the
 * sender's Telegram language decides, negotiated to ours (English when we do not speak it).
 * The first time a subscribed chat without a language talks to the bot, that language is stored.
 * Resolved once per update, inside the chat's lane (after any earlier /language of the chat).
 */
import type { Context, Telegram } from 'telegraf';
import type { BotCommand } from 'telegraf/types';
import type { Subscriber } from '../domain/types.js';
import type { BotDeps } from './bot-deps.js';
import { DEFAULT_LOCALE, isLocale, LOCALES, negotiateLocale, translator, type Locale, type Translator } from '../i18n/translator.js';
import { COMMANDS } from './command-list.js';

/** Where the update's translator is kept on telegraf's per-update `ctx.state`. */
const STATE_KEY = 'translator';

/**
 * The chat's language: its stored one, else the sender's Telegram language (negotiated), else the
 * operator's LANGUAGE (channel posts have no sender).
 * @example chatLocale({ language: null }, 'uk-UA', 'en') // 'uk'
 */
export function chatLocale(subscriber: Pick<Subscriber, 'language'> | null, languageCode: string | undefined, fallback: string | undefined): Locale {
  if (isLocale(subscriber?.language)) return subscriber.language;
  if (languageCode) return negotiateLocale(languageCode);
  return isLocale(fallback) ? fallback : DEFAULT_LOCALE;
}

/**
 * Find the update's language and keep its translator on the context (see {@link chatTr}); a
 * subscribed chat without a stored language gets the sender's, once.
 * @example lanes.run(key, () => useChatLanguage(ctx, deps).then(next))
 */
export async function useChatLanguage(ctx: Context, deps: Pick<BotDeps, 'store' | 'settings' | 'logger'>): Promise<void> {
  const chatId = ctx.chat?.id;
  const code = ctx.from?.language_code;
  let sub: Subscriber | null = null;
  try {
    sub = chatId === undefined ? null : await deps.store.getSubscriber(chatId);
    if (sub && !isLocale(sub.language) && code) await deps.store.setLanguage(sub.chatId, negotiateLocale(code));
  } catch (err) {
    // The database is away: commands that need no store (/help) still answer, in the sender's language.
    deps.logger.warn({ chat: chatId, err: (err as Error).message }, 'chat language unavailable');
  }
  (ctx.state as Record<string, unknown>)[STATE_KEY] = translator(chatLocale(sub, code, deps.settings.language));
}

/**
 * The translator of the update's chat (set by {@link useChatLanguage}; the sender's language when
 * a handler runs without it, as in benches).
 * @example const { t } = chatTr(ctx); await replyText(ctx, t('pause-done'))
 */
export function chatTr(ctx: Context): Translator {
  const kept = (ctx.state as Record<string, unknown> | undefined)?.[STATE_KEY] as Translator | undefined;
  return kept ?? translator(ctx.from?.language_code);
}

/**
 * Switch the rest of this update to `locale` (after /language or a language button).
 * @example setChatTr(ctx, 'uk')
 */
export function setChatTr(ctx: Context, locale: Locale): Translator {
  const tr = translator(locale);
  (ctx.state as Record<string, unknown>)[STATE_KEY] = tr;
  return tr;
}

/**
 * The command menu in one language: every public command with its description.
 * @example commandMenu(translator('uk'))[0] // { command: 'digest', description: 'Дайджест зараз: …' }
 */
export function commandMenu(tr: Translator): BotCommand[] {
  return COMMANDS.map(({ command, description }) => ({ command, description: tr.t(description) }));
}

/**
 * Register the menu in every language: English as the default list, each other language for the
 * Telegram users whose app speaks it (setMyCommands with language_code).
 * @example await registerMenus(bot.telegram)
 */
export async function registerMenus(telegram: Pick<Telegram, 'setMyCommands'>): Promise<void> {
  for (const locale of LOCALES) {
    await telegram.setMyCommands(commandMenu(translator(locale)), locale === DEFAULT_LOCALE ? {} : { language_code: locale });
  }
}

/**
 * Give one chat the menu in its chosen language (a chat scope outranks the per-language lists),
 * so the menu follows /language rather than each member's app language.
 * @example await setChatMenu(ctx.telegram, chatId, 'en')
 */
export async function setChatMenu(telegram: Pick<Telegram, 'setMyCommands'>, chatId: number, locale: Locale): Promise<void> {
  await telegram.setMyCommands(commandMenu(translator(locale)), { scope: { type: 'chat', chat_id: chatId } });
}

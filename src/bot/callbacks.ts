/**
 * Inline-button presses: open a story, page a search, change a setting or the language, confirm a
 * broadcast. Notices are in the chat's language; the broadcast's progress is for operators, in English.
 */
import type { Context } from 'telegraf';
import type { Chat } from 'telegraf/types';
import type { BotDeps } from './bot-deps.js';
import { parseMoreButton, parseStoryButton } from './keyboards/story-buttons.js';
import { showDigestPage } from './commands/digest.js';
import { subscribeByUrlJob } from './commands/subscribe.js';
import { offeredUrl, SUBSCRIBE_OFFER } from './plain-text.js';
import { parseSearchButton } from './keyboards/search-buttons.js';
import { parseSettingsButton, settingsKeyboard } from './keyboards/settings-keyboard.js';
import { canChangeSettings } from './guards/chat-admin.js';
import { isBotAdmin } from './guards/bot-admin.js';
import { showStory } from './commands/story.js';
import { searchPage } from './commands/search.js';
import { settingsText } from './commands/settings.js';
import { chatTr } from './chat-language.js';
import { applyLanguage, LANGUAGE_PREFIX } from './commands/language.js';
import { isLocale, LOCALES, translator } from '../i18n/translator.js';
import { escapeHtml } from '../render/escape-html.js';

/**
 * Handle one callback query; it is always answered exactly once (with a short notice when useful).
 * @example bot.on('callback_query', (ctx) => handleCallback(ctx, deps))
 */
export async function handleCallback(ctx: Context, deps: BotDeps): Promise<void> {
  const query = ctx.callbackQuery;
  const data = query && 'data' in query ? query.data : '';
  const message = query?.message;
  const chat: Chat | undefined = message?.chat;
  let notice = '';
  try {
    if (!chat || !query) notice = chatTr(ctx).t('button-expired');
    else notice = await dispatch(ctx, deps, data, chat, query.from.id, message?.message_id ?? 0);
  } finally {
    await ctx.answerCbQuery(notice ? notice.slice(0, 200) : undefined).catch(() => undefined);
  }
}

async function dispatch(ctx: Context, deps: BotDeps, data: string, chat: Chat, fromId: number, messageId: number): Promise<string> {
  const { t } = chatTr(ctx);
  const story = parseStoryButton(data);
  if (story) {
    const shown = await showStory(ctx, deps, chat.id, story.number, story.articleId);
    return shown ? '' : t('story-gone');
  }
  if (data === SUBSCRIBE_OFFER) {
    const offer = ctx.callbackQuery?.message;
    const url = offer && 'text' in offer ? offeredUrl(offer.text) : null;
    if (!url) return t('button-expired');
    if (!(await canChangeSettings(ctx, { chat, fromId, senderChatId: null }, deps))) return t('admins-only-short');
    await subscribeByUrlJob(ctx, deps, chat.id, url);
    return '';
  }
  const more = parseMoreButton(data);
  if (more !== null) {
    const shown = await showDigestPage(ctx, deps, chat.id, more);
    return shown ? '' : t('digest-no-more');
  }
  const search = parseSearchButton(data);
  if (search) {
    const query = await deps.store.getSearch(chat.id, search.searchId);
    if (query === null) return t('search-expired');
    const page = await searchPage(deps, chat.id, search.searchId, query, search.page, chatTr(ctx));
    if (!page) return t('search-no-results');
    if (page.page === currentPage(ctx)) return '';
    await edit(ctx, chat.id, messageId, page.html, page.keyboard);
    return '';
  }
  const language = data.startsWith(LANGUAGE_PREFIX) ? data.slice(LANGUAGE_PREFIX.length) : null;
  const setting = language !== null ? (isLocale(language) ? { kind: 'language' as const, locale: language } : null) : parseSettingsButton(data);
  if (setting) {
    if (!(await canChangeSettings(ctx, { chat, fromId, senderChatId: null }, deps))) return t('admins-only-short');
    const sub = await deps.store.getSubscriber(chat.id);
    if (!sub?.active) return t('not-subscribed-short');
    // Editing to identical content is a 400 ("message is not modified"): skip no-op presses.
    const unchanged =
      (setting.kind === 'time' && sub.digestTime === setting.value) ||
      (setting.kind === 'pause' && sub.paused === setting.paused) ||
      (setting.kind === 'timezone-default' && sub.timezone === null) ||
      (setting.kind === 'language' && sub.language === setting.locale);
    if (unchanged) return t('button-already-set');
    let tr = chatTr(ctx);
    if (setting.kind === 'time') await deps.store.setSchedule(chat.id, { digestTime: setting.value });
    else if (setting.kind === 'timezone-default') await deps.store.setSchedule(chat.id, { timezone: null });
    else if (setting.kind === 'pause') await deps.store.setPaused(chat.id, setting.paused);
    else tr = await applyLanguage(ctx, deps, chat.id, setting.locale);
    const updated = await deps.store.getSubscriber(chat.id);
    if (language !== null) {
      // Under /language: the message becomes the confirmation, in the new language.
      await edit(ctx, chat.id, messageId, escapeHtml(tr.t('language-set', { language: tr.t('language-name') })));
    } else {
      await edit(ctx, chat.id, messageId, await settingsText(deps, chat.id, updated, tr), settingsKeyboard(updated, tr));
    }
    return tr.t('button-saved');
  }
  const broadcast = /^bc:([yn]):(\d{1,15})$/.exec(data);
  if (broadcast) {
    if (!isBotAdmin(deps, fromId)) return t('operators-only-button');
    const decision = broadcast[1] === 'y' ? 'sent' : 'cancelled';
    const pending = await deps.store.decideBroadcast(Number(broadcast[2]), decision, deps.now().toISOString());
    if (!pending) return 'Already done.'; // English: operators only
    if (decision === 'cancelled') {
      await edit(ctx, chat.id, messageId, 'Broadcast cancelled.'); // English: operators only
      return 'Cancelled.'; // English: operators only
    }
    // Thousands of chats at the global rate take minutes: a job, reporting in place when done.
    const chats = await deps.store.activeSubscribers();
    await edit(ctx, chat.id, messageId, `Sending the broadcast to ${chats.length} chat${chats.length === 1 ? '' : 's'}…`); // English: operators only
    deps.jobs.run('broadcast', async () => {
      const { sent, failed } = await sendBroadcast(ctx, deps, pending.text, chats.map((s) => s.chatId));
      await edit(ctx, chat.id, messageId, `Broadcast sent to ${sent} chat${sent === 1 ? '' : 's'}${failed ? ` (${failed} failed)` : ''}.`); // English: operators only
    });
    return 'Sending.'; // English: operators only
  }
  return t('button-expired');
}

/** "page 2 of 3" in every language, as a pattern capturing the page. */
const PAGE_LINES = LOCALES.map((l) => {
  const line = translator(l).t('search-page', { page: '\u0001', pages: '\u0002' }).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`· ${line.replace('\u0001', '(\\d+)').replace('\u0002', '\\d+')}`);
});

/** The page a search result message shows ("page 2 of 3", in whichever language it was sent), from the pressed message's text. */
function currentPage(ctx: Context): number | null {
  const message = ctx.callbackQuery?.message;
  const text = message && 'text' in message ? message.text : '';
  const m = PAGE_LINES.map((re) => re.exec(text)).find((x) => x !== null);
  return m ? Number(m[1]) - 1 : null;
}

/**
 * Send the text (plain, no markup to get wrong) to every chat; count the outcomes. All are queued
 * at once: the sender paces them (global rate, each chat's lane) and waits out every 429.
 */
async function sendBroadcast(ctx: Context, deps: BotDeps, text: string, chatIds: readonly number[]): Promise<{ sent: number; failed: number }> {
  const outcomes = await Promise.allSettled(chatIds.map((chatId) => ctx.telegram.sendMessage(chatId, text, { link_preview_options: { is_disabled: true } })));
  const failed = outcomes.filter((o) => o.status === 'rejected').length;
  for (const [i, o] of outcomes.entries()) {
    if (o.status === 'rejected') deps.logger.warn({ chat: chatIds[i], err: (o.reason as Error).message }, 'broadcast not delivered');
  }
  deps.logger.info({ sent: outcomes.length - failed, failed }, 'broadcast');
  return { sent: outcomes.length - failed, failed };
}

/** Edit a message in place; "message is not modified" and vanished messages are not errors. */
async function edit(ctx: Context, chatId: number, messageId: number, html: string, keyboard?: ReturnType<typeof settingsKeyboard>): Promise<void> {
  await ctx.telegram
    .editMessageText(chatId, messageId, undefined, html, {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...(keyboard && keyboard.inline_keyboard.length > 0 ? { reply_markup: keyboard } : {}),
    })
    .catch((err: Error) => {
      if (!/not modified|not found/i.test(err.message)) throw err;
    });
}

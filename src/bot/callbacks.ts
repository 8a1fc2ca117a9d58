/**
 * Inline-button presses: open a story, page a search, change a setting or the language, confirm a
 * broadcast. Notices are in the chat's language; the broadcast's progress is for operators, in English.
 */
import type { Context } from 'telegraf';
import type { Chat, InlineKeyboardMarkup } from 'telegraf/types';
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
import { settingsPlace, settingsText } from './commands/settings.js';
import { chatTr } from './chat-language.js';
import { applyLanguage, LANGUAGE_PREFIX } from './commands/language.js';
import { isLocale } from '../i18n/translator.js';
import { escapeHtml } from '../render/escape-html.js';
import { ShownMessages, shownContent, shownText } from './shown-messages.js';

/**
 * Handle one callback query; it is always answered exactly once (with a short notice when useful).
 * A tap whose data is not on the tapped message's keyboard (a stale or forged tap) changes nothing.
 * `shown` remembers what this bot's edits made messages show (one per bot).
 * @example bot.on('callback_query', (ctx) => handleCallback(ctx, deps, shown))
 */
export async function handleCallback(ctx: Context, deps: BotDeps, shown = new ShownMessages()): Promise<void> {
  const query = ctx.callbackQuery;
  const data = query && 'data' in query ? query.data : '';
  const message = query?.message;
  const chat: Chat | undefined = message?.chat;
  let notice = '';
  try {
    if (!chat || !query || !offeredOn(message, data)) notice = chatTr(ctx).t('button-expired');
    else notice = await dispatch(ctx, deps, shown, data, chat, query.from.id, message?.message_id ?? 0);
  } finally {
    await ctx.answerCbQuery(notice ? notice.slice(0, 200) : undefined).catch(() => undefined);
  }
}

/** A tapped message Telegram no longer gives the bot (deleted, or too old): date 0, no text, no keyboard. */
const inaccessible = (message: unknown): boolean => (message as { date?: number } | undefined)?.date === 0;

/**
 * Whether `data` is a button of the tapped message as it is now. Telegram only sends taps of a
 * message's buttons, so anything else is a stale or forged tap; an inaccessible message cannot be checked.
 */
function offeredOn(message: unknown, data: string): boolean {
  if (inaccessible(message)) return true;
  const keyboard = (message as { reply_markup?: InlineKeyboardMarkup } | undefined)?.reply_markup?.inline_keyboard ?? [];
  return keyboard.some((row) => row.some((b) => 'callback_data' in b && b.callback_data === data));
}

async function dispatch(ctx: Context, deps: BotDeps, shown: ShownMessages, data: string, chat: Chat, fromId: number, messageId: number): Promise<string> {
  const { t } = chatTr(ctx);
  const edit = (html: string, keyboard?: InlineKeyboardMarkup) => editShown(ctx, shown, chat.id, messageId, html, keyboard);
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
    await edit(page.html, page.keyboard);
    return '';
  }
  const language = data.startsWith(LANGUAGE_PREFIX) ? data.slice(LANGUAGE_PREFIX.length) : null;
  const setting = language !== null ? (isLocale(language) ? { kind: 'language' as const, locale: language } : null) : parseSettingsButton(data);
  if (setting) {
    if (!(await canChangeSettings(ctx, { chat, fromId, senderChatId: null }, deps))) return t('admins-only-short');
    const sub = await deps.store.getSubscriber(chat.id);
    if (!sub?.active) return t('not-subscribed-short');
    const place = settingsPlace(ctx, chat);
    const delivery = await deps.store.getDeliveryOptions(chat.id);
    let topic: number | null = null;
    if (setting.kind === 'topic' && setting.to === 'here') {
      // "To this topic" means the tapped message's topic: unknown when Telegram no longer gives the message.
      if (!place.forum || inaccessible(ctx.callbackQuery?.message)) return t('button-expired');
      topic = place.thread;
    }
    // A press that changes nothing is only answered.
    const unchanged =
      (setting.kind === 'time' && sub.digestTime === setting.value) ||
      (setting.kind === 'pause' && sub.paused === setting.paused) ||
      (setting.kind === 'timezone-default' && sub.timezone === null) ||
      (setting.kind === 'language' && sub.language === setting.locale) ||
      (setting.kind === 'card' && delivery.pictureCard === setting.on) ||
      (setting.kind === 'topic' && delivery.digestTopic === topic);
    if (unchanged) return t('button-already-set');
    let tr = chatTr(ctx);
    if (setting.kind === 'time') await deps.store.setSchedule(chat.id, { digestTime: setting.value });
    else if (setting.kind === 'timezone-default') await deps.store.setSchedule(chat.id, { timezone: null });
    else if (setting.kind === 'pause') await deps.store.setPaused(chat.id, setting.paused);
    else if (setting.kind === 'card') await deps.store.setPictureCard(chat.id, setting.on);
    else if (setting.kind === 'topic') await deps.store.setDigestTopic(chat.id, topic);
    else tr = await applyLanguage(ctx, deps, chat.id, setting.locale);
    if (language !== null) {
      // Under /language: the message becomes the confirmation, in the new language.
      await edit(escapeHtml(tr.t('language-set', { language: tr.t('language-name') })));
    } else {
      const updated = await deps.store.getSubscriber(chat.id);
      const now = await deps.store.getDeliveryOptions(chat.id);
      await edit(await settingsText(deps, chat.id, updated, tr, now, place), settingsKeyboard(updated, tr, now, place));
    }
    return tr.t('button-saved');
  }
  const broadcast = /^bc:([yn]):(\d{1,15})$/.exec(data);
  if (broadcast) {
    if (!isBotAdmin(deps, fromId)) return t('operators-only-button');
    const id = Number(broadcast[2]);
    if (broadcast[1] === 'n') {
      if (!(await deps.store.decideBroadcast(id, 'cancelled', deps.now()))) return 'Already done.'; // English: operators only
      await edit('Broadcast cancelled.'); // English: operators only
      return 'Cancelled.'; // English: operators only
    }
    // Queued in the outbox like a digest: leased, paced by the fleet's flood budget, retried after
    // retry_after, kept across a crash; chats that blocked the bot are deactivated as it goes.
    const queued = await deps.store.queueBroadcast(id, deps.now());
    if (!queued) return 'Already done.'; // English: operators only
    await edit(`Broadcast queued for ${queued.queued} chat${queued.queued === 1 ? '' : 's'}: the outbox sends it within the flood limits.`); // English: operators only
    return 'Sending.'; // English: operators only
  }
  return t('button-expired');
}

/**
 * Show `html` and `keyboard` in the tapped message: edited in place, unless it already shows just
 * that (Telegram would answer 400 "message is not modified"); as a new message when Telegram no
 * longer gives the bot the tapped one. "Not modified" and a message deleted meanwhile are not errors.
 */
async function editShown(ctx: Context, shown: ShownMessages, chatId: number, messageId: number, html: string, keyboard?: InlineKeyboardMarkup): Promise<void> {
  const markup = keyboard && keyboard.inline_keyboard.length > 0 ? keyboard : undefined;
  const extra = { parse_mode: 'HTML' as const, link_preview_options: { is_disabled: true }, ...(markup ? { reply_markup: markup } : {}) };
  const tapped = ctx.callbackQuery?.message;
  if (inaccessible(tapped)) {
    await ctx.telegram.sendMessage(chatId, html, extra);
    return;
  }
  const content = shownContent(shownText(html), markup);
  const before = tapped && tapped.message_id === messageId && 'text' in tapped ? shownContent(tapped.text, 'reply_markup' in tapped ? tapped.reply_markup : undefined) : undefined;
  if ((shown.get(chatId, messageId) ?? before) === content) return;
  await ctx.telegram
    .editMessageText(chatId, messageId, undefined, html, extra)
    .then(() => shown.set(chatId, messageId, content))
    .catch((err: Error) => {
      if (/not modified/i.test(err.message)) shown.set(chatId, messageId, content);
      else if (!/not found/i.test(err.message)) throw err;
    });
}

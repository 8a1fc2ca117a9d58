/**
 * /settings: everything this chat set, with buttons to change time, pause, time zone, language,
 * the picture card and (in a group with topics) the topic the digest goes to.
 */
import type { Context } from 'telegraf';
import type { Subscriber } from '../../domain/types.js';
import type { Translator } from '../../i18n/translator.js';
import type { BotDeps } from '../bot-deps.js';
import type { CommandInput } from '../command-input.js';
import { chatTimezoneLabel, describeNextDigest, describeSchedule } from '../chat-schedule.js';
import { chatFeeds } from '../chat-feeds.js';
import { chatTr } from '../chat-language.js';
import { htmlLine, packBlocks } from '../html.js';
import { NO_TOPICS, settingsKeyboard, type SettingsPlace } from '../keyboards/settings-keyboard.js';
import { replyHtml } from '../reply.js';
import { topicOf } from '../route-sends.js';
import type { ChatDeliveryOptions } from '../../store/chat-delivery-store.js';

/**
 * Where the update's message is, for the settings: a forum or not, and its topic.
 * @example settingsPlace(ctx, chat) // { forum: true, thread: 12 }
 */
export function settingsPlace(ctx: Context, chat: { type: string; is_forum?: boolean }): SettingsPlace {
  if (chat.type !== 'supergroup' || chat.is_forum !== true) return NO_TOPICS;
  return { forum: true, thread: topicOf(ctx)?.threadId ?? null };
}

/** The line saying where a forum's digest goes, seen from the topic the settings message is in. */
function topicLine(delivery: ChatDeliveryOptions, place: SettingsPlace, t: Translator['t']): string {
  if (delivery.digestTopic === null) return t('settings-topic-general');
  return t(delivery.digestTopic === place.thread ? 'settings-topic-here' : 'settings-topic-other');
}

/**
 * The settings message (one message: every line is short) for a chat, in `tr`'s language, with
 * the chat's delivery options; `place` says where the message goes (the topic line is for forums).
 * @example const html = await settingsText(deps, chatId, subscriber, chatTr(ctx), delivery, settingsPlace(ctx, chat))
 */
export async function settingsText(
  deps: BotDeps,
  chatId: number,
  sub: Subscriber | null,
  tr: Translator,
  delivery: ChatDeliveryOptions,
  place: SettingsPlace = NO_TOPICS,
): Promise<string> {
  const { t } = tr;
  const prefs = await deps.store.getPreferences(chatId);
  const feeds = await chatFeeds(deps, chatId);
  const status = !sub?.active ? t('settings-status-none') : sub.paused ? t('settings-status-paused') : t('settings-status-active');
  const topics =
    prefs.include.length + prefs.exclude.length === 0
      ? t('settings-topics-none')
      : t('settings-topics', { include: prefs.include.length, exclude: prefs.exclude.length });
  const blocks = [
    [htmlLine([{ text: t('settings-title'), style: 'b' }])],
    [
      htmlLine([`${t('settings-status')} `, { text: status, style: 'b' }]),
      // The schedule alone: when the next digest comes is the next line's (and not promised while paused).
      htmlLine([`${t('settings-digest')} `, sub?.digestTime ? describeSchedule(deps, sub, tr) : t('schedule-default')], 300),
      // Worked out from the stored schedule on every call: right after /time or /timezone it is the new one.
      ...(sub?.active && !sub.paused ? [htmlLine([t('settings-next', { when: describeNextDigest(deps, sub, tr) ?? t('settings-next-none') })])] : []),
      htmlLine([`${t('settings-zone')} `, chatTimezoneLabel(deps, sub), sub?.timezone ? '' : ` ${t('settings-zone-default')}`]),
      htmlLine([t('settings-feeds', { chosen: feeds.filter((f) => f.chosen).length, total: feeds.length })]),
      htmlLine([topics]),
      htmlLine([t('settings-language', { language: t('language-name') })]),
      htmlLine([t(delivery.pictureCard ? 'settings-card-on' : 'settings-card-off')]),
      ...(place.forum ? [htmlLine([topicLine(delivery, place, t)])] : []),
    ],
    [htmlLine([{ text: t('settings-hint'), style: 'i' }])],
  ];
  return packBlocks(blocks)[0] ?? '';
}

/**
 * Show the settings with their buttons.
 * @example handleSettings(ctx, input, deps)
 */
export async function handleSettings(ctx: Context, input: CommandInput, deps: BotDeps): Promise<void> {
  const tr = chatTr(ctx);
  const sub = await deps.store.getSubscriber(input.chat.id);
  const delivery = await deps.store.getDeliveryOptions(input.chat.id);
  const place = settingsPlace(ctx, input.chat);
  await replyHtml(ctx, [await settingsText(deps, input.chat.id, sub, tr, delivery, place)], settingsKeyboard(sub, tr, delivery, place));
}

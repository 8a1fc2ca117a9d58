/** /settings: everything this chat set, with buttons to change time, pause, time zone and language. */
import type { Context } from 'telegraf';
import type { Subscriber } from '../../domain/types.js';
import type { Translator } from '../../i18n/translator.js';
import type { BotDeps } from '../bot-deps.js';
import type { CommandInput } from '../command-input.js';
import { chatTimezoneLabel, describeNextDigest, describeSchedule } from '../chat-schedule.js';
import { chatFeeds } from '../chat-feeds.js';
import { chatTr } from '../chat-language.js';
import { htmlLine, packBlocks } from '../html.js';
import { settingsKeyboard } from '../keyboards/settings-keyboard.js';
import { replyHtml } from '../reply.js';

/**
 * The settings message (one message: every line is short) for a chat, in `tr`'s language.
 * @example const html = await settingsText(deps, chatId, subscriber, chatTr(ctx))
 */
export async function settingsText(deps: BotDeps, chatId: number, sub: Subscriber | null, tr: Translator): Promise<string> {
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
      htmlLine([`${t('settings-digest')} `, describeSchedule(deps, sub, tr)], 300),
      // Worked out from the stored schedule on every call: right after /time or /timezone it is the new one.
      ...(sub?.active && !sub.paused ? [htmlLine([t('settings-next', { when: describeNextDigest(deps, sub, tr) ?? t('settings-next-none') })])] : []),
      htmlLine([`${t('settings-zone')} `, chatTimezoneLabel(deps, sub), sub?.timezone ? '' : ` ${t('settings-zone-default')}`]),
      htmlLine([t('settings-feeds', { chosen: feeds.filter((f) => f.chosen).length, total: feeds.length })]),
      htmlLine([topics]),
      htmlLine([t('settings-language', { language: t('language-name') })]),
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
  await replyHtml(ctx, [await settingsText(deps, input.chat.id, sub, tr)], settingsKeyboard(sub, tr));
}

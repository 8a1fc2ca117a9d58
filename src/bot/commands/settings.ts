/** /settings: everything this chat set, with buttons to change time, pause and time zone. */
import type { Context } from 'telegraf';
import type { Subscriber } from '../../domain/types.js';
import type { BotDeps } from '../bot-deps.js';
import type { CommandInput } from '../command-input.js';
import { chatTimezoneLabel, describeSchedule } from '../chat-schedule.js';
import { chatFeeds } from '../chat-feeds.js';
import { htmlLine, packBlocks } from '../html.js';
import { settingsKeyboard } from '../keyboards/settings-keyboard.js';
import { replyHtml } from '../reply.js';

/**
 * The settings message (one message: every line is short) for a chat.
 * @example const html = await settingsText(deps, chatId, subscriber)
 */
export async function settingsText(deps: BotDeps, chatId: number, sub: Subscriber | null): Promise<string> {
  const prefs = await deps.store.getPreferences(chatId);
  const feeds = await chatFeeds(deps, chatId);
  const status = !sub?.active ? 'not subscribed — /start to subscribe' : sub.paused ? 'paused — /resume' : 'subscribed';
  const topics = prefs.include.length + prefs.exclude.length === 0 ? 'none (every story)' : `${prefs.include.length} included, ${prefs.exclude.length} excluded`;
  const blocks = [
    [htmlLine([{ text: 'Settings', style: 'b' }])],
    [
      htmlLine(['Status: ', { text: status, style: 'b' }]),
      htmlLine(['Digest: ', describeSchedule(deps, sub)], 300),
      htmlLine(['Time zone: ', chatTimezoneLabel(deps, sub), sub?.timezone ? '' : ' (default)']),
      htmlLine(['Feeds: ', `${feeds.filter((f) => f.chosen).length} of ${feeds.length} — /sources`]),
      htmlLine(['Topics: ', topics, ' — /topics']),
    ],
    [htmlLine([{ text: 'Buttons set the time; or send /time HH:MM, /timezone Kyiv.', style: 'i' }])],
  ];
  return packBlocks(blocks)[0] ?? '';
}

/**
 * Show the settings with their buttons.
 * @example handleSettings(ctx, input, deps)
 */
export async function handleSettings(ctx: Context, input: CommandInput, deps: BotDeps): Promise<void> {
  const sub = await deps.store.getSubscriber(input.chat.id);
  await replyHtml(ctx, [await settingsText(deps, input.chat.id, sub)], settingsKeyboard(sub));
}

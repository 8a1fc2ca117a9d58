/**
 * The Telegram bot: the update loop, the command router and the button handler. Updates run in
 * per-chat lanes (concurrent across chats, in order within one) and every message goes out through
 * the MessageSender. Sending digests on schedule is the outbox's job (delivery/), not the bot's.
 */
import { Telegraf, type Context } from 'telegraf';
import { channelPost, message } from 'telegraf/filters';
import type { Message } from 'telegraf/types';
import type { BotDeps } from './bot-deps.js';
import { chatTr, registerMenus, useChatLanguage } from './chat-language.js';
import { parseCommand, type CommandInput } from './command-input.js';
import { handleCallback } from './callbacks.js';
import { ShownMessages } from './shown-messages.js';
import { handleStart } from './commands/start.js';
import { handleStop } from './commands/stop.js';
import { handlePause } from './commands/pause.js';
import { handleResume } from './commands/resume.js';
import { handleDigest } from './commands/digest.js';
import { handleStory } from './commands/story.js';
import { handleWhy } from './commands/why.js';
import { handleTrend } from './commands/trend.js';
import { handleFigures } from './commands/figures.js';
import { handleSearch } from './commands/search.js';
import { handleSources } from './commands/sources.js';
import { handleSubscribe } from './commands/subscribe.js';
import { handleUnsubscribe } from './commands/unsubscribe.js';
import { handleTopics } from './commands/topics.js';
import { handleTime } from './commands/time.js';
import { handleTimezone } from './commands/timezone.js';
import { handleSettings } from './commands/settings.js';
import { handleLanguage } from './commands/language.js';
import { handleDigestHere } from './commands/digest-here.js';
import { handleCard } from './commands/card.js';
import { handleAdmin } from './commands/admin.js';
import { handleHelp, handleUnknownCommand } from './commands/help.js';
import { routeSends, topicOf } from './route-sends.js';
import { laneKey, UpdateLanes } from './update-lanes.js';
import { handleOpmlUpload } from './opml-upload.js';
import { handlePlainText } from './plain-text.js';

/** A command handler: the update's context, the parsed command, the dependencies. */
export type CommandHandler = (ctx: Context, input: CommandInput, deps: BotDeps) => Promise<void>;

/** Every command the bot answers, by name. */
export const HANDLERS: Readonly<Record<string, CommandHandler>> = {
  start: handleStart,
  stop: handleStop,
  pause: handlePause,
  resume: handleResume,
  digest: handleDigest,
  story: handleStory,
  why: handleWhy,
  trend: handleTrend,
  figures: handleFigures,
  search: handleSearch,
  sources: handleSources,
  subscribe: handleSubscribe,
  unsubscribe: handleUnsubscribe,
  topics: handleTopics,
  time: handleTime,
  timezone: handleTimezone,
  language: handleLanguage,
  settings: handleSettings,
  digest_here: handleDigestHere,
  card: handleCard,
  admin: handleAdmin,
  help: handleHelp,
};

/**
 * Build the bot with every handler attached (not yet launched). `lanes` runs the updates; await
 * `lanes.idle()` after `bot.stop()` to let the updates already taken finish.
 * @example const bot = createBot({ token, apiRoot }, deps, lanes); await registerCommands(bot); void bot.launch();
 */
export function createBot(telegram: { token: string; apiRoot: string }, deps: BotDeps, lanes = new UpdateLanes()): Telegraf {
  const bot = new Telegraf(telegram.token, { telegram: { apiRoot: telegram.apiRoot }, handlerTimeout: 60_000 });
  // The update loop only hands the update to its chat's lane and goes back to polling.
  bot.use((ctx, next) => {
    // telegraf gives each update its own Telegram client (ctx.telegram): route its sends, to the
    // forum topic the update came from.
    routeSends(ctx.telegram, deps.sender, topicOf(ctx));
    // The chat's language is read in its lane, so it reflects an earlier /language of the chat.
    lanes.run(laneKey(ctx), () => useChatLanguage(ctx, deps).then(next).catch((err: unknown) => handlerFailed(err, ctx, deps)));
    return Promise.resolve();
  });
  const hinted = new Set<number>();
  bot.on(message('text'), (ctx) => (ctx.message.text.startsWith('/') ? route(ctx, ctx.message, deps) : handlePlainText(ctx, ctx.message, deps, hinted)));
  bot.on(channelPost('text'), (ctx) => route(ctx, ctx.channelPost, deps));
  bot.on(message('document'), (ctx) => handleOpmlUpload(ctx, ctx.message, deps));
  const shown = new ShownMessages();
  bot.on('callback_query', (ctx) => handleCallback(ctx, deps, shown));
  // Never let an error escape: telegraf's default rethrows and stops polling.
  bot.catch((err, ctx) => handlerFailed(err, ctx, deps));
  return bot;
}

/** Log a failed update and tell the user — unless the chat is gone (403), where nothing can arrive. */
function handlerFailed(err: unknown, ctx: Context, deps: BotDeps): void {
  deps.logger.error({ err: (err as Error).message, update: ctx.update.update_id }, 'handler failed');
  const gone = (err as { code?: unknown }).code === 403;
  if (ctx.chat && !ctx.callbackQuery && !gone) ctx.reply(chatTr(ctx).t('error-internal')).catch(() => undefined);
}

/** Register the menu with Telegram (setMyCommands): the default list in English, one per other language. */
export async function registerCommands(bot: Telegraf): Promise<void> {
  await registerMenus(bot.telegram);
}

async function route(ctx: Context, msg: Message.TextMessage, deps: BotDeps): Promise<void> {
  const parsed = parseCommand(msg.text, msg.entities, ctx.botInfo.username);
  if (!parsed) return;
  const input: CommandInput = {
    ...parsed,
    chat: msg.chat,
    fromId: msg.from?.id ?? null,
    senderChatId: msg.sender_chat?.id ?? null,
  };
  // "/story_3" is how a digest links its stories.
  const storyLink = /^story_(\d{1,4})$/.exec(input.name);
  if (storyLink) return HANDLERS.story!(ctx, { ...input, name: 'story', args: storyLink[1]! }, deps);
  const handler = HANDLERS[input.name];
  if (!handler) return handleUnknownCommand(ctx, input.name);
  deps.logger.debug({ chat: input.chat.id, command: input.name }, 'command');
  await handler(ctx, input, deps);
}

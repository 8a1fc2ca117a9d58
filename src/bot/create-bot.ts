/**
 * The Telegram bot: the update loop and its command handlers. Sending digests on schedule is
 * the outbox's job (delivery/), not the bot's.
 */
import { Telegraf } from 'telegraf';
import { message } from 'telegraf/filters';
import type { BotDeps } from './bot-deps.js';
import { COMMANDS } from './command-list.js';
import { handleStart } from './commands/start.js';
import { handleStop } from './commands/stop.js';
import { handleDigest } from './commands/digest.js';
import { handleHelp, handleUnknownCommand } from './commands/help.js';

/**
 * Build the bot with every handler attached (not yet launched).
 * @example const bot = createBot({ token, apiRoot }, deps); await registerCommands(bot); void bot.launch();
 */
export function createBot(telegram: { token: string; apiRoot: string }, deps: BotDeps): Telegraf {
  const bot = new Telegraf(telegram.token, { telegram: { apiRoot: telegram.apiRoot }, handlerTimeout: 60_000 });
  bot.command('start', (ctx) => handleStart(ctx, deps));
  bot.command('stop', (ctx) => handleStop(ctx, deps));
  bot.command('digest', (ctx) => handleDigest(ctx, deps));
  bot.command('help', (ctx) => handleHelp(ctx));
  bot.on(message('text'), async (ctx) => {
    const command = leadingCommand(ctx.message.text, ctx.message.entities);
    if (!command) return;
    const [name, target] = command.split('@');
    // In groups, commands for other bots are none of our business.
    if (target && target.toLowerCase() !== ctx.botInfo.username.toLowerCase()) return;
    if (!COMMANDS.some((c) => c.command === name?.slice(1))) await handleUnknownCommand(ctx, command);
  });
  // Never let a handler error escape: telegraf's default rethrows and stops polling.
  bot.catch((err, ctx) => {
    deps.logger.error({ err: (err as Error).message, update: ctx.update.update_id }, 'handler failed');
    ctx.reply('Sorry, something went wrong on our side. Please try again in a minute.').catch(() => undefined);
  });
  return bot;
}

/** Register the menu with Telegram (setMyCommands). */
export async function registerCommands(bot: Telegraf): Promise<void> {
  await bot.telegram.setMyCommands(COMMANDS.map(({ command, description }) => ({ command, description })));
}

function leadingCommand(text: string, entities: ReadonlyArray<{ type: string; offset: number; length: number }> = []): string | null {
  const entity = entities.find((e) => e.type === 'bot_command' && e.offset === 0);
  return entity ? text.slice(0, entity.length) : null;
}

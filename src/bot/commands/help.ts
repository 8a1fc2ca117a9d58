/** /help and unknown commands: the usage of every command. */
import type { Context } from 'telegraf';
import { COMMANDS } from '../command-list.js';

/** The help text: one usage line per command. */
export function helpText(): string {
  return ['KeyFigures turns news feeds into the numbers that matter.', '', ...COMMANDS.map((c) => c.usage)].join('\n');
}

/**
 * Reply with the command list.
 * @example bot.help((ctx) => handleHelp(ctx))
 */
export async function handleHelp(ctx: Context): Promise<void> {
  await ctx.reply(helpText());
}

/**
 * Reply to a command we do not know with a one-line pointer to /help.
 * @example handleUnknownCommand(ctx, '/foo')
 */
export async function handleUnknownCommand(ctx: Context, command: string): Promise<void> {
  const shown = command.length > 40 ? `${command.slice(0, 40)}…` : command;
  await ctx.reply(`Unknown command ${shown}. Send /help for the list.`);
}

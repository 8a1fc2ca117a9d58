/** /help and unknown commands: the usage of every command. */
import type { Context } from 'telegraf';
import type { BotDeps } from '../bot-deps.js';
import type { CommandInput } from '../command-input.js';
import { COMMANDS } from '../command-list.js';
import { isBotAdmin } from '../guards/bot-admin.js';
import { ADMIN_USAGE, replyText } from '../reply.js';

/** The help text: one usage line per command (plus /admin for operators). */
export function helpText(admin = false): string {
  return [
    'KeyFigures turns news feeds into the numbers that matter, each traceable to its sentence.',
    '',
    ...COMMANDS.map((c) => c.usage),
    ...(admin ? ['', `Operators: ${ADMIN_USAGE}`] : []),
  ].join('\n');
}

/**
 * Reply with the command list.
 * @example handleHelp(ctx, input, deps)
 */
export async function handleHelp(ctx: Context, input: CommandInput, deps: BotDeps): Promise<void> {
  await replyText(ctx, helpText(input.chat.type === 'private' && isBotAdmin(deps, input.fromId)));
}

/**
 * Reply to a command we do not know with a one-line pointer to /help.
 * @example handleUnknownCommand(ctx, '/foo')
 */
export async function handleUnknownCommand(ctx: Context, command: string): Promise<void> {
  const shown = command.length > 40 ? `${command.slice(0, 40)}…` : command;
  await replyText(ctx, `Unknown command /${shown}. Send /help for the list.`);
}

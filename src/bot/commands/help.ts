/** /help and unknown commands: the usage of every command, in the chat's language. */
import type { Context } from 'telegraf';
import type { Translator } from '../../i18n/translator.js';
import type { BotDeps } from '../bot-deps.js';
import type { CommandInput } from '../command-input.js';
import { COMMANDS } from '../command-list.js';
import { chatTr } from '../chat-language.js';
import { isBotAdmin } from '../guards/bot-admin.js';
import { ADMIN_USAGE, replyText } from '../reply.js';

/**
 * The help text: one usage line per command (plus /admin for operators).
 * @example helpText(translator('uk'))
 */
export function helpText(tr: Translator, admin = false): string {
  return [
    tr.t('help-intro'),
    '',
    ...COMMANDS.map((c) => tr.t(c.usage)),
    ...(admin ? ['', tr.t('help-operators', { usage: ADMIN_USAGE })] : []),
  ].join('\n');
}

/**
 * Reply with the command list.
 * @example handleHelp(ctx, input, deps)
 */
export async function handleHelp(ctx: Context, input: CommandInput, deps: BotDeps): Promise<void> {
  await replyText(ctx, helpText(chatTr(ctx), input.chat.type === 'private' && isBotAdmin(deps, input.fromId)));
}

/**
 * Reply to a command we do not know with a one-line pointer to /help.
 * @example handleUnknownCommand(ctx, '/foo')
 */
export async function handleUnknownCommand(ctx: Context, command: string): Promise<void> {
  const shown = command.length > 40 ? `${command.slice(0, 40)}…` : command;
  await replyText(ctx, chatTr(ctx).t('unknown-command', { command: shown }));
}

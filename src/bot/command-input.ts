/** A command as the handlers see it: name, argument text and who sent it where. */
import type { Chat } from 'telegraf/types';

/** A parsed command message. */
export interface CommandInput {
  /** Lower-case command name without "/" or "@bot", e.g. "story". */
  name: string;
  /** Everything after the command, trimmed. */
  args: string;
  chat: Chat;
  /** The sending user, or null (channel posts). */
  fromId: number | null;
  /** The chat the message was sent on behalf of (anonymous group admins, channels), or null. */
  senderChatId: number | null;
}

/**
 * The leading command of a message, or null when it has none or it is addressed to another bot.
 * @example parseCommand('/why@KeyBot 971', entities, 'KeyBot') // { name: 'why', args: '971' }
 */
export function parseCommand(
  text: string,
  entities: ReadonlyArray<{ type: string; offset: number; length: number }> | undefined,
  botUsername: string,
): { name: string; args: string } | null {
  const entity = entities?.find((e) => e.type === 'bot_command' && e.offset === 0);
  if (!entity) return null;
  const [command = '', target] = text.slice(1, entity.length).split('@');
  // In groups, commands for other bots are none of our business.
  if (target !== undefined && target.toLowerCase() !== botUsername.toLowerCase()) return null;
  return { name: command.toLowerCase(), args: text.slice(entity.length).trim() };
}

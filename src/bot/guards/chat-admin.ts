/** Who may change a chat's settings: anyone in a private chat; in groups only the group's admins. */
import type { Context } from 'telegraf';
import type { BotDeps } from '../bot-deps.js';
import type { CommandInput } from '../command-input.js';
import { replyText } from '../reply.js';
import { chatTr } from '../chat-language.js';

/**
 * True when the sender may change this chat's settings: private chats and channels always; in a
 * group the creator or an administrator (getChatMember), an anonymous admin posting as the group,
 * or one of the bot's operators. A failed lookup counts as "not an admin".
 * @example if (!(await canChangeSettings(ctx, input, deps))) return
 */
export async function canChangeSettings(ctx: Context, who: Pick<CommandInput, 'chat' | 'fromId' | 'senderChatId'>, deps: BotDeps): Promise<boolean> {
  const { chat, fromId, senderChatId } = who;
  if (chat.type === 'private' || chat.type === 'channel') return true;
  if (senderChatId === chat.id) return true;
  if (fromId === null) return false;
  if (deps.adminIds.includes(fromId)) return true;
  try {
    const member = await ctx.telegram.getChatMember(chat.id, fromId);
    return member.status === 'creator' || member.status === 'administrator';
  } catch (err) {
    deps.logger.warn({ chat: chat.id, err: (err as Error).message }, 'getChatMember failed; treating sender as not an admin');
    return false;
  }
}

/**
 * canChangeSettings, replying with a polite refusal when the answer is no (`refusal`: the message
 * id, when "change its settings" is not how the user would put what they tried).
 * @example if (!(await requireChatAdmin(ctx, input, deps))) return
 */
export async function requireChatAdmin(ctx: Context, input: CommandInput, deps: BotDeps, refusal: 'admins-only' | 'start-admins-only' = 'admins-only'): Promise<boolean> {
  if (await canChangeSettings(ctx, input, deps)) return true;
  await replyText(ctx, chatTr(ctx).t(refusal));
  return false;
}

/**
 * /digest_here: in a group with topics (a forum), an admin sends it inside the topic that should
 * receive the scheduled digest; sent in General it brings the digest back to General. Anywhere
 * else it says what it is for.
 */
import type { Context } from 'telegraf';
import type { BotDeps } from '../bot-deps.js';
import type { CommandInput } from '../command-input.js';
import { requireChatAdmin } from '../guards/chat-admin.js';
import { replyText } from '../reply.js';
import { topicOf } from '../route-sends.js';
import { chatTr } from '../chat-language.js';

/**
 * Choose this topic (or General) for the chat's digests.
 * @example handleDigestHere(ctx, input, deps)
 */
export async function handleDigestHere(ctx: Context, input: CommandInput, deps: BotDeps): Promise<void> {
  const { t } = chatTr(ctx);
  const chat = input.chat;
  if (chat.type !== 'supergroup' || !chat.is_forum) return replyText(ctx, t('digest-here-not-forum'));
  if (!(await requireChatAdmin(ctx, input, deps))) return;
  const topic = topicOf(ctx)?.threadId ?? null;
  const before = (await deps.store.getDeliveryOptions(chat.id)).digestTopic;
  let answer: string;
  if (topic === null) {
    if (before !== null) await deps.store.setDigestTopic(chat.id, null);
    answer = t(before === null ? 'digest-here-in-general' : 'digest-here-general');
  } else {
    if (before !== topic) await deps.store.setDigestTopic(chat.id, topic);
    answer = t(before === topic ? 'digest-here-unchanged' : 'digest-here-set');
  }
  const sub = await deps.store.getSubscriber(chat.id);
  await replyText(ctx, sub?.active ? answer : `${answer}\n${t('digest-here-not-subscribed')}`);
}

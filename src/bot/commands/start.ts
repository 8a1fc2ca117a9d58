/** /start: subscribe this chat (or re-activate it after /stop or a block). */
import type { Context } from 'telegraf';
import type { BotDeps } from '../bot-deps.js';
import type { CommandInput } from '../command-input.js';
import { describeNextDigest } from '../chat-schedule.js';
import { htmlLine, packBlocks } from '../html.js';
import { replyHtml } from '../reply.js';
import { requireChatAdmin } from '../guards/chat-admin.js';

/**
 * Subscribe the chat and greet with an example digest line, when the digest comes and the three
 * most useful commands. In a group, subscribing is a setting like any other: only its admins (one
 * rule for /start, /stop and every setting); a member's /start of a subscribed group just greets.
 * @example handleStart(ctx, input, deps)
 */
export async function handleStart(ctx: Context, input: CommandInput, deps: BotDeps): Promise<void> {
  const chat = input.chat;
  if (chat.type !== 'private' && !(await deps.store.getSubscriber(chat.id))?.active && !(await requireChatAdmin(ctx, input, deps))) return;
  const title = 'title' in chat ? chat.title : 'username' in chat ? (chat.username ?? null) : null;
  const { subscriber, change } = await deps.store.subscribe({ chatId: chat.id, chatType: chat.type, title: title ?? null }, deps.now().toISOString());
  deps.logger.info({ chat: chat.id, change }, 'subscribe');
  const lead =
    change === 'unchanged'
      ? 'You are already subscribed.'
      : change === 'reactivated'
        ? 'Welcome back — you are subscribed again.'
        : 'Subscribed to KeyFigures: the numbers that matter in the news, each traceable to its sentence.';
  const next = describeNextDigest(deps, subscriber);
  const when = subscriber.paused ? 'Digests are paused — /resume to get them again.' : next ? `Next digest: ${next}.` : '';
  await replyHtml(
    ctx,
    packBlocks([
      [htmlLine([lead]), htmlLine([when])],
      [htmlLine([{ text: 'Each story comes as a few lines like:', style: 'i' }]), htmlLine(['• ', { text: '971', style: 'b' }, ' Russian soldiers captured'])],
      [
        htmlLine(['/digest — the digest now']),
        htmlLine(['/why 971 — where a number came from']),
        htmlLine(['/settings — time, time zone, pause']),
        htmlLine(['/help — all commands']),
      ],
    ]),
  );
}

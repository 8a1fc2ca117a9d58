/** /start: subscribe this chat (or re-activate it after /stop or a block). */
import type { Context } from 'telegraf';
import type { BotDeps } from '../bot-deps.js';
import type { CommandInput } from '../command-input.js';
import { describeNextDigest } from '../chat-schedule.js';
import { htmlLine, packBlocks } from '../html.js';
import { replyHtml } from '../reply.js';
import { requireChatAdmin } from '../guards/chat-admin.js';
import { chatTr } from '../chat-language.js';

/**
 * Subscribe the chat and greet with an example digest line, when the digest comes and the three
 * most useful commands. In a group, subscribing is a setting like any other: only its admins (one
 * rule for /start, /stop and every setting); a member's /start of a subscribed group just greets.
 * @example handleStart(ctx, input, deps)
 */
export async function handleStart(ctx: Context, input: CommandInput, deps: BotDeps): Promise<void> {
  const chat = input.chat;
  if (chat.type !== 'private' && !(await deps.store.getSubscriber(chat.id))?.active && !(await requireChatAdmin(ctx, input, deps, 'start-admins-only'))) return;
  const title = 'title' in chat ? chat.title : 'username' in chat ? (chat.username ?? null) : null;
  const { subscriber, change } = await deps.store.subscribe({ chatId: chat.id, chatType: chat.type, title: title ?? null }, deps.now());
  deps.logger.info({ chat: chat.id, change }, 'subscribe');
  // A chat's language is set when it first subscribes: the subscriber's Telegram language.
  const tr = chatTr(ctx);
  if (subscriber.language === null) await deps.store.setLanguage(chat.id, tr.locale);
  const { t } = tr;
  const lead = change === 'unchanged' ? t('start-already') : change === 'reactivated' ? t('start-back') : t('start-new');
  const next = describeNextDigest(deps, subscriber, tr);
  const when = subscriber.paused ? t('start-paused') : next ? t('start-next', { when: next }) : '';
  await replyHtml(
    ctx,
    packBlocks([
      [htmlLine([lead]), htmlLine([when])],
      [htmlLine([{ text: t('start-example'), style: 'i' }]), htmlLine(['• ', { text: tr.number(971), style: 'b' }, ` ${t('start-example-label')}`])],
      [htmlLine([t('start-digest')]), htmlLine([t('start-why')]), htmlLine([t('start-settings')]), htmlLine([t('start-help')])],
    ]),
  );
}

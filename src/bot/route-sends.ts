/**
 * Every message a handler sends goes through the MessageSender: telegraf gives each update its
 * own Telegram client (ctx.telegram), and this routes that client's message-producing calls
 * (send, edit, document, …) into the chat's lane. Calls that put nothing in a chat
 * (answerCallbackQuery, getChatMember, getFile) go straight out.
 *
 * In a forum, an answer belongs in the topic the update came from: every new message to the
 * update's chat gets its message_thread_id unless the call set one (ctx.reply does; a handler
 * calling ctx.telegram.sendMessage(chatId, …) later would not). When that topic has been deleted
 * meanwhile, the MessageSender sends the message to General instead.
 */
import type { Telegram } from 'telegraf';
import type { MessageSender } from '../delivery/message-sender.js';

/** Bot API methods that put or change a message in a chat, and so fall under flood control. */
const PACED_METHODS = new Set([
  'sendMessage', 'sendDocument', 'sendPhoto', 'sendMediaGroup', 'copyMessage', 'forwardMessage',
  'editMessageText', 'editMessageReplyMarkup', 'editMessageCaption',
]);

/** Methods that post a new message in a chat, and so take message_thread_id. */
const POSTING_METHODS = new Set(['sendMessage', 'sendDocument', 'sendPhoto', 'sendMediaGroup', 'copyMessage', 'forwardMessage', 'sendChatAction']);

/**
 * The forum topic an update was written in: the message's (or the pressed button's message's)
 * message_thread_id when it is a topic message; undefined in General and outside forums.
 * @example routeSends(ctx.telegram, sender, topicOf(ctx))
 */
export function topicOf(ctx: { msg?: unknown }): { chatId: number; threadId: number } | undefined {
  const msg = ctx.msg as { chat?: { id?: unknown }; is_topic_message?: unknown; message_thread_id?: unknown } | undefined;
  if (!msg || msg.is_topic_message !== true || typeof msg.message_thread_id !== 'number' || typeof msg.chat?.id !== 'number') return undefined;
  return { chatId: msg.chat.id, threadId: msg.message_thread_id };
}

/**
 * Route `telegram`'s message-producing calls through `sender`. A "typing…" action is skipped
 * while the chat already has messages waiting: it is cosmetic and must not jump the queue.
 * `topic` (see topicOf) is where new messages to the update's chat go when a call names none.
 * @example bot.use((ctx, next) => (routeSends(ctx.telegram, sender, topicOf(ctx)), next()))
 */
export function routeSends(telegram: Telegram, sender: MessageSender, topic?: { chatId: number; threadId: number }): void {
  const callApi = telegram.callApi.bind(telegram);
  const routed = (method: string, given: Record<string, unknown>, opts?: Parameters<typeof callApi>[2]) => {
    const chatId = typeof given.chat_id === 'number' ? given.chat_id : undefined;
    const payload = topic && chatId === topic.chatId && POSTING_METHODS.has(method) && given.message_thread_id === undefined
      ? { ...given, message_thread_id: topic.threadId }
      : given;
    if (chatId === undefined) return callApi(method as never, payload as never, opts);
    if (method === 'sendChatAction') return sender.busy(chatId) ? Promise.resolve(true) : callApi(method as never, payload as never, opts);
    if (!PACED_METHODS.has(method)) return callApi(method as never, payload as never, opts);
    return sender.send(chatId, (to, how) => {
      const { message_thread_id: _thread, ...general } = payload;
      const body = how.withoutThread ? general : payload;
      return callApi(method as never, (to === chatId ? body : { ...body, chat_id: to }) as never, opts);
    });
  };
  telegram.callApi = routed as typeof telegram.callApi;
}

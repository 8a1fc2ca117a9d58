/**
 * Every message a handler sends goes through the MessageSender: telegraf gives each update its
 * own Telegram client (ctx.telegram), and this routes that client's message-producing calls
 * (send, edit, document, …) into the chat's lane. Calls that put nothing in a chat
 * (answerCallbackQuery, getChatMember, getFile) go straight out.
 */
import type { Telegram } from 'telegraf';
import type { MessageSender } from '../delivery/message-sender.js';

/** Bot API methods that put or change a message in a chat, and so fall under flood control. */
const PACED_METHODS = new Set([
  'sendMessage', 'sendDocument', 'sendPhoto', 'sendMediaGroup', 'copyMessage', 'forwardMessage',
  'editMessageText', 'editMessageReplyMarkup', 'editMessageCaption',
]);

/**
 * Route `telegram`'s message-producing calls through `sender`. A "typing…" action is skipped
 * while the chat already has messages waiting: it is cosmetic and must not jump the queue.
 * @example bot.use((ctx, next) => (routeSends(ctx.telegram, sender), next()))
 */
export function routeSends(telegram: Telegram, sender: MessageSender): void {
  const callApi = telegram.callApi.bind(telegram);
  const routed = (method: string, payload: Record<string, unknown>, opts?: Parameters<typeof callApi>[2]) => {
    const chatId = typeof payload.chat_id === 'number' ? payload.chat_id : undefined;
    if (chatId === undefined) return callApi(method as never, payload as never, opts);
    if (method === 'sendChatAction') return sender.busy(chatId) ? Promise.resolve(true) : callApi(method as never, payload as never, opts);
    if (!PACED_METHODS.has(method)) return callApi(method as never, payload as never, opts);
    return sender.send(chatId, (to) => callApi(method as never, (to === chatId ? payload : { ...payload, chat_id: to }) as never, opts));
  };
  telegram.callApi = routed as typeof telegram.callApi;
}

/** ChatSender over telegraf's `Telegram` API client (no update loop needed to deliver). */
import { Telegram, TelegramError } from 'telegraf';
import { SendError, type ChatSender, type PhotoSource, type SendOptions } from './chat-sender.js';

/**
 * Send with link previews off (a digest has many links) and map Telegram's errors to SendError.
 * @example new TelegrafSender(new Telegram(token, { apiRoot }))
 */
export class TelegrafSender implements ChatSender {
  constructor(private readonly telegram: Telegram) {}

  async sendHtml(chatId: number, html: string, opts: SendOptions = {}): Promise<number> {
    try {
      const message = await this.telegram.sendMessage(chatId, html, {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        ...(opts.keyboard ? { reply_markup: opts.keyboard } : {}),
        ...(opts.threadId != null ? { message_thread_id: opts.threadId } : {}),
      });
      return message.message_id;
    } catch (err) {
      throw classifySendError(err);
    }
  }

  async sendPhoto(chatId: number, photo: PhotoSource, opts: SendOptions & { captionHtml: string }): Promise<{ messageId: number; fileId: string | null }> {
    try {
      const message = await this.telegram.sendPhoto(chatId, 'fileId' in photo ? photo.fileId : { source: photo.png, filename: photo.fileName }, {
        caption: opts.captionHtml,
        parse_mode: 'HTML',
        ...(opts.keyboard ? { reply_markup: opts.keyboard } : {}),
        ...(opts.threadId != null ? { message_thread_id: opts.threadId } : {}),
      });
      return { messageId: message.message_id, fileId: message.photo.at(-1)?.file_id ?? null };
    } catch (err) {
      throw classifySendError(err);
    }
  }
}

/**
 * Map a telegraf/network error to a SendError the outbox understands.
 * @example classifySendError(new TelegramError({ error_code: 403, description: 'Forbidden: bot was blocked by the user' }))
 */
export function classifySendError(err: unknown): SendError {
  if (err instanceof TelegramError) {
    const { code, description } = err;
    const params = err.parameters;
    if (code === 429) return new SendError('rate_limited', description, { retryAfterSec: params?.retry_after ?? 1, code });
    if (params?.migrate_to_chat_id) return new SendError('migrated', description, { migrateTo: params.migrate_to_chat_id, code });
    if (code === 403 || /chat not found|user is deactivated|PEER_ID_INVALID/i.test(description)) {
      return new SendError('chat_gone', description, { code });
    }
    if (code >= 500) return new SendError('transient', description, { code });
    if (/message thread not found/i.test(description)) return new SendError('thread_gone', description, { code });
    return new SendError('rejected', description, { code });
  }
  return new SendError('transient', err instanceof Error ? err.message : String(err));
}

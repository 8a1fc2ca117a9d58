import type { InlineKeyboardMarkup } from 'telegraf/types';

/**
 * The port through which digests leave: send one HTML message to one chat. Failures are
 * classified once, here, so the outbox decides retry / wait / deactivate without knowing Telegram.
 */

/** How a send failed, in the terms the outbox acts on. */
export type SendFailureKind =
  /** 429: wait `retryAfterSec` for this chat. */
  | 'rate_limited'
  /** 403 or "chat not found": the chat is gone for us; deactivate it. */
  | 'chat_gone'
  /** The group became a supergroup; resend to `migrateTo`. */
  | 'migrated'
  /** 400 "message thread not found": the forum topic was deleted; send to General instead. */
  | 'thread_gone'
  /** 5xx or network: try again later. */
  | 'transient'
  /** Any other 4xx: our message is wrong; retrying will not help. */
  | 'rejected';

/** A classified send failure. */
export class SendError extends Error {
  override readonly name = 'SendError';
  constructor(
    readonly kind: SendFailureKind,
    message: string,
    readonly details: { retryAfterSec?: number; migrateTo?: number; code?: number } = {},
  ) {
    super(message);
  }
}

/** Where and with what a message goes. */
export interface SendOptions {
  /** Buttons under the message. */
  keyboard?: InlineKeyboardMarkup | undefined;
  /** The forum topic (message_thread_id); null or absent: General, or a chat without topics. */
  threadId?: number | null | undefined;
}

/** A photo to send: its bytes (uploaded), or the file_id Telegram gave an earlier upload. */
export type PhotoSource = { png: Buffer; fileName: string } | { fileId: string };

/** Sends HTML messages and photos; throws SendError on failure. */
export interface ChatSender {
  /** Resolves with Telegram's message id. */
  sendHtml(chatId: number, html: string, opts?: SendOptions): Promise<number>;
  /**
   * Send a photo with an HTML caption (≤ 1,024 characters); resolves with the message id and the
   * file_id of the photo's largest size (to send it again without uploading), when Telegram gave one.
   */
  sendPhoto(chatId: number, photo: PhotoSource, opts: SendOptions & { captionHtml: string }): Promise<{ messageId: number; fileId: string | null }>;
}

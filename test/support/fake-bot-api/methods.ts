import { toBool, toNumber, type Params } from './body.js';
import type { ChatRegistry, TgMessage, TgUser } from './chats.js';
import type { FloodControl } from './limits.js';
import type { UpdateQueue } from './updates.js';
import { formatText, validateCommands, validateReplyMarkup, type BotCommand } from './validate.js';
import { ApiError, tooManyRequests, TG } from './wording.js';

/** State the Bot API methods work on (owned by FakeBotApi). */
export interface MethodContext {
  bot: TgUser;
  chats: ChatRegistry;
  updates: UpdateQueue;
  flood: FloodControl | undefined;
  commands: Map<string, BotCommand[]>;
  openCallbackQueries: Set<string>;
  webhook: { url: string; allowed_updates?: string[] };
  strictEntities: boolean;
  /** Called for every message the fake accepted from the bot. */
  onSent(message: TgMessage, params: Params): void;
}

/** A Bot API method: params in, result out, or throws ApiError. */
export type Method = (params: Params, signal: AbortSignal) => unknown;

const CHAT_ACTIONS = new Set([
  'typing', 'upload_photo', 'record_video', 'upload_video', 'record_voice', 'upload_voice',
  'upload_document', 'choose_sticker', 'find_location', 'record_video_note', 'upload_video_note',
]);

/** Key under which setMyCommands stores a list: scope + language, as Telegram does. */
export function commandsKey(scope: unknown, languageCode: unknown): string {
  const s = scope && typeof scope === 'object' ? (scope as Record<string, unknown>) : { type: 'default' };
  const ordered = Object.fromEntries(Object.entries(s).sort(([a], [b]) => a.localeCompare(b)));
  return `${JSON.stringify(ordered)}|${typeof languageCode === 'string' ? languageCode : ''}`;
}

const unixNow = (): number => Math.floor(Date.now() / 1000);

/** The implemented Bot API methods, keyed by lower-case name (Telegram method names are case-insensitive). */
export function createMethods(ctx: MethodContext): Map<string, Method> {
  const m: Record<string, Method> = {
    getMe: () => ctx.bot,
    logOut: () => true,
    close: () => true,

    getUpdates: (p, signal) => {
      if (ctx.webhook.url) throw ApiError.of(TG.conflictWebhook);
      const allowed = p.allowed_updates;
      return ctx.updates.poll(
        {
          ...(toNumber(p.offset) !== undefined ? { offset: toNumber(p.offset) } : {}),
          ...(toNumber(p.limit) !== undefined ? { limit: toNumber(p.limit) } : {}),
          ...(toNumber(p.timeout) !== undefined ? { timeout: toNumber(p.timeout) } : {}),
          ...(Array.isArray(allowed) ? { allowedUpdates: allowed.map(String) } : {}),
        },
        signal,
      );
    },
    setWebhook: (p) => {
      ctx.webhook.url = typeof p.url === 'string' ? p.url : '';
      if (Array.isArray(p.allowed_updates)) ctx.webhook.allowed_updates = p.allowed_updates.map(String);
      if (toBool(p.drop_pending_updates)) ctx.updates.dropPending();
      return true;
    },
    deleteWebhook: (p) => {
      ctx.webhook.url = '';
      if (toBool(p.drop_pending_updates)) ctx.updates.dropPending();
      return true;
    },
    getWebhookInfo: () => ({
      url: ctx.webhook.url,
      has_custom_certificate: false,
      pending_update_count: ctx.updates.pendingCount(),
      ...(ctx.webhook.url && ctx.webhook.allowed_updates ? { allowed_updates: ctx.webhook.allowed_updates } : {}),
    }),

    setMyCommands: (p) => {
      ctx.commands.set(commandsKey(p.scope, p.language_code), validateCommands(p.commands));
      return true;
    },
    getMyCommands: (p) => ctx.commands.get(commandsKey(p.scope, p.language_code)) ?? [],
    deleteMyCommands: (p) => {
      ctx.commands.delete(commandsKey(p.scope, p.language_code));
      return true;
    },

    sendMessage: (p) => {
      const formatted = formatText(p.text, p.parse_mode, p.entities, ctx.strictEntities);
      validateReplyMarkup(p.reply_markup);
      const chat = ctx.chats.resolve(p.chat_id);
      ctx.chats.assertWritable(chat);
      if (ctx.flood) {
        const retryAfter = ctx.flood.admit(chat.id, chat.type === 'private');
        if (retryAfter > 0) throw ApiError.of(tooManyRequests(retryAfter), { retry_after: retryAfter });
      }
      const message: TgMessage = {
        message_id: ctx.chats.nextMessageId(chat.id),
        from: ctx.bot,
        chat,
        date: unixNow(),
        text: formatted.text,
        ...(formatted.entities.length ? { entities: formatted.entities } : {}),
        ...(inlineKeyboard(p.reply_markup) ? { reply_markup: p.reply_markup } : {}),
      };
      ctx.chats.store(message);
      ctx.onSent(message, p);
      return message;
    },

    editMessageText: (p) => {
      if (p.inline_message_id !== undefined) return true; // inline messages are not modelled
      const formatted = formatText(p.text, p.parse_mode, p.entities, ctx.strictEntities);
      validateReplyMarkup(p.reply_markup);
      const chat = ctx.chats.resolve(p.chat_id);
      ctx.chats.assertWritable(chat);
      const message = ctx.chats.message(chat.id, toNumber(p.message_id) ?? -1);
      if (!message || message.from?.id !== ctx.bot.id) throw ApiError.of(TG.messageToEditNotFound);
      const markup = inlineKeyboard(p.reply_markup) ? p.reply_markup : undefined;
      const same =
        message.text === formatted.text &&
        JSON.stringify(message.entities ?? []) === JSON.stringify(formatted.entities) &&
        JSON.stringify(message.reply_markup) === JSON.stringify(markup);
      if (same) throw ApiError.of(TG.messageNotModified);
      const edited: TgMessage = {
        ...message,
        text: formatted.text,
        edit_date: unixNow(),
        ...(formatted.entities.length ? { entities: formatted.entities } : { entities: undefined }),
        reply_markup: markup,
      };
      ctx.chats.store(edited);
      return JSON.parse(JSON.stringify(edited)) as unknown; // drop undefined fields like Telegram's JSON
    },

    deleteMessage: (p) => {
      const chat = ctx.chats.resolve(p.chat_id);
      if (!ctx.chats.remove(chat.id, toNumber(p.message_id) ?? -1)) throw ApiError.of(TG.messageToDeleteNotFound);
      return true;
    },

    answerCallbackQuery: (p) => {
      const id = String(p.callback_query_id ?? '');
      if (!ctx.openCallbackQueries.delete(id)) throw ApiError.of(TG.queryInvalid);
      return true;
    },

    sendChatAction: (p) => {
      const chat = ctx.chats.resolve(p.chat_id);
      ctx.chats.assertWritable(chat);
      if (typeof p.action !== 'string' || !CHAT_ACTIONS.has(p.action)) throw ApiError.of(TG.wrongChatAction);
      return true;
    },

    getChat: (p) => {
      const chat = ctx.chats.resolve(p.chat_id);
      return { ...chat, accent_color_id: 0, max_reaction_count: 11 };
    },
  };
  return new Map(Object.entries(m).map(([name, fn]) => [name.toLowerCase(), fn]));
}

function inlineKeyboard(markup: unknown): boolean {
  return !!markup && typeof markup === 'object' && 'inline_keyboard' in markup;
}

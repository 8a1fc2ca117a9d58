import { toBool, toNumber, type Params, type UploadedFile } from './body.js';
import type { ChatMemberStatus, ChatRegistry, StoredFile, TgChat, TgMessage, TgPhotoSize, TgUser } from './chats.js';
import { imageSize, MAX_PHOTO_BYTES, photoDimensionsOk, photoSizes } from './image.js';
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
  /** Files by file_id: uploaded by the bot (sendDocument) or sent by users (test side). */
  files: Map<string, StoredFile>;
  /** The sizes of every photo the bot sent, by the file_id of any of its sizes (to send it again by id). */
  photos: Map<string, TgPhotoSize[]>;
  /** Members' statuses by "chatId:userId"; anyone else is a 'member'. */
  members: Map<string, ChatMemberStatus>;
  /** Called for every message the fake accepted from the bot. */
  onSent(message: TgMessage, params: Params): void;
  /** Called for every document the fake accepted from the bot (after onSent). */
  onDocument(message: TgMessage, file: StoredFile): void;
  /** Called for every photo the fake accepted from the bot: the message and the file as uploaded. */
  onPhoto(message: TgMessage, file: StoredFile, params: Params): void;
}

/** A Bot API method: params and uploaded files in, result out, or throws ApiError. */
export type Method = (params: Params, signal: AbortSignal, files: readonly UploadedFile[]) => unknown;

/** Telegram's getFile limit for bots (20 MB). */
export const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;
const MAX_CAPTION = 1024;
let fileCounter = 0;

/**
 * Keep a file as Telegram would, with fresh file_id and file_path.
 * @example storeFile(ctx.files, { content: Buffer.from('<opml/>'), file_name: 'feeds.opml' })
 */
export function storeFile(files: Map<string, StoredFile>, f: { content: Buffer; file_name?: string; mime_type?: string }, folder = 'documents'): StoredFile {
  const n = ++fileCounter;
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(f.file_name ?? '')?.[1];
  const stored: StoredFile = {
    file_id: `${folder === 'photos' ? 'AgACAgIAAxkBAAI' : 'BQACAgIAAxkBAAI'}${n.toString(36).padStart(6, '0')}`,
    file_unique_id: `AgAD${n.toString(36).padStart(4, '0')}`,
    file_path: `${folder}/file_${n}${ext ? `.${ext}` : ''}`,
    ...(f.file_name !== undefined ? { file_name: f.file_name } : {}),
    ...(f.mime_type !== undefined ? { mime_type: f.mime_type } : {}),
    content: f.content,
  };
  files.set(stored.file_id, stored);
  return stored;
}

/** The Document object of a stored file. */
export function documentOf(f: StoredFile): NonNullable<TgMessage['document']> {
  return {
    file_id: f.file_id,
    file_unique_id: f.file_unique_id,
    ...(f.file_name !== undefined ? { file_name: f.file_name } : {}),
    ...(f.mime_type !== undefined ? { mime_type: f.mime_type } : {}),
    file_size: f.content.length,
  };
}

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
      const thread = ctx.chats.threadOf(chat, toNumber(p.message_thread_id));
      admitOrThrow(ctx, chat);
      const message: TgMessage = {
        ...messageShell(ctx, chat),
        ...thread,
        text: formatted.text,
        ...(formatted.entities.length ? { entities: formatted.entities } : {}),
        ...(inlineKeyboard(p.reply_markup) ? { reply_markup: p.reply_markup } : {}),
      };
      ctx.chats.store(message);
      ctx.onSent(message, p);
      return message;
    },

    sendDocument: (p, _signal, uploads) => {
      const chat = ctx.chats.resolve(p.chat_id);
      ctx.chats.assertWritable(chat);
      const upload = uploads.find((f) => f.field === 'document');
      let file: StoredFile;
      if (upload) {
        if (upload.size === 0) throw ApiError.of(TG.emptyFile);
        file = storeFile(ctx.files, { content: upload.content, file_name: upload.filename, ...(upload.contentType ? { mime_type: upload.contentType } : {}) });
      } else if (typeof p.document === 'string' && p.document !== '') {
        const known = ctx.files.get(p.document);
        if (!known) throw ApiError.of(TG.wrongFileId);
        file = known;
      } else {
        throw ApiError.of(TG.noDocument);
      }
      const message = mediaMessage(ctx, chat, p, { document: documentOf(file) });
      ctx.chats.store(message);
      ctx.onDocument(message, file);
      return message;
    },

    sendPhoto: (p, _signal, uploads) => {
      const chat = ctx.chats.resolve(p.chat_id);
      ctx.chats.assertWritable(chat);
      const upload = uploads.find((f) => f.field === 'photo');
      let original: StoredFile;
      let sizes: TgPhotoSize[];
      if (upload) {
        if (upload.size === 0) throw ApiError.of(TG.emptyFile);
        if (upload.size > MAX_PHOTO_BYTES) throw ApiError.of(TG.photoTooBig);
        const size = imageSize(upload.content);
        if (!size) throw ApiError.of(TG.imageProcessFailed);
        if (!photoDimensionsOk(size)) throw ApiError.of(TG.photoInvalidDimensions);
        original = storeFile(ctx.files, { content: upload.content, file_name: upload.filename, mime_type: upload.contentType ?? 'image/png' }, 'photos');
        // every size Telegram makes is a file of its own; here each holds the uploaded bytes
        sizes = photoSizes(size).map((dims, i, all) => {
          const file = i === all.length - 1 ? original : storeFile(ctx.files, { content: upload.content, file_name: 'photo.jpg', mime_type: 'image/jpeg' }, 'photos');
          return { file_id: file.file_id, file_unique_id: file.file_unique_id, ...dims, file_size: Math.round((upload.size * dims.width * dims.height) / (size.width * size.height)) };
        });
        ctx.photos.set(original.file_id, sizes);
        for (const s of sizes) ctx.photos.set(s.file_id, sizes);
      } else if (typeof p.photo === 'string' && p.photo !== '') {
        const known = ctx.photos.get(p.photo);
        if (!known) throw ApiError.of(TG.wrongFileId);
        sizes = known;
        original = ctx.files.get(known[known.length - 1]!.file_id)!;
      } else {
        throw ApiError.of(TG.noPhoto);
      }
      const message = mediaMessage(ctx, chat, p, { photo: sizes });
      ctx.chats.store(message);
      ctx.onPhoto(message, original, p);
      return message;
    },

    createForumTopic: (p) => {
      const chat = ctx.chats.resolve(p.chat_id);
      if (typeof p.name !== 'string' || p.name.length < 1 || p.name.length > 128) throw ApiError.of(TG.topicNameInvalid);
      return { message_thread_id: ctx.chats.createTopic(chat.id, p.name), name: p.name, icon_color: 7322096 };
    },

    deleteForumTopic: (p) => {
      const chat = ctx.chats.resolve(p.chat_id);
      if (!chat.is_forum) throw ApiError.of(TG.notForum);
      if (!ctx.chats.deleteTopic(chat.id, toNumber(p.message_thread_id) ?? -1)) throw ApiError.of(TG.threadNotFound);
      return true;
    },

    getFile: (p) => {
      const file = typeof p.file_id === 'string' ? ctx.files.get(p.file_id) : undefined;
      if (!file) throw ApiError.of(TG.invalidFileId);
      if (file.content.length > MAX_DOWNLOAD_BYTES) throw ApiError.of(TG.fileTooBig);
      return { file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.content.length, file_path: file.file_path };
    },

    getChatMember: (p) => {
      const chat = ctx.chats.resolve(p.chat_id);
      const userId = toNumber(p.user_id);
      if (userId === undefined || !Number.isSafeInteger(userId) || userId <= 0) throw ApiError.of(TG.invalidUserId);
      const user: TgUser = userId === ctx.bot.id ? ctx.bot : { id: userId, is_bot: false, first_name: `User ${userId}` };
      const status = ctx.members.get(`${chat.id}:${userId}`) ?? 'member';
      return chatMember(status, user);
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
      // edits count against the same flood limits as new messages
      admitOrThrow(ctx, chat);
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

/** A ChatMember object of the given status, with the fields Telegram always sends for it. */
function chatMember(status: ChatMemberStatus, user: TgUser): Record<string, unknown> {
  switch (status) {
    case 'creator':
      return { status, user, is_anonymous: false };
    case 'administrator':
      return {
        status, user, can_be_edited: false, is_anonymous: false, can_manage_chat: true, can_delete_messages: true,
        can_manage_video_chats: true, can_restrict_members: true, can_promote_members: false, can_change_info: true,
        can_invite_users: true, can_post_stories: false, can_edit_stories: false, can_delete_stories: false, can_pin_messages: true,
      };
    case 'restricted':
      return {
        status, user, is_member: true, can_send_messages: false, can_send_audios: false, can_send_documents: false,
        can_send_photos: false, can_send_videos: false, can_send_video_notes: false, can_send_voice_notes: false,
        can_send_polls: false, can_send_other_messages: false, can_add_web_page_previews: false, can_change_info: false,
        can_invite_users: false, can_pin_messages: false, can_manage_topics: false, until_date: 0,
      };
    case 'kicked':
      return { status, user, until_date: 0 };
    default:
      return { status, user };
  }
}

function inlineKeyboard(markup: unknown): boolean {
  return !!markup && typeof markup === 'object' && 'inline_keyboard' in markup;
}

/** Telegram's flood control for one outgoing message: 429 with retry_after when over a limit. */
function admitOrThrow(ctx: MethodContext, chat: TgChat): void {
  if (!ctx.flood) return;
  const retryAfter = ctx.flood.admit(chat.id, chat.type === 'private');
  if (retryAfter > 0) throw ApiError.of(tooManyRequests(retryAfter), { retry_after: retryAfter });
}

/**
 * A document or photo message: its caption (≤ 1,024 characters after parsing), keyboard and
 * thread checked, flood control applied, as Telegram does for every media message.
 */
function mediaMessage(ctx: MethodContext, chat: TgChat, p: Params, media: Pick<TgMessage, 'document' | 'photo'>): TgMessage {
  const caption = typeof p.caption === 'string' && p.caption !== '' ? formatText(p.caption, p.parse_mode, p.caption_entities, ctx.strictEntities) : undefined;
  if (caption && caption.text.length > MAX_CAPTION) throw ApiError.of(TG.captionTooLong);
  validateReplyMarkup(p.reply_markup);
  const thread = ctx.chats.threadOf(chat, toNumber(p.message_thread_id));
  admitOrThrow(ctx, chat);
  return {
    ...messageShell(ctx, chat),
    ...thread,
    ...media,
    ...(caption ? { caption: caption.text, ...(caption.entities.length ? { caption_entities: caption.entities } : {}) } : {}),
    ...(inlineKeyboard(p.reply_markup) ? { reply_markup: p.reply_markup } : {}),
  };
}

/** The fields every message the bot sends has. */
function messageShell(ctx: MethodContext, chat: TgChat) {
  return { message_id: ctx.chats.nextMessageId(chat.id), from: ctx.bot, chat, date: unixNow() };
}

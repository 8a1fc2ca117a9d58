import { ApiError, TG } from './wording.js';

/** Telegram chat types. */
export type ChatType = 'private' | 'group' | 'supergroup' | 'channel';

/** A chat as a test describes it; missing fields get realistic defaults. */
export interface ChatInput {
  id: number;
  type?: ChatType;
  title?: string;
  username?: string;
  first_name?: string;
  /** A supergroup with topics (forum). */
  is_forum?: boolean;
}

/** A Bot API Chat object. */
export interface TgChat {
  id: number;
  type: ChatType;
  title?: string;
  username?: string;
  first_name?: string;
  /** Present (true) only for a supergroup with topics, as in Telegram. */
  is_forum?: true;
}

/** A Bot API User object. */
export interface TgUser {
  id: number;
  is_bot: boolean;
  first_name: string;
  username?: string;
  language_code?: string;
}

/** A message the fake keeps so edits, deletes and callback queries can refer to it. */
export interface TgMessage {
  message_id: number;
  date: number;
  chat: TgChat;
  from?: TgUser;
  text?: string;
  entities?: unknown[];
  reply_markup?: unknown;
  edit_date?: number;
  document?: TgDocument;
  photo?: TgPhotoSize[];
  caption?: string;
  caption_entities?: unknown[];
  /** The topic (forum) or reply thread the message belongs to. */
  message_thread_id?: number;
  /** True for a message sent in a forum topic (not in General). */
  is_topic_message?: true;
  /** The service message that opens a topic. */
  forum_topic_created?: { name: string; icon_color: number };
}

/** A Bot API PhotoSize object (one size of a photo). */
export interface TgPhotoSize {
  file_id: string;
  file_unique_id: string;
  width: number;
  height: number;
  file_size: number;
}

/** A Bot API Document object. */
export interface TgDocument {
  file_id: string;
  file_unique_id: string;
  file_name?: string;
  mime_type?: string;
  file_size: number;
}

/** A chat member's status (ChatMember.status). */
export type ChatMemberStatus = 'creator' | 'administrator' | 'member' | 'restricted' | 'left' | 'kicked';

/** A file Telegram keeps: what getFile describes and /file/bot<token>/<file_path> serves. */
export interface StoredFile {
  file_id: string;
  file_unique_id: string;
  file_path: string;
  file_name?: string;
  mime_type?: string;
  content: Buffer;
}

/** Why sending to a chat is forbidden (403). */
export type BlockKind = 'blocked' | 'kicked' | 'deactivated';

/** Known chats, their state (blocked/migrated) and their messages. */
export class ChatRegistry {
  private readonly chats = new Map<number, TgChat>();
  private readonly blocked = new Map<number, BlockKind>();
  private readonly migrated = new Map<number, number>();
  private readonly lastMessageId = new Map<number, number>();
  private readonly messages = new Map<string, TgMessage>();
  /** Forum topics by chat: thread id → name, and whether it was deleted. */
  private readonly topics = new Map<number, Map<number, { name: string; deleted: boolean }>>();

  constructor(private readonly permissive: boolean) {}

  /** Makes a chat known (idempotent; later fields win). */
  declare(input: ChatInput): TgChat {
    const known = this.chats.get(input.id);
    const type = input.type ?? known?.type ?? guessType(input.id);
    const forum = type === 'supergroup' && (input.is_forum ?? known?.is_forum === true);
    const chat: TgChat =
      type === 'private'
        ? { id: input.id, type, first_name: input.first_name ?? 'Test', ...(input.username ? { username: input.username } : {}) }
        : {
            id: input.id,
            type,
            title: input.title ?? `Test ${type} ${input.id}`,
            ...(input.username ? { username: input.username } : {}),
            ...(forum ? { is_forum: true as const } : {}),
          };
    this.chats.set(input.id, chat);
    return chat;
  }

  /** Resolves a chat_id parameter (number, numeric string or @username) or throws Telegram's 400. */
  resolve(raw: unknown): TgChat {
    if (raw === undefined || raw === null || raw === '') throw ApiError.of(TG.chatIdEmpty);
    if (typeof raw === 'string' && raw.startsWith('@')) {
      const name = raw.slice(1).toLowerCase();
      for (const chat of this.chats.values()) if (chat.username?.toLowerCase() === name) return chat;
      throw ApiError.of(TG.chatNotFound);
    }
    const id = typeof raw === 'number' ? raw : /^-?\d+$/.test(String(raw).trim()) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(id)) throw ApiError.of(TG.chatNotFound);
    const chat = this.chats.get(id);
    if (chat) return chat;
    if (this.permissive) return this.declare({ id });
    throw ApiError.of(TG.chatNotFound);
  }

  /** Throws the 400/403 Telegram gives for a migrated, blocked or kicked chat. */
  assertWritable(chat: TgChat): void {
    const to = this.migrated.get(chat.id);
    if (to !== undefined) throw ApiError.of(TG.migrated, { migrate_to_chat_id: to });
    const kind = this.blocked.get(chat.id);
    if (kind === 'deactivated') throw ApiError.of(TG.deactivated);
    if (kind === 'kicked' && chat.type !== 'private') {
      throw ApiError.of(chat.type === 'group' ? TG.kickedGroup : TG.kickedSupergroup);
    }
    if (kind) throw ApiError.of(TG.blocked);
  }

  block(id: number, kind: BlockKind): void {
    this.blocked.set(id, kind);
  }

  unblock(id: number): void {
    this.blocked.delete(id);
  }

  /** Marks a group as upgraded; the supergroup becomes known. */
  migrate(id: number, newId: number): void {
    const old = this.chats.get(id);
    this.migrated.set(id, newId);
    this.declare({ id: newId, type: 'supergroup', ...(old?.title ? { title: old.title } : {}) });
  }

  /**
   * Opens a topic in a forum; its message_thread_id is the id of the service message that
   * created it, as in Telegram.
   */
  createTopic(chatId: number, name: string): number {
    const chat = this.chats.get(chatId);
    if (!chat?.is_forum) throw ApiError.of(TG.notForum);
    const threadId = this.nextMessageId(chatId);
    this.store({ message_id: threadId, date: Math.floor(Date.now() / 1000), chat, message_thread_id: threadId, is_topic_message: true, forum_topic_created: { name, icon_color: 7322096 } });
    const topics = this.topics.get(chatId) ?? new Map<number, { name: string; deleted: boolean }>();
    topics.set(threadId, { name, deleted: false });
    this.topics.set(chatId, topics);
    return threadId;
  }

  /** Deletes a topic with all its messages; false when there was no such topic. */
  deleteTopic(chatId: number, threadId: number): boolean {
    const topic = this.topics.get(chatId)?.get(threadId);
    if (!topic || topic.deleted) return false;
    topic.deleted = true;
    for (const [key, m] of this.messages) if (m.chat.id === chatId && m.message_thread_id === threadId) this.messages.delete(key);
    return true;
  }

  /**
   * The thread fields of a message sent to `chat` with `threadId` (undefined: General / no thread),
   * or Telegram's 400 when the thread does not exist: in a forum, a topic that is open; elsewhere
   * (unconfirmed) a reply thread, i.e. an existing message of the chat.
   */
  threadOf(chat: TgChat, threadId: number | undefined): { message_thread_id?: number; is_topic_message?: true } {
    if (threadId === undefined) return {};
    if (chat.is_forum) {
      const topic = this.topics.get(chat.id)?.get(threadId);
      if (!topic || topic.deleted) throw ApiError.of(TG.threadNotFound);
      return { message_thread_id: threadId, is_topic_message: true };
    }
    if (!this.message(chat.id, threadId)) throw ApiError.of(TG.threadNotFound);
    return { message_thread_id: threadId };
  }

  /** Next message_id in a chat (incoming and outgoing share one sequence, as in Telegram). */
  nextMessageId(chatId: number): number {
    const next = (this.lastMessageId.get(chatId) ?? 0) + 1;
    this.lastMessageId.set(chatId, next);
    return next;
  }

  store(message: TgMessage): void {
    this.messages.set(`${message.chat.id}:${message.message_id}`, message);
  }

  message(chatId: number, messageId: number): TgMessage | undefined {
    return this.messages.get(`${chatId}:${messageId}`);
  }

  remove(chatId: number, messageId: number): boolean {
    return this.messages.delete(`${chatId}:${messageId}`);
  }
}

// Bot API id ranges: users > 0, basic groups small negative, supergroups/channels -100xxxxxxxxxx.
function guessType(id: number): ChatType {
  if (id > 0) return 'private';
  return id <= -1_000_000_000_000 ? 'supergroup' : 'group';
}

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
}

/** A Bot API Chat object. */
export interface TgChat {
  id: number;
  type: ChatType;
  title?: string;
  username?: string;
  first_name?: string;
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
  caption?: string;
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

  constructor(private readonly permissive: boolean) {}

  /** Makes a chat known (idempotent; later fields win). */
  declare(input: ChatInput): TgChat {
    const type = input.type ?? this.chats.get(input.id)?.type ?? guessType(input.id);
    const chat: TgChat =
      type === 'private'
        ? { id: input.id, type, first_name: input.first_name ?? 'Test', ...(input.username ? { username: input.username } : {}) }
        : { id: input.id, type, title: input.title ?? `Test ${type} ${input.id}`, ...(input.username ? { username: input.username } : {}) };
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

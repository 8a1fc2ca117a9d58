/**
 * A fake Telegram Bot API server for tests: a real HTTP server that telegraf can use as
 * `telegram: { apiRoot }`, answering like Telegram (same shapes, status codes and wording,
 * HTML validated like tdlib) and recording everything the bot sent for assertions.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readParams, type Params, type UploadedFile } from './fake-bot-api/body.js';
import {
  ChatRegistry, type BlockKind, type ChatInput, type ChatMemberStatus, type StoredFile, type TgChat, type TgMessage, type TgPhotoSize, type TgUser,
} from './fake-bot-api/chats.js';
import { DEFAULT_FLOOD_LIMITS, FloodControl, seededRandom, type FloodLimits } from './fake-bot-api/limits.js';
import { commandsKey, createMethods, documentOf, storeFile, type Method, type MethodContext } from './fake-bot-api/methods.js';
import { UpdateQueue, type Update } from './fake-bot-api/updates.js';
import type { BotCommand } from './fake-bot-api/validate.js';
import { ApiError, TG, tooManyRequests, type ResponseParameters } from './fake-bot-api/wording.js';

export type { BlockKind, BotCommand, ChatInput, ChatMemberStatus, FloodLimits, TgChat, TgMessage, TgPhotoSize, TgUser, Update };
export { PNG_SIGNATURE } from './fake-bot-api/image.js';
export { parseHtml } from './fake-bot-api/html.js';
export { TG } from './fake-bot-api/wording.js';

/** Random server failures, replayable through the seed. */
export interface FaultOptions {
  /** Probability (0-1) that a call fails. */
  rate: number;
  /** PRNG seed; the same seed fails the same calls. Default 1. */
  seed?: number;
  /** Methods affected; default every method except getUpdates (a failed poll stalls telegraf 5 s). */
  methods?: string[];
  /** Default 500 "Internal Server Error". */
  error_code?: number;
  description?: string;
}

/** A scripted failure for the next call(s) of a method. */
export interface FailSpec {
  error_code: number;
  description: string;
  retry_after?: number;
  migrate_to_chat_id?: number;
  /** How many consecutive calls fail; default 1. */
  count?: number;
}

/** Options of {@link FakeBotApi.start}. */
export interface FakeBotApiOptions {
  token?: string;
  username?: string;
  firstName?: string;
  /** Flood limits (merged over Telegram-like defaults); `false` disables flood control. */
  floodLimits?: Partial<FloodLimits> | false;
  faults?: FaultOptions;
  /** Any chat_id is accepted (a chat is invented); otherwise only chats seen in updates or added. */
  permissive?: boolean;
  /** Also reject unknown `&name;` entities in HTML (Telegram itself keeps them as text). */
  strictEntities?: boolean;
  /** Round trip of every call but getUpdates, like a real network's (the call is handled after it). Default 0. */
  latencyMs?: number;
}

/** A message the fake accepted from the bot. */
export interface SentMessage {
  method: string;
  chat_id: number;
  message_id: number;
  /** Plain text after entity parsing (what the user sees). */
  text: string;
  /** The text parameter exactly as the bot sent it (HTML source when parse_mode is HTML). */
  html: string;
  parse_mode?: string;
  entities: unknown[];
  reply_markup?: unknown;
  /** The forum topic (or reply thread) it went to; absent for General / no thread. */
  message_thread_id?: number;
  /** Time of acceptance, ms since epoch. */
  at: number;
}

/** A document the fake accepted from the bot (sendDocument). */
export interface SentDocument {
  chat_id: number;
  message_id: number;
  message_thread_id?: number;
  file_id: string;
  file_name: string | null;
  mime_type: string | null;
  content: Buffer;
  /** Caption as the user sees it (after entity parsing), '' when none. */
  caption: string;
  at: number;
}

/** A photo the fake accepted from the bot (sendPhoto, uploaded or sent again by file_id). */
export interface SentPhoto {
  chat_id: number;
  message_id: number;
  message_thread_id?: number;
  /** The file_id of the largest size (what a bot sends to reuse the photo). */
  file_id: string;
  /** The sizes Telegram made, smallest first. */
  sizes: TgPhotoSize[];
  /** The bytes as first uploaded. */
  content: Buffer;
  /** Whether this send uploaded the bytes (false: sent again by file_id). */
  uploaded: boolean;
  /** Caption as the user sees it, '' when none. */
  caption: string;
  /** The caption parameter exactly as sent (HTML source when parse_mode is HTML). */
  captionHtml: string;
  parse_mode?: string;
  at: number;
}

/** One API call as received and answered. */
export interface ApiCall {
  method: string;
  params: Params;
  files: UploadedFile[];
  at: number;
  /** HTTP status of the answer; 0 when the client went away before it. */
  status: number;
  description?: string;
  parameters?: ResponseParameters;
}

/** A 4xx answer, with the request that caused it. */
export interface Rejection {
  method: string;
  params: Params;
  error_code: number;
  description: string;
  parameters?: ResponseParameters;
  at: number;
}

/**
 * A message-sending call that reached the fake before the `retry_after` it had been given for
 * that chat elapsed: a client that does not honour flood control. Answered 429 again, as Telegram does.
 */
export interface EarlySend {
  method: string;
  chat_id: string;
  /** Arrival time, ms since epoch. */
  at: number;
  /** When sending to the chat was allowed again. */
  allowedAt: number;
}

/** Methods that put a message in a chat and so fall under flood control and retry_after (lower case). */
const SENDING_METHODS = new Set([
  'sendmessage', 'senddocument', 'sendphoto', 'copymessage', 'forwardmessage', 'editmessagetext', 'editmessagereplymarkup',
]);

const DEFAULT_TOKEN = '123456789:AAFakeBotApiTokenForTests_0123456789';

/** The fake Bot API server; see the file comment. */
export class FakeBotApi {
  /** Base URL to pass as telegraf's `telegram.apiRoot`. */
  readonly apiRoot: string;
  /** The only token the server accepts. */
  readonly token: string;
  /** The bot user getMe returns. */
  readonly bot: TgUser;

  private readonly chats: ChatRegistry;
  private readonly updates = new UpdateQueue();
  private readonly methods: Map<string, Method>;
  private readonly ctx: MethodContext;
  private readonly log: ApiCall[] = [];
  private readonly sentLog: SentMessage[] = [];
  private readonly documentLog: SentDocument[] = [];
  private readonly photoLog: SentPhoto[] = [];
  private readonly waiters = new Set<() => void>();
  private readonly scripted = new Map<string, FailSpec[]>();
  private faults: { opts: FaultOptions; random: () => number } | undefined;
  private callbackCounter = 0;
  private readonly inflight = new Set<ServerResponse>();
  private readonly latencyMs: number;
  /** Per chat: no message before this time (ms since epoch), set by every 429 with retry_after. */
  private readonly holds = new Map<string, number>();
  private readonly earlyLog: EarlySend[] = [];

  private constructor(private readonly server: Server, opts: FakeBotApiOptions) {
    this.latencyMs = opts.latencyMs ?? 0;
    const { port } = server.address() as AddressInfo;
    this.apiRoot = `http://127.0.0.1:${port}`;
    this.token = opts.token ?? DEFAULT_TOKEN;
    const id = Number(/^(\d+):/.exec(this.token)?.[1] ?? 123456789);
    this.bot = { id, is_bot: true, first_name: opts.firstName ?? 'KeyFigures Test Bot', username: opts.username ?? 'KeyFiguresTestBot' };
    this.chats = new ChatRegistry(opts.permissive ?? false);
    this.ctx = {
      bot: this.bot,
      chats: this.chats,
      updates: this.updates,
      flood: opts.floodLimits === false ? undefined : new FloodControl({ ...DEFAULT_FLOOD_LIMITS, ...opts.floodLimits }),
      commands: new Map(),
      openCallbackQueries: new Set(),
      webhook: { url: '' },
      strictEntities: opts.strictEntities ?? false,
      files: new Map(),
      photos: new Map(),
      members: new Map(),
      onSent: (message, params) => this.recordSent(message, params),
      onDocument: (message, file) => this.recordDocument(message, file),
      onPhoto: (message, file, params) => this.recordPhoto(message, file, params),
    };
    this.methods = createMethods(this.ctx);
    this.setFaults(opts.faults);
  }

  /** Starts a server on 127.0.0.1 with a free port. */
  static async start(opts: FakeBotApiOptions = {}): Promise<FakeBotApi> {
    let api: FakeBotApi | undefined;
    const server = createServer((req, res) => void api?.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    api = new FakeBotApi(server, opts);
    return api;
  }

  /** Stops the server, answering a held getUpdates with [] so nothing hangs. */
  async close(): Promise<void> {
    this.updates.close();
    // let the answers just released reach the client before sockets are cut (≤ 500 ms)
    const deadline = Date.now() + 500;
    while (this.inflight.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  // ---- updates from "users" -------------------------------------------------------------

  /** Declares a chat known without an update from it. */
  addChat(chat: ChatInput): TgChat {
    return this.chats.declare(chat);
  }

  /**
   * Enqueues a text message from a user; a leading /command (optionally @bot) gets a bot_command
   * entity. `threadId` writes it in that forum topic (or reply thread); it must exist.
   */
  sendText(chat: ChatInput, text: string, from?: Partial<TgUser>, opts: { threadId?: number } = {}): Update {
    const c = this.chats.declare(chat);
    const command = /^\/[A-Za-z0-9_]{1,64}(@[A-Za-z0-9_]{3,32})?(?=\s|$)/.exec(text);
    const message: TgMessage = {
      message_id: this.chats.nextMessageId(c.id),
      from: this.user(c, from),
      chat: c,
      ...this.chats.threadOf(c, opts.threadId),
      date: Math.floor(Date.now() / 1000),
      text,
      ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
    };
    this.chats.store(message);
    return this.updates.push({ message });
  }

  /**
   * Enqueues a message with a document from a user; the file can then be fetched through getFile
   * and /file/bot<token>/<file_path>, as from Telegram.
   * @example api.sendDocument(ADMIN_CHAT, { fileName: 'feeds.opml', content: xml })
   */
  sendDocument(chat: ChatInput, doc: { fileName: string; content: string | Buffer; mimeType?: string; caption?: string }, from?: Partial<TgUser>): Update {
    const c = this.chats.declare(chat);
    const file = storeFile(this.ctx.files, {
      content: typeof doc.content === 'string' ? Buffer.from(doc.content, 'utf8') : doc.content,
      file_name: doc.fileName,
      mime_type: doc.mimeType ?? 'application/octet-stream',
    });
    const message: TgMessage = {
      message_id: this.chats.nextMessageId(c.id),
      from: this.user(c, from),
      chat: c,
      date: Math.floor(Date.now() / 1000),
      document: documentOf(file),
      ...(doc.caption !== undefined ? { caption: doc.caption } : {}),
    };
    this.chats.store(message);
    return this.updates.push({ message });
  }

  /** Enqueues a raw update (update_id is assigned); chats found in it become known. */
  pushUpdate(update: Record<string, unknown>): Update {
    const { update_id: _ignored, ...payload } = update;
    for (const value of Object.values(payload)) {
      const chat = (value as { chat?: ChatInput; message?: { chat?: ChatInput } } | undefined)?.chat
        ?? (value as { message?: { chat?: ChatInput } } | undefined)?.message?.chat;
      if (chat && typeof chat.id === 'number') this.chats.declare(chat);
    }
    return this.updates.push(payload);
  }

  /** Enqueues a callback_query as if the user pressed an inline button of a message. */
  pressButton(chat: ChatInput, messageId: number, data: string, from?: Partial<TgUser>): Update {
    const c = this.chats.declare(chat);
    const id = `${Date.now()}${++this.callbackCounter}`;
    this.ctx.openCallbackQueries.add(id);
    // Telegram sends an InaccessibleMessage (date 0) when it no longer has the message
    const message = this.chats.message(c.id, messageId) ?? { message_id: messageId, chat: c, date: 0 };
    return this.updates.push({
      callback_query: { id, from: this.user(c, from), message, chat_instance: String(c.id), data },
    });
  }

  // ---- test-side state changes ----------------------------------------------------------

  /**
   * Opens a forum topic in a supergroup with `is_forum: true` (declared now when a ChatInput is
   * given); returns its message_thread_id.
   * @example const thread = api.createTopic({ id: -1001234567890, type: 'supergroup', is_forum: true }, 'Digest')
   */
  createTopic(chat: ChatInput | number, name: string): number {
    const id = typeof chat === 'number' ? chat : this.chats.declare(chat).id;
    return this.chats.createTopic(id, name);
  }

  /** Deletes a forum topic: sends to it then fail with 400 "message thread not found", as in Telegram. */
  deleteTopic(chatId: number, threadId: number): void {
    if (!this.chats.deleteTopic(chatId, threadId)) throw new Error(`FakeBotApi: no topic ${threadId} in chat ${chatId}`);
  }

  /** Makes sends to the chat fail with 403 (blocked by the user, kicked from the group, or user deactivated). */
  blockChat(id: number, kind: BlockKind = 'blocked'): void {
    this.chats.block(id, kind);
  }

  /** Undoes {@link blockChat}. */
  unblockChat(id: number): void {
    this.chats.unblock(id);
  }

  /** Marks a group as upgraded to the supergroup `newId` (sends answer 400 with migrate_to_chat_id). */
  migrateChat(id: number, newId: number): void {
    this.chats.migrate(id, newId);
  }

  /** Sets what getChatMember answers for a user in a chat (anyone not set is a 'member'). */
  setChatMember(chatId: number, userId: number, status: ChatMemberStatus = 'member'): void {
    this.ctx.members.set(`${chatId}:${userId}`, status);
  }

  /** Makes the next `count` calls of `method` ("*" for any) fail with the given error. */
  failNext(method: string, spec: FailSpec): void {
    const key = method.toLowerCase();
    this.scripted.set(key, [...(this.scripted.get(key) ?? []), spec]);
  }

  /** Turns random faults on (or off with undefined). */
  setFaults(faults: FaultOptions | undefined): void {
    this.faults = faults ? { opts: faults, random: seededRandom(faults.seed ?? 1) } : undefined;
  }

  // ---- observations ---------------------------------------------------------------------

  /** Messages the fake accepted, optionally for one chat. */
  sent(chatId?: number): SentMessage[] {
    return this.sentLog.filter((m) => chatId === undefined || m.chat_id === chatId);
  }

  /** Documents the fake accepted (sendDocument), optionally for one chat. */
  documents(chatId?: number): SentDocument[] {
    return this.documentLog.filter((d) => chatId === undefined || d.chat_id === chatId);
  }

  /** Photos the fake accepted (sendPhoto), optionally for one chat. */
  photos(chatId?: number): SentPhoto[] {
    return this.photoLog.filter((p) => chatId === undefined || p.chat_id === chatId);
  }

  /** Resolves with the `index`-th photo sent to `chatId`; rejects with a report after `timeoutMs`. */
  waitForPhoto(chatId: number, index = 0, timeoutMs = 2000): Promise<SentPhoto> {
    return this.until(() => this.photos(chatId)[index], timeoutMs, `photo #${index + 1} to chat ${chatId}`);
  }

  /** Resolves with the first document sent to `chatId`'s `index`-th position; rejects with a report after `timeoutMs`. */
  waitForDocument(chatId: number, index = 0, timeoutMs = 2000): Promise<SentDocument> {
    return this.until(() => this.documents(chatId)[index], timeoutMs, `document #${index + 1} to chat ${chatId}`);
  }

  /** Every 4xx answer (optionally for one method), so a test can assert there were none. */
  rejected(method?: string): Rejection[] {
    return this.log
      .filter((c) => c.status >= 400 && c.status < 500 && (!method || c.method === method))
      .map((c) => ({
        method: c.method,
        params: c.params,
        error_code: c.status,
        description: c.description ?? '',
        at: c.at,
        ...(c.parameters ? { parameters: c.parameters } : {}),
      }));
  }

  /** Sends that arrived before the chat's retry_after had elapsed (each was answered 429 again). */
  earlySends(): EarlySend[] {
    return [...this.earlyLog];
  }

  /** How many calls were answered 429 Too Many Requests. */
  floodCount(): number {
    return this.log.filter((c) => c.status === 429).length;
  }

  /** Every API call received (optionally of one method), in order of arrival. */
  calls(method?: string): ApiCall[] {
    return this.log.filter((c) => !method || c.method.toLowerCase() === method.toLowerCase());
  }

  /** The current state of a stored message (after edits), if it exists. */
  message(chatId: number, messageId: number): TgMessage | undefined {
    return this.chats.message(chatId, messageId);
  }

  /** The commands stored by setMyCommands for a scope/language (default scope, no language). */
  myCommands(scope?: Record<string, unknown>, languageCode?: string): BotCommand[] {
    return this.ctx.commands.get(commandsKey(scope, languageCode)) ?? [];
  }

  /**
   * Resolves with the first sent message matching `predicate`; rejects with a report after `timeoutMs`.
   * Each message is tested once, as it arrives, not the whole log again on every arrival: the fake
   * runs in the test's process, and a predicate that looks at the whole log (`() => api.sent().length
   * >= n`), run over every logged message at every arrival, costs O(messages²) at each arrival — at 500 messages it took
   * the fake ~1 s per answer and throttled the bots it was meant to measure (kill-delivery.test.ts).
   */
  waitFor(predicate: (m: SentMessage) => boolean, timeoutMs = 2000): Promise<SentMessage> {
    let tested = 0;
    const next = () => {
      while (tested < this.sentLog.length) {
        const m = this.sentLog[tested++]!;
        if (predicate(m)) return m;
      }
      return undefined;
    };
    return this.until(next, timeoutMs, 'a matching message');
  }

  /** Resolves with the first `count` messages sent to `chatId`; rejects with a report after `timeoutMs`. */
  waitForMessages(chatId: number, count: number, timeoutMs = 2000): Promise<SentMessage[]> {
    return this.until(
      () => {
        const got = this.sent(chatId);
        return got.length >= count ? got.slice(0, count) : undefined;
      },
      timeoutMs,
      `${count} message(s) to chat ${chatId}`,
    );
  }

  // ---- internals ------------------------------------------------------------------------

  private until<T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    const now = probe();
    if (now !== undefined) return Promise.resolve(now);
    return new Promise<T>((resolve, reject) => {
      const check = (): void => {
        const value = probe();
        if (value === undefined) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(value);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`FakeBotApi: timed out after ${timeoutMs} ms waiting for ${what}.\n${this.report()}`));
      }, timeoutMs);
      this.waiters.add(check);
    });
  }

  /** Human-readable summary used in timeout errors. */
  private report(): string {
    const clip = (s: string): string => JSON.stringify(s.length > 120 ? `${s.slice(0, 117)}...` : s);
    const topic = (id: number | undefined): string => (id ? ` topic ${id}` : '');
    const sent = [
      ...this.sentLog.map((m) => `  chat ${m.chat_id}${topic(m.message_thread_id)} #${m.message_id}: ${clip(m.text)}`),
      ...this.photoLog.map((p) => `  chat ${p.chat_id}${topic(p.message_thread_id)} #${p.message_id}: [photo] ${clip(p.caption)}`),
    ];
    const rejected = this.rejected().map((r) => `  ${r.method} ${r.error_code} ${r.description}`);
    return [
      `Sent (${sent.length}):`, ...(sent.length ? sent : ['  (none)']),
      `Rejected (${rejected.length}):`, ...(rejected.length ? rejected : ['  (none)']),
    ].join('\n');
  }

  private user(chat: TgChat, from?: Partial<TgUser>): TgUser {
    const base: TgUser =
      chat.type === 'private'
        ? { id: chat.id, is_bot: false, first_name: chat.first_name ?? 'Test', language_code: 'en' }
        : { id: 4242, is_bot: false, first_name: 'Member', language_code: 'en' };
    return { ...base, ...from };
  }

  private recordSent(message: TgMessage, params: Params): void {
    this.sentLog.push({
      method: 'sendMessage',
      chat_id: message.chat.id,
      message_id: message.message_id,
      text: message.text ?? '',
      html: String(params.text ?? ''),
      ...(typeof params.parse_mode === 'string' ? { parse_mode: params.parse_mode } : {}),
      entities: message.entities ?? [],
      ...(params.reply_markup !== undefined ? { reply_markup: params.reply_markup } : {}),
      ...(message.message_thread_id !== undefined ? { message_thread_id: message.message_thread_id } : {}),
      at: Date.now(),
    });
    for (const check of [...this.waiters]) check();
  }

  private recordPhoto(message: TgMessage, file: StoredFile, params: Params): void {
    const sizes = message.photo ?? [];
    this.photoLog.push({
      chat_id: message.chat.id,
      message_id: message.message_id,
      ...(message.message_thread_id !== undefined ? { message_thread_id: message.message_thread_id } : {}),
      file_id: sizes[sizes.length - 1]?.file_id ?? file.file_id,
      sizes,
      content: file.content,
      uploaded: typeof params.photo !== 'string',
      caption: message.caption ?? '',
      captionHtml: typeof params.caption === 'string' ? params.caption : '',
      ...(typeof params.parse_mode === 'string' ? { parse_mode: params.parse_mode } : {}),
      at: Date.now(),
    });
    for (const check of [...this.waiters]) check();
  }

  private recordDocument(message: TgMessage, file: StoredFile): void {
    this.documentLog.push({
      chat_id: message.chat.id,
      message_id: message.message_id,
      ...(message.message_thread_id !== undefined ? { message_thread_id: message.message_thread_id } : {}),
      file_id: file.file_id,
      file_name: file.file_name ?? null,
      mime_type: file.mime_type ?? null,
      content: file.content,
      caption: message.caption ?? '',
      at: Date.now(),
    });
    for (const check of [...this.waiters]) check();
  }

  /** GET /file/bot<token>/<file_path>: the bytes of a stored file, or Telegram's 404/401. */
  private serveFile(res: ServerResponse, call: ApiCall, token: string, filePath: string): void {
    const file = token === this.token ? [...this.ctx.files.values()].find((f) => f.file_path === filePath) : undefined;
    if (!file) {
      const [status, description] = token === this.token ? TG.notFound : TG.unauthorized;
      call.status = status;
      call.description = description;
      return this.reply(res, status, { ok: false, error_code: status, description });
    }
    call.status = 200;
    res.statusCode = 200;
    res.setHeader('content-type', 'application/octet-stream');
    res.setHeader('content-length', file.content.length);
    res.end(file.content);
  }

  /** Scripted or random failure for this call, if any. */
  private injectedFault(method: string): ApiError | undefined {
    for (const key of [method.toLowerCase(), '*']) {
      const queue = this.scripted.get(key);
      const spec = queue?.[0];
      if (!queue || !spec) continue;
      const left = (spec.count ?? 1) - 1;
      if (left > 0) queue[0] = { ...spec, count: left };
      else queue.shift();
      const parameters: ResponseParameters = {
        ...(spec.retry_after !== undefined ? { retry_after: spec.retry_after } : {}),
        ...(spec.migrate_to_chat_id !== undefined ? { migrate_to_chat_id: spec.migrate_to_chat_id } : {}),
      };
      return new ApiError(spec.error_code, spec.description, Object.keys(parameters).length ? parameters : undefined);
    }
    const f = this.faults;
    if (!f) return undefined;
    const applies = f.opts.methods ? f.opts.methods.includes(method) : method.toLowerCase() !== 'getupdates';
    if (applies && f.random() < f.opts.rate) {
      return new ApiError(f.opts.error_code ?? TG.internal[0], f.opts.description ?? TG.internal[1]);
    }
    return undefined;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // a client that disconnects early (telegraf aborting its long poll) releases its getUpdates
    const aborted = new AbortController();
    this.inflight.add(res);
    res.on('close', () => {
      this.inflight.delete(res);
      if (!res.writableFinished) aborted.abort();
    });
    const route = /^\/bot([^/]+)\/(?:test\/)?([^/]*)$/.exec(url.pathname);
    const { params, files } = await readParams(req, url);
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (download) {
      const call: ApiCall = { method: 'file', params: { file_path: download[2] }, files: [], at, status: 0 };
      this.log.push(call);
      return this.serveFile(res, call, download[1]!, decodeURIComponent(download[2]!));
    }
    const method = route?.[2] ?? '';
    const chatKey = SENDING_METHODS.has(method.toLowerCase()) && params.chat_id !== undefined ? String(params.chat_id) : undefined;
    const call: ApiCall = { method, params, files, at, status: 0 };
    this.log.push(call);

    let result: unknown;
    let error: ApiError | undefined;
    try {
      if (!route) throw ApiError.of(TG.notFound);
      if (route[1] !== this.token) throw ApiError.of(TG.unauthorized);
      const fn = this.methods.get(method.toLowerCase());
      if (!fn) throw ApiError.of(TG.methodNotFound);
      if (this.latencyMs > 0 && method.toLowerCase() !== 'getupdates') await new Promise((r) => setTimeout(r, this.latencyMs));
      this.refuseBeforeRetryAfter(method, chatKey, at);
      error = this.injectedFault(method);
      if (!error) result = await fn(params, aborted.signal, files);
    } catch (err) {
      // a bug in the fake must surface as a 500 the test can see, not as a hung request
      error = err instanceof ApiError ? err : new ApiError(500, `Internal Server Error (fake: ${String(err)})`);
    }
    if (aborted.signal.aborted || res.writableEnded) return; // nobody to answer; status stays 0

    if (error) {
      call.status = error.errorCode;
      call.description = error.description;
      if (error.parameters) call.parameters = error.parameters;
      const retryAfter = error.errorCode === 429 ? error.parameters?.retry_after : undefined;
      if (chatKey !== undefined && retryAfter !== undefined) {
        this.holds.set(chatKey, Math.max(this.holds.get(chatKey) ?? 0, Date.now() + retryAfter * 1000));
      }
      // telegraf reads statusText (not the body) for 5xx, so mirror the description there
      if (error.errorCode >= 500) res.statusMessage = error.description.replace(/[^\x20-\x7e]/g, '');
      this.reply(res, error.errorCode, {
        ok: false,
        error_code: error.errorCode,
        description: error.description,
        ...(error.parameters ? { parameters: error.parameters } : {}),
      });
    } else {
      call.status = 200;
      this.reply(res, 200, { ok: true, result });
    }
  }

  /** A send to a chat still under its retry_after is recorded and refused with 429, as Telegram does. */
  private refuseBeforeRetryAfter(method: string, chatKey: string | undefined, at: number): void {
    const allowedAt = chatKey === undefined ? undefined : this.holds.get(chatKey);
    if (chatKey === undefined || allowedAt === undefined || at >= allowedAt) return;
    this.earlyLog.push({ method, chat_id: chatKey, at, allowedAt });
    const seconds = Math.max(1, Math.ceil((allowedAt - at) / 1000));
    throw ApiError.of(tooManyRequests(seconds), { retry_after: seconds });
  }

  private reply(res: ServerResponse, status: number, body: unknown): void {
    const json = JSON.stringify(body);
    res.statusCode = status;
    res.setHeader('content-type', 'application/json');
    res.setHeader('content-length', Buffer.byteLength(json));
    res.end(json);
  }
}

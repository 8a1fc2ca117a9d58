/** The bot's per-chat memory: what it last showed, searches to page through, broadcasts to confirm. */
import type { Story } from '../domain/types.js';

/** The stories a chat was last shown (numbered as it saw them). */
export interface ChatView {
  at: Date;
  stories: Story[];
}

/** A broadcast an admin wrote and has not yet confirmed. */
export interface PendingBroadcast {
  id: number;
  adminId: number;
  text: string;
}

/** Chat state the commands keep between messages. */
export interface ChatStateStore {
  saveChatView(chatId: number, view: ChatView): Promise<void>;
  /** What the chat was last shown, or null. */
  getChatView(chatId: number): Promise<ChatView | null>;
  /** Keep a search so its page buttons can refer to it by id. */
  saveSearch(chatId: number, query: string, at: Date): Promise<number>;
  /** The query of a saved search of this chat, or null. */
  getSearch(chatId: number, id: number): Promise<string | null>;
  createBroadcast(adminId: number, text: string, at: Date): Promise<number>;
  /** Move a pending broadcast to 'sent' or 'cancelled'; returns it when it was still pending (so it goes out once). */
  decideBroadcast(id: number, decision: 'sent' | 'cancelled', at: Date): Promise<PendingBroadcast | null>;
}

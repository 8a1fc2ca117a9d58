/**
 * The storage port. Everything the app keeps goes through this interface, one part per concern;
 * two adapters implement it with the same queries (sql/, Kysely): SQLite (sqlite/, embedded, the
 * default) and PostgreSQL (postgres/); `openStore` (open-store.ts) picks one from DATABASE_URL.
 */
import type { FeedStore } from './feed-store.js';
import type { ArticleStore } from './article-store.js';
import type { DigestStore } from './digest-store.js';
import type { SubscriberStore } from './subscriber-store.js';
import type { DeliveryStore } from './delivery-store.js';
import type { PreferenceStore } from './preference-store.js';
import type { SettingsStore } from './settings-store.js';
import type { ChatStateStore } from './chat-state-store.js';
import type { SeriesStore } from './series-store.js';
import type { LlmStore } from './llm-store.js';
import type { LeaseStore } from './lease-store.js';
import type { SendSlotStore } from './send-slot-store.js';
import type { ChatDeliveryStore } from './chat-delivery-store.js';

export type { FeedStore } from './feed-store.js';
export type { ArticleStore, ArticleWindow, NewArticle } from './article-store.js';
export type { DigestStore, StoredDigest, SavedDigest } from './digest-store.js';
export type { SubscriberStore, SubscribeResult, SubscriberCounts, StoredSchedule } from './subscriber-store.js';
export type { DeliveryStore, Delivery, ClaimedDelivery, DeliveryWorker } from './delivery-store.js';
export type { SettingsStore } from './settings-store.js';
export type { PreferenceStore, ChatPreferences } from './preference-store.js';
export type { ChatStateStore, ChatView, PendingBroadcast } from './chat-state-store.js';
export type { SeriesStore, SeriesArticle, SeriesPoint, NewSeriesPoint, PointFigure } from './series-store.js';
export type { LlmStore, LlmUsage, LlmSummaryRecord } from './llm-store.js';
export type { LeaseStore } from './lease-store.js';
export type { SendSlotStore, SlotSpacing } from './send-slot-store.js';
export type { ChatDeliveryStore, ChatDeliveryOptions } from './chat-delivery-store.js';

/** Everything KeyFigures persists. */
export interface Store extends FeedStore, ArticleStore, DigestStore, SubscriberStore, DeliveryStore, PreferenceStore, ChatStateStore, SettingsStore, SeriesStore, LlmStore, LeaseStore, SendSlotStore, ChatDeliveryStore {
  /** Health probe: a real write in a transaction that is rolled back; throws when the database cannot be written. */
  checkWritable(): Promise<void>;
  /** A cheap integrity check (SQLite `PRAGMA quick_check`, PostgreSQL checksum failures): the problems found, none when healthy. */
  checkIntegrity(): Promise<string[]>;
  /** Bytes the database takes (SQLite: file plus WAL; PostgreSQL: the database), null when not created yet. */
  sizeBytes(): Promise<number | null>;
  close(): Promise<void>;
}

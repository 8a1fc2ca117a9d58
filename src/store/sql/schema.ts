/**
 * The tables as Kysely sees them, for both dialects. A time column holds an ISO string in SQLite
 * and a Date (timestamptz) in PostgreSQL; a flag holds 0/1 in SQLite and a boolean in PostgreSQL.
 * Queries write them through the dialect's codec (`SqlDialect`) and read them with `toDate`/`toBool`.
 */
import type { ColumnType, Generated } from 'kysely';

/** A point in time as stored: ISO text (SQLite) or timestamptz (PostgreSQL). */
export type Time = ColumnType<string | Date, string | Date, string | Date>;
/** A flag as stored: 0/1 (SQLite) or boolean (PostgreSQL). */
export type Flag = ColumnType<number | boolean, number | boolean | undefined, number | boolean>;

export interface FeedsTable {
  id: Generated<number>;
  url: string;
  title: string | null;
  added_at: Time;
  last_fetched_at: Time | null;
  last_error: string | null;
  error_count: Generated<number>;
  etag: string | null;
  last_modified: string | null;
  next_check_at: Time | null;
  last_success_at: Time | null;
  last_error_at: Time | null;
  site_url: string | null;
  claimed_by: string | null;
  claimed_until: Time | null;
}

export interface ArticlesTable {
  id: Generated<number>;
  feed_id: number | null;
  key: string;
  link: string | null;
  title: string;
  source: string;
  published_at: Time | null;
  fetched_at: Time;
  text: string;
  summary: string;
  /** In word search (migration 22): retention takes an article out with its body. */
  searchable: Flag;
}

export interface FiguresTable {
  id: Generated<number>;
  article_id: number;
  rank: number;
  text: string;
  value: number;
  value_max: number | null;
  kind: string;
  unit: string | null;
  label: string;
  sentence: string;
  start: number;
  end: number;
  approx: string | null;
  score: number | null;
}

export interface DigestsTable {
  id: Generated<number>;
  date: string;
  created_at: Time;
  timezone: string;
  stories_json: string;
  parts_json: string;
  edition_key: string | null;
}

export interface SubscribersTable {
  chat_id: number;
  chat_type: string;
  title: string | null;
  active: Flag;
  subscribed_at: Time;
  deactivated_reason: string | null;
  timezone: string | null;
  digest_time: string | null;
  paused: Flag;
  last_digest_at: Time | null;
  language: string | null;
}

export interface DeliveriesTable {
  id: Generated<number>;
  /** A digest part, or (migration 20) null for a broadcast row. */
  digest_id: number | null;
  broadcast_id: ColumnType<number | null, number | null | undefined, number | null>;
  chat_id: number;
  part: number;
  state: Generated<string>;
  attempts: Generated<number>;
  not_before: Time | null;
  last_error: string | null;
  message_id: number | null;
  sent_at: Time | null;
  lease_owner: string | null;
  lease_until: Time | null;
  sending_since: Time | null;
  rendition_id: number | null;
  view_id: number | null;
}

export interface SeenItemsTable {
  key: string;
  feed_id: number | null;
  seen_at: Time;
}

export interface ChatFeedChoiceTable {
  chat_id: number;
  mode: string;
}

export interface ChatFeedsTable {
  chat_id: number;
  feed_id: number;
  /** 'in': the chat chose to get it; 'out': it chose not to (migration 11). */
  opted: Generated<string>;
}

export interface UserFeedsTable {
  feed_id: number;
  added_by_chat: number;
}

export interface ChatTopicsTable {
  chat_id: number;
  kind: string;
  phrase: string;
  position: number;
}

export interface ChatDeliveryTable {
  chat_id: number;
  digest_thread_id: number | null;
  picture_card: Flag;
}

export interface ChatViewsTable {
  chat_id: number;
  at: Time;
  stories_json: string;
}

export interface ChatSearchesTable {
  id: Generated<number>;
  chat_id: number;
  query: string;
  at: Time;
}

export interface BroadcastsTable {
  id: Generated<number>;
  admin_id: number;
  text: string;
  created_at: Time;
  state: Generated<string>;
  decided_at: Time | null;
}

export interface DigestRenditionsTable {
  id: Generated<number>;
  digest_id: number;
  hash: string;
  parts_json: string;
}

export interface DigestViewsTable {
  id: Generated<number>;
  digest_id: number;
  hash: string;
  view_json: string;
}

export interface DeliveryWorkersTable {
  owner: string;
  kind: string;
  pid: number;
  started_at: Time;
  heartbeat_at: Time;
  pid_space: string | null;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: Time;
}

export interface LeasesTable {
  name: string;
  holder: string;
  until: Time;
  acquired_at: Time;
}

export interface OnceClaimsTable {
  key: string;
  holder: string;
  claimed_at: Time;
}

export interface SeriesArticlesTable {
  article_id: number;
  dated_at: Time;
  thread_json: string;
}

export interface SeriesTable {
  id: Generated<number>;
  created_at: Time;
  updated_at: Time;
}

export interface SeriesPointsTable {
  id: Generated<number>;
  series_id: number;
  article_id: number;
  figure_json: string;
  meaning_json: string;
  label: string;
  dated_at: Time;
  confidence: number;
  linked_to: number | null;
}

export interface LlmUsageTable {
  day: string;
  requests: number;
  prompt_tokens: number;
  completion_tokens: number;
  accepted: number;
  rejected: number;
  failed: number;
}

export interface LlmSummariesTable {
  key: string;
  outcome: string;
  summary: string | null;
  reason: string | null;
  created_at: Time;
}

/** Fleet-wide flood budget: the earliest next send per key ('global', 'chat:<id>'), ms since the epoch. */
export interface SendSlotsTable {
  key: string;
  /** BIGINT on PostgreSQL arrives as a string; read with Number(). */
  next_at: number | string;
}

/** Rows counted by triggers (migration 9): 'articles', 'figures'. */
export interface RowCountsTable {
  name: string;
  n: number;
}

/** Every table KeyFigures keeps. */
export interface Tables {
  feeds: FeedsTable;
  articles: ArticlesTable;
  figures: FiguresTable;
  digests: DigestsTable;
  subscribers: SubscribersTable;
  deliveries: DeliveriesTable;
  seen_items: SeenItemsTable;
  chat_feed_choice: ChatFeedChoiceTable;
  chat_feeds: ChatFeedsTable;
  user_feeds: UserFeedsTable;
  chat_topics: ChatTopicsTable;
  chat_views: ChatViewsTable;
  chat_delivery: ChatDeliveryTable;
  chat_searches: ChatSearchesTable;
  broadcasts: BroadcastsTable;
  digest_renditions: DigestRenditionsTable;
  digest_views: DigestViewsTable;
  delivery_workers: DeliveryWorkersTable;
  settings: SettingsTable;
  series_articles: SeriesArticlesTable;
  series: SeriesTable;
  series_points: SeriesPointsTable;
  llm_usage: LlmUsageTable;
  llm_summaries: LlmSummariesTable;
  leases: LeasesTable;
  once_claims: OnceClaimsTable;
  send_slots: SendSlotsTable;
  row_counts: RowCountsTable;
}

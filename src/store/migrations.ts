/**
 * Schema migrations for both databases, applied in order. Order is important: add new migrations
 * at the end (one file each in migrations/, with its SQLite and PostgreSQL text); never edit one
 * that has shipped. Version N means the same schema on both: SQLite tracks it in `user_version`
 * (as it always has, so databases made by earlier releases migrate forward), PostgreSQL in
 * `schema_migrations`.
 */
import { initial, initialPostgres } from './migrations/001-initial.js';
import { feedPolling, feedPollingPostgres } from './migrations/002-feed-polling.js';
import { subscriberSchedule, subscriberSchedulePostgres } from './migrations/003-subscriber-schedule.js';
import { subscriberPreferences, subscriberPreferencesPostgres } from './migrations/004-subscriber-preferences.js';
import { deliveryLeases, deliveryLeasesPostgres } from './migrations/005-delivery-leases.js';
import { seriesAndLlm, seriesAndLlmPostgres } from './migrations/006-series-and-llm.js';
import { claims, claimsPostgres } from './migrations/007-claims.js';
import { sendSlots, sendSlotsPostgres } from './migrations/008-send-slots.js';
import { searchAndScale, searchAndScalePostgres } from './migrations/009-search-and-scale.js';
import { retention, retentionPostgres } from './migrations/010-retention.js';
import { feedChoices, feedChoicesPostgres } from './migrations/011-feed-choices.js';
import { chatLanguage, chatLanguagePostgres } from './migrations/012-chat-language.js';
import { chatDelivery, chatDeliveryPostgres } from './migrations/013-chat-delivery.js';
import { dueChats, dueChatsPostgres } from './migrations/014-due-chats.js';
import { workerPidSpace, workerPidSpacePostgres } from './migrations/015-worker-pid-space.js';
import { wholeWordSearch, wholeWordSearchPostgres } from './migrations/016-whole-word-search.js';
import { subscriberCounts, subscriberCountsPostgres } from './migrations/017-subscriber-counts.js';
import { digestViews, digestViewsPostgres } from './migrations/018-digest-views.js';
import { broadcastOutbox, broadcastOutboxPostgres } from './migrations/020-broadcast-outbox.js';
import { dueChatsBySchedule, dueChatsBySchedulePostgres } from './migrations/021-due-chats-by-schedule.js';
import { searchWindow, searchWindowPostgres } from './migrations/022-search-window.js';
import { deliveryCounts, deliveryCountsPostgres } from './migrations/023-delivery-counts.js';

/** One schema step in each dialect. */
export interface Migration {
  name: string;
  sqlite: string;
  postgres: string;
}

/** Every migration, oldest first. */
export const MIGRATIONS: readonly Migration[] = [
  { name: 'initial', sqlite: initial, postgres: initialPostgres },
  { name: 'feed-polling', sqlite: feedPolling, postgres: feedPollingPostgres },
  { name: 'subscriber-schedule', sqlite: subscriberSchedule, postgres: subscriberSchedulePostgres },
  { name: 'subscriber-preferences', sqlite: subscriberPreferences, postgres: subscriberPreferencesPostgres },
  { name: 'delivery-leases', sqlite: deliveryLeases, postgres: deliveryLeasesPostgres },
  { name: 'series-and-llm', sqlite: seriesAndLlm, postgres: seriesAndLlmPostgres },
  { name: 'claims', sqlite: claims, postgres: claimsPostgres },
  { name: 'send-slots', sqlite: sendSlots, postgres: sendSlotsPostgres },
  { name: 'search-and-scale', sqlite: searchAndScale, postgres: searchAndScalePostgres },
  { name: 'retention', sqlite: retention, postgres: retentionPostgres },
  { name: 'feed-choices', sqlite: feedChoices, postgres: feedChoicesPostgres },
  { name: 'chat-language', sqlite: chatLanguage, postgres: chatLanguagePostgres },
  { name: 'chat-delivery', sqlite: chatDelivery, postgres: chatDeliveryPostgres },
  { name: 'due-chats', sqlite: dueChats, postgres: dueChatsPostgres },
  { name: 'worker-pid-space', sqlite: workerPidSpace, postgres: workerPidSpacePostgres },
  { name: 'whole-word-search', sqlite: wholeWordSearch, postgres: wholeWordSearchPostgres },
  { name: 'subscriber-counts', sqlite: subscriberCounts, postgres: subscriberCountsPostgres },
  { name: 'digest-views', sqlite: digestViews, postgres: digestViewsPostgres },
  { name: 'broadcast-outbox', sqlite: broadcastOutbox, postgres: broadcastOutboxPostgres },
  { name: 'due-chats-by-schedule', sqlite: dueChatsBySchedule, postgres: dueChatsBySchedulePostgres },
  { name: 'search-window', sqlite: searchWindow, postgres: searchWindowPostgres },
  { name: 'delivery-counts', sqlite: deliveryCounts, postgres: deliveryCountsPostgres },
];

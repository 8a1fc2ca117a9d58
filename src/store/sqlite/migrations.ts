/**
 * Schema migrations, applied in order and tracked with SQLite's `user_version`.
 * Order is important: add new migrations at the end (one file each in migrations/); never edit
 * one that has shipped.
 */
import { initial } from './migrations/001-initial.js';
import { feedPolling } from './migrations/002-feed-polling.js';
import { subscriberSchedule } from './migrations/003-subscriber-schedule.js';
import { subscriberPreferences } from './migrations/004-subscriber-preferences.js';
import { deliveryLeases } from './migrations/005-delivery-leases.js';
import { seriesAndLlm } from './migrations/006-series-and-llm.js';

/** Every migration's SQL, oldest first. */
export const MIGRATIONS: readonly string[] = [initial, feedPolling, subscriberSchedule, subscriberPreferences, deliveryLeases, seriesAndLlm];

/**
 * Schema migrations, applied in order and tracked with SQLite's `user_version`.
 * Order is important: add new migrations at the end (one file each in migrations/); never edit
 * one that has shipped.
 */
import { initial } from './migrations/001-initial.js';

/** Every migration's SQL, oldest first. */
export const MIGRATIONS: readonly string[] = [initial];

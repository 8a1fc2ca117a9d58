/**
 * What differs between the two databases, in one place: how a time and a flag are stored, and
 * whether row locks (`FOR UPDATE SKIP LOCKED`) exist. Every query is written once against this.
 */
import type { Kysely } from 'kysely';
import type { Tables } from './schema.js';

/** The database behind a Kysely instance, with its value codecs. */
export interface SqlDialect {
  readonly name: 'sqlite' | 'postgres';
  /** A time as the column stores it: ISO text in SQLite, a Date (timestamptz) in PostgreSQL. */
  time(at: Date): string | Date;
  /** A flag as the column stores it: 0/1 in SQLite, boolean in PostgreSQL. */
  flag(on: boolean): number | boolean;
  /** PostgreSQL locks claimed rows (`FOR UPDATE SKIP LOCKED`); SQLite's write lock covers the whole claim. */
  readonly rowLocks: boolean;
}

/** SQLite: ISO-8601 UTC text (sorts like time) and 0/1. */
export const SQLITE: SqlDialect = {
  name: 'sqlite',
  time: (at) => at.toISOString(),
  flag: (on) => (on ? 1 : 0),
  rowLocks: false,
};

/** PostgreSQL: timestamptz and boolean. */
export const POSTGRES: SqlDialect = {
  name: 'postgres',
  time: (at) => at,
  flag: (on) => on,
  rowLocks: true,
};

/** A connection and its dialect: what every query module takes. */
export interface Sql {
  db: Kysely<Tables>;
  d: SqlDialect;
}

/** A stored time as a Date (ISO text or timestamptz in, Date out). */
export function toDate(v: unknown): Date {
  return v instanceof Date ? v : new Date(String(v));
}

/** A stored time as a Date, or null. */
export function toDateOrNull(v: unknown): Date | null {
  return v === null || v === undefined ? null : toDate(v);
}

/** A stored flag as a boolean. */
export const toBool = (v: unknown): boolean => v === true || v === 1 || v === '1' || v === 't';

/** Text or null, as stored. */
export const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** A number or null, as stored. */
export const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

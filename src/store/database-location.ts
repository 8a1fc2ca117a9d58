/** Where the data lives, from DATABASE_URL / DATABASE_PATH (no adapter imported: config reads this). */
import path from 'node:path';

/** Where the data lives. */
export type DatabaseLocation = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

/** `postgres://` and `postgresql://` URLs select PostgreSQL. */
export const isPostgresUrl = (value: string): boolean => /^postgres(ql)?:\/\//i.test(value);

/**
 * DATABASE_URL (a postgres:// URL or a file path) else DATABASE_PATH → where the data lives.
 * @example databaseLocation('postgres://kf@db/kf', './data/keyfigures.db') // { kind: 'postgres', … }
 */
export function databaseLocation(url: string | undefined, sqlitePath: string): DatabaseLocation {
  if (url && isPostgresUrl(url)) return { kind: 'postgres', url };
  const file = url ? url.replace(/^(sqlite|file):(\/\/)?/i, '') : sqlitePath;
  return { kind: 'sqlite', path: file };
}

/**
 * The database for messages: the SQLite file's absolute path, or the PostgreSQL URL without its password.
 * @example describeDatabase({ kind: 'sqlite', path: './data/kf.db' })
 */
export function describeDatabase(location: DatabaseLocation): string {
  return location.kind === 'postgres' ? describePostgresUrl(location.url) : location.path === ':memory:' ? ':memory:' : path.resolve(location.path);
}

/**
 * A PostgreSQL URL for messages: host, port and database, never the password.
 * @example describePostgresUrl('postgres://kf:secret@db:5432/kf') // 'postgres://kf@db:5432/kf'
 */
export function describePostgresUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    return u.toString().replace(/\?.*$/, '');
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

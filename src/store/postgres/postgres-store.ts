/**
 * The networked Store: PostgreSQL through `pg` (a connection pool) and the queries of ../sql/
 * through Kysely. Several processes may share one database: migrations run under an advisory
 * lock, and claims use row locks (`FOR UPDATE SKIP LOCKED`).
 */
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { Store } from '../store.js';
import type { Tables } from '../sql/schema.js';
import { POSTGRES } from '../sql/dialect.js';
import { sqlStore } from '../sql/sql-store.js';
import { MIGRATIONS } from '../migrations.js';
import { describePostgresUrl } from '../database-location.js';

/** How to open a PostgreSQL store. */
export interface PostgresOpenOptions {
  /** Use (and create) this schema instead of `public`: tests isolate themselves this way. */
  schema?: string;
  /** Open for reading only: no migration, every transaction read-only. */
  readOnly?: boolean;
  /** Connections in the pool (default 10). */
  poolSize?: number;
}

/** int8 (ids, chat ids, counts) and numeric as JS numbers: chat ids stay below 2^53. */
const TYPES = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === 20 || oid === 1700 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/**
 * Open the database at `url` (postgres://user@host:port/db) and migrate it. Errors name the
 * database without its password.
 * @example const store = await openPostgresStore('postgres://kf@127.0.0.1:5432/keyfigures')
 */
export async function openPostgresStore(url: string, opts: PostgresOpenOptions = {}): Promise<Store> {
  const where = describePostgresUrl(url);
  if (opts.schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(opts.schema)) throw new Error(`invalid schema name ${opts.schema}`);
  const settings = [
    ...(opts.schema ? [`-c search_path=${opts.schema}`] : []),
    ...(opts.readOnly ? ['-c default_transaction_read_only=on'] : []),
  ];
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.poolSize ?? 10,
    types: TYPES,
    ...(settings.length ? { options: settings.join(' ') } : {}),
  });
  // An idle client's error (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  try {
    if (opts.schema && !opts.readOnly) await createSchema(pool, opts.schema);
    if (opts.readOnly) await checkVersion(pool);
    else await migratePostgres(pool);
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw new Error(`cannot open the database ${where}: ${(err as Error).message}`, { cause: err });
  }
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  let closed = false;
  return sqlStore(
    { db, d: POSTGRES },
    {
      async checkIntegrity() {
        // PostgreSQL has no cheap whole-database check; data-page checksum failures (counted when
        // the cluster has checksums on) are the nearest thing.
        const { rows } = await pool.query<{ n: number | null }>('SELECT checksum_failures AS n FROM pg_stat_database WHERE datname = current_database()');
        const failures = Number(rows[0]?.n ?? 0);
        return failures > 0 ? [`${failures} data page checksum failure(s) (pg_stat_database)`] : [];
      },
      async sizeBytes() {
        const { rows } = await pool.query<{ n: number }>('SELECT pg_database_size(current_database()) AS n');
        return Number(rows[0]!.n);
      },
      async close() {
        if (closed) return;
        closed = true;
        await db.destroy();
      },
    },
  );
}

/**
 * CREATE SCHEMA IF NOT EXISTS is not safe against itself: processes starting together race on the
 * catalog's unique index (23505) — the schema exists then, which is all we wanted.
 */
async function createSchema(pool: pg.Pool, schema: string): Promise<void> {
  try {
    await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  } catch (err) {
    if ((err as { code?: string }).code !== '23505' && (err as { code?: string }).code !== '42P06') throw err;
  }
}

/**
 * Apply the migrations the database has not seen, all under one advisory lock so that several
 * processes starting at once migrate it once. Returns how many were applied.
 */
export async function migratePostgres(pool: pg.Pool): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query("SELECT pg_advisory_xact_lock(hashtext('keyfigures-migrations:' || current_schema()))");
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
    const { rows } = await client.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations');
    const current = Number(rows[0]?.v ?? 0);
    for (let version = current; version < MIGRATIONS.length; version++) {
      await client.query(MIGRATIONS[version]!.postgres);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [version + 1, MIGRATIONS[version]!.name]);
    }
    await client.query('COMMIT');
    return Math.max(0, MIGRATIONS.length - current);
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

async function checkVersion(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{ v: number | null }>(
    "SELECT CASE WHEN to_regclass('schema_migrations') IS NULL THEN 0 ELSE (SELECT MAX(version) FROM schema_migrations) END AS v",
  );
  const version = Number(rows[0]?.v ?? 0);
  if (version < MIGRATIONS.length) {
    throw new Error(`its schema is version ${version} and this release needs ${MIGRATIONS.length}: start the bot once to upgrade it`);
  }
}

/**
 * The Store adapters the contract suite runs against: SQLite always (a temporary file), PostgreSQL
 * when PG_URL is set (a fresh schema per store, dropped afterwards, so engineers and CI runs
 * sharing one server never see each other's rows).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, beforeEach, describe } from 'vitest';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, type CompiledQuery } from 'kysely';
import type { Tables } from '../../src/store/sql/schema.js';
import { POSTGRES, SQLITE, type Sql } from '../../src/store/sql/dialect.js';
import type { Store } from '../../src/store/store.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.js';

/** PostgreSQL for the contract suite, or undefined (its tests skip, saying how to run them). */
export const PG_URL = process.env.PG_URL || undefined;

/** What the suite says when PostgreSQL is not configured. */
export const PG_SKIP = 'PostgreSQL adapter — skipped: set PG_URL=postgres://postgres@127.0.0.1:5432/test to run';

/** One database a test works in: stores on it (several = several processes) and its cleanup. */
export interface TestDatabase {
  adapter: 'sqlite' | 'postgres';
  /** Open another store on the same database (another "process"). */
  open(opts?: { readOnly?: boolean }): Promise<Store>;
  /** Run raw SQL on the database through a separate connection (test setup and fault injection). */
  exec(sqlText: string): Promise<void>;
  /** Queries as the store builds them, compiled only (never run): read their plans with `plan`. */
  builder: Sql;
  /**
   * The database's plan for a compiled query, one line per step: SQLite `EXPLAIN QUERY PLAN`;
   * PostgreSQL `EXPLAIN` with sequential scans priced out (a small test table would otherwise
   * be read whole, whatever the indexes).
   */
  plan(query: CompiledQuery): Promise<string>;
  /** Close every store opened and drop the database. */
  dispose(): Promise<void>;
}

/** A fresh SQLite file in a temporary folder. */
export async function sqliteDatabase(): Promise<TestDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-store-'));
  const file = path.join(dir, 'kf.db');
  const stores: Store[] = [];
  return {
    adapter: 'sqlite',
    async open(opts) {
      const store = openSqliteStore(file, opts);
      stores.push(store);
      return store;
    },
    async exec(sqlText) {
      const { default: Database } = await import('better-sqlite3');
      const db = new Database(file);
      try {
        db.exec(sqlText);
      } finally {
        db.close();
      }
    },
    builder: { db: compileOnly('sqlite'), d: SQLITE },
    async plan(query) {
      const { default: Database } = await import('better-sqlite3');
      const db = new Database(file, { readonly: true });
      try {
        const rows = db.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...(query.parameters as unknown[])) as Array<{ detail: string }>;
        return rows.map((r) => r.detail).join('\n');
      } finally {
        db.close();
      }
    },
    async dispose() {
      for (const s of stores) await s.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh schema on the PG_URL server. */
export async function postgresDatabase(): Promise<TestDatabase> {
  const schema = `kf_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const stores: Store[] = [];
  const run = async (sqlText: string) => {
    const client = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${schema}` });
    await client.connect();
    try {
      await client.query(sqlText);
    } finally {
      await client.end();
    }
  };
  return {
    adapter: 'postgres',
    async open(opts) {
      const store = await openPostgresStore(PG_URL!, { schema, poolSize: 4, ...opts });
      stores.push(store);
      return store;
    },
    exec: run,
    builder: { db: compileOnly('postgres'), d: POSTGRES },
    async plan(query) {
      const client = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${schema} -c enable_seqscan=off` });
      await client.connect();
      try {
        const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${query.sql}`, query.parameters as unknown[]);
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      } finally {
        await client.end();
      }
    },
    async dispose() {
      for (const s of stores) await s.close();
      await run(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    },
  };
}

/** A Kysely that only compiles (DummyDriver): the store's query builders, for reading plans. */
function compileOnly(dialect: 'sqlite' | 'postgres'): Kysely<Tables> {
  const pgSide = dialect === 'postgres';
  return new Kysely<Tables>({
    dialect: {
      createAdapter: () => (pgSide ? new PostgresAdapter() : new SqliteAdapter()),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => (pgSide ? new PostgresIntrospector(db) : new SqliteIntrospector(db)),
      createQueryCompiler: () => (pgSide ? new PostgresQueryCompiler() : new SqliteQueryCompiler()),
    },
  });
}

/** The adapters to run, each with how to make a fresh database; PostgreSQL only when PG_URL is set. */
export const ADAPTERS: Array<{ name: 'sqlite' | 'postgres'; fresh: () => Promise<TestDatabase>; skip: boolean }> = [
  { name: 'sqlite', fresh: sqliteDatabase, skip: false },
  { name: 'postgres', fresh: postgresDatabase, skip: !PG_URL },
];

/**
 * Scribble over two pages in the middle of a SQLite file (switched to rollback-journal mode first,
 * so every page is in the file): its b-trees no longer add up and `PRAGMA quick_check` fails.
 */
export async function damageSqliteFile(file: string): Promise<void> {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(file);
  db.pragma('journal_mode = DELETE');
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  // Damage leaf pages of the largest table (seen item keys): the schema and small tables stay
  // readable, as in a real partial corruption, wherever migrations put their pages.
  const leaves = db.prepare("SELECT pageno FROM dbstat WHERE name = 'seen_items' AND pagetype = 'leaf' ORDER BY pageno").all() as Array<{ pageno: number }>;
  db.close();
  if (leaves.length < 2) throw new Error('damageSqliteFile: seen_items has too few pages to damage; add more rows first');
  const fd = fs.openSync(file, 'r+');
  for (const { pageno } of leaves.slice(1, 3)) fs.writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, pageSize * (pageno - 1));
  fs.closeSync(fd);
}

/**
 * A describe block per adapter (PostgreSQL skipped, saying how to run it, without PG_URL) whose
 * tests each get a fresh database and a store open on it.
 * @example describeEachStore('Chat delivery options', (s) => it('…', async () => { await s().store.getDeliveryOptions(1) }))
 */
export function describeEachStore(title: string, body: (current: () => { store: Store; database: TestDatabase }) => void): void {
  for (const adapter of ADAPTERS) {
    describe.skipIf(adapter.skip)(adapter.skip ? PG_SKIP : `${title} — ${adapter.name}`, () => {
      let database: TestDatabase;
      let store: Store;
      beforeEach(async () => {
        database = await adapter.fresh();
        store = await database.open();
      });
      afterEach(async () => {
        await database.dispose();
      });
      body(() => ({ store, database }));
    });
  }
}

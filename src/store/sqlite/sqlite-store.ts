/**
 * The embedded Store: one SQLite file through better-sqlite3 (WAL mode, migrations on open) and
 * the queries of ../sql/ through Kysely. Read-only opens (status, listings) touch nothing: no
 * WAL switch, no migration, and a read-only file or folder is fine.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CompiledQuery, Kysely, sql, SqliteAdapter, SqliteDriver, SqliteIntrospector, SqliteQueryCompiler, type DatabaseConnection, type Dialect } from 'kysely';
import type { Store } from '../store.js';
import type { Tables } from '../sql/schema.js';
import { SQLITE } from '../sql/dialect.js';
import { sqlStore } from '../sql/sql-store.js';
import { MIGRATIONS } from '../migrations.js';

/** The Store as the SQLite adapter returns it (no connection handle: tests open their own). */
export type SqliteStore = Store;

/** How to open a SQLite store. */
export interface SqliteOpenOptions {
  /** Open for reading only: no WAL switch, no migration, no write; the file must be at the current schema. */
  readOnly?: boolean;
}

/**
 * Open (creating if needed) the database at `file`; ':memory:' for a throwaway store. Errors name the file.
 * @example const store = openSqliteStore('./data/keyfigures.db')
 */
export function openSqliteStore(file: string, opts: SqliteOpenOptions = {}): Store {
  const db = openDatabase(file, opts);
  const kysely = new Kysely<Tables>({ dialect: immediateSqliteDialect(db, file === ':memory:' ? db : path.resolve(file)) });
  return sqlStore(
    { db: kysely, d: SQLITE },
    {
      async checkIntegrity() {
        try {
          const { rows } = await sql<{ quick_check: string }>`PRAGMA quick_check`.execute(kysely);
          return rows.map((r) => String(Object.values(r)[0])).filter((r) => r !== 'ok');
        } catch (err) {
          return [(err as Error).message];
        }
      },
      async sizeBytes() {
        return file === ':memory:' ? null : fileBytes(file);
      },
      async close() {
        // Kysely closes the file only if it ever queried it; close it here either way.
        if (db.open) await kysely.destroy();
        if (db.open) db.close();
      },
    },
  );
}

/** better-sqlite3 with our pragmas, migrated (or checked, when read-only). */
function openDatabase(file: string, opts: SqliteOpenOptions): Database.Database {
  const where = file === ':memory:' ? 'an in-memory database' : path.resolve(file);
  try {
    if (opts.readOnly && file !== ':memory:' && !fs.existsSync(file)) {
      // Nothing stored yet: an empty in-memory database answers like an empty file, creating nothing.
      return openDatabase(':memory:', {});
    }
    if (opts.readOnly && file !== ':memory:') {
      const db = openReadOnly(file);
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version < MIGRATIONS.length) {
        db.close();
        throw new Error(`its schema is version ${version} and this release needs ${MIGRATIONS.length}: start the bot (or run any command that writes, e.g. \`keyfigures fetch\`) once to upgrade it`);
      }
      return db;
    }
    if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const db = new Database(file);
    db.pragma('busy_timeout = 5000');
    if (db.pragma('journal_mode', { simple: true }) !== 'wal') db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    migrateSqlite(db);
    return db;
  } catch (err) {
    const message = (err as Error).message;
    throw new Error(`cannot open the database ${where}: ${message}`, { cause: err });
  }
}

/**
 * A read-only connection. A WAL-mode file in a read-only folder cannot be read in place (SQLite
 * needs to create its shared-memory file), so when its log is empty it is read from a snapshot
 * copy in memory instead; with a non-empty log that copy would miss rows, so that is an error.
 */
function openReadOnly(file: string): Database.Database {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    db.pragma('user_version', { simple: true });
    return db;
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (!code?.startsWith('SQLITE_READONLY') && !code?.startsWith('SQLITE_CANTOPEN')) throw err;
    const wal = `${file}-wal`;
    if (fs.existsSync(wal) && fs.statSync(wal).size > 0) {
      throw new Error(`it is read-only and its write-ahead log ${path.basename(wal)} holds unmerged changes: make the folder writable, or read a copy made with \`sqlite3 ${file} ".backup copy.db"\``, { cause: err });
    }
    const image = fs.readFileSync(file);
    // Bytes 18-19 say "WAL"; an in-memory image must say "rollback journal" to be readable.
    image[18] = 1;
    image[19] = 1;
    return new Database(image, { readonly: true });
  }
}

/**
 * Apply the migrations this file has not seen yet, each in its own transaction. The version is
 * read under the write lock, so two processes opening a new file at once migrate it once.
 */
export function migrateSqlite(db: Database.Database): number {
  let applied = 0;
  for (;;) {
    const step = db.transaction(() => {
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version >= MIGRATIONS.length) return false;
      db.exec(MIGRATIONS[version]!.sqlite);
      db.pragma(`user_version = ${version + 1}`);
      return true;
    });
    if (!step.immediate()) return applied;
    applied++;
  }
}

/**
 * Kysely's SQLite dialect, with three changes: transactions start IMMEDIATE (they take the write
 * lock first, so two processes never deadlock upgrading a read lock, and a claim's read and update
 * are one step); every connection of this process to the same file takes turns (better-sqlite3
 * waits for a lock synchronously, so a second connection waiting on the first inside one process
 * would block the very event loop the first needs to finish); and prepared statements are cached.
 */
function immediateSqliteDialect(db: Database.Database, fileKey: unknown): Dialect {
  const statements = new Map<string, Database.Statement>();
  const database = {
    close: () => db.close(),
    prepare(text: string) {
      if (!db.open) throw new TypeError(`The database connection is not open (${db.name})`);
      let stmt = statements.get(text);
      if (!stmt) {
        stmt = db.prepare(text);
        if (statements.size >= 500) statements.delete(statements.keys().next().value!);
        statements.set(text, stmt);
      }
      return stmt;
    },
  };
  let turns = FILE_TURNS.get(fileKey);
  if (!turns) FILE_TURNS.set(fileKey, (turns = { mutex: new Mutex(), users: 0 }));
  turns.users++;
  const shared = turns;
  const release = () => {
    if (--shared.users === 0) FILE_TURNS.delete(fileKey);
  };
  return {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new ImmediateSqliteDriver({ database }, shared.mutex, release),
    createIntrospector: (k) => new SqliteIntrospector(k),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  };
}

/** One queue per database file in this process (see immediateSqliteDialect). */
const FILE_TURNS = new Map<unknown, { mutex: Mutex; users: number }>();

/** A FIFO async lock. */
class Mutex {
  #tail: Promise<void> = Promise.resolve();
  #unlock: Array<() => void> = [];
  async lock(): Promise<void> {
    const previous = this.#tail;
    let unlock!: () => void;
    this.#tail = new Promise((resolve) => (unlock = resolve));
    this.#unlock.push(unlock);
    await previous;
  }
  unlock(): void {
    this.#unlock.shift()?.();
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  constructor(
    config: ConstructorParameters<typeof SqliteDriver>[0],
    private readonly fileMutex: Mutex,
    private readonly onDestroy: () => void,
  ) {
    super(config);
  }
  override async acquireConnection(): Promise<DatabaseConnection> {
    await this.fileMutex.lock();
    return super.acquireConnection();
  }
  override async releaseConnection(): Promise<void> {
    await super.releaseConnection();
    this.fileMutex.unlock();
  }
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
  override async destroy(): Promise<void> {
    await super.destroy();
    this.onDestroy();
  }
}

/** The database file plus its WAL, or null when it does not exist. */
function fileBytes(file: string): number | null {
  let total = 0;
  let found = false;
  for (const f of [file, `${file}-wal`]) {
    try {
      total += fs.statSync(f).size;
      found = true;
    } catch {
      // absent: nothing to add
    }
  }
  return found ? total : null;
}

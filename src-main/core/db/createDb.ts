import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import type { Database } from './schema';
import type { DbKind } from './dialect';
import { privateDir, privateFile, sqliteCompanions, tighten } from './privateFiles';
import { openSqlite } from './sqliteDriver';

export type DbConfig =
  /** `key`: the file is encrypted with it (src-main/core/db/dbKey.ts); absent for a plain file. */
  | { kind: 'sqlite'; file: string; key?: Buffer | null }
  | { kind: 'postgres'; url: string };

export interface AppDb {
  db: Kysely<Database>;
  kind: DbKind;
  /** File path for SQLite, `host:port/database` for PostgreSQL (no password). */
  location: string;
  /** The raw SQLite handle, for online backups; absent on PostgreSQL. */
  readonly sqlite?: BetterSqlite3.Database;
  /** The key of an encrypted SQLite file (backups and restores need it), or null. */
  readonly sqliteKey?: Buffer | null;
  /**
   * SQLite only: closes the file, lets `replace` put another file in its place (a restore), and
   * opens it again, while every other query waits; Kysely and the handlers never notice.
   */
  replaceFile?(replace: () => void): Promise<void>;
  close(): Promise<void>;
}

const PG_DATE_OID = 1082;
const PG_INT8_OID = 20;
const PG_NUMERIC_OID = 1700;

/** Reads `DATABASE_URL` (postgres://…) or falls back to a SQLite file. */
export function configFromEnv(defaultSqliteFile: string, env: NodeJS.ProcessEnv = process.env): DbConfig {
  const url = env.DATABASE_URL?.trim();
  if (url && /^postgres(ql)?:\/\//.test(url)) return { kind: 'postgres', url };
  if (url && url.startsWith('sqlite:')) return { kind: 'sqlite', file: url.slice('sqlite:'.length) };
  return { kind: 'sqlite', file: defaultSqliteFile };
}

/**
 * `onIdleError` receives errors of idle pooled PostgreSQL connections (server restart, connection
 * terminated by an administrator). The pool drops such a connection and opens a new one on the next
 * query; without a listener node-postgres would raise the error as an uncaught exception.
 */
export function createDb(config: DbConfig, onIdleError: (err: Error) => void = () => undefined): AppDb {
  return config.kind === 'sqlite' ? createSqlite(config.file, config.key ?? null) : createPostgres(config.url, onIdleError);
}

function openSqliteHandle(file: string, key: Buffer | null): BetterSqlite3.Database {
  // The database, its WAL and SHM are the owner's only (SQLite gives WAL and SHM the file's mode).
  if (file !== ':memory:') {
    privateDir(path.dirname(path.resolve(file)));
    privateFile(file);
    for (const companion of sqliteCompanions(file)) tighten(companion);
  }
  const sqlite = openSqlite(file, { key });
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  // Several processes (desktop + CLI) may touch one file; wait instead of failing at once.
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  return sqlite;
}

function createSqlite(file: string, key: Buffer | null): AppDb {
  const current = { handle: openSqliteHandle(file, key) };
  const database = withStatementCache(() => current.handle);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }), plugins: [new CamelCasePlugin()] });
  return {
    db,
    kind: 'sqlite',
    location: file === ':memory:' ? ':memory:' : path.resolve(file),
    get sqlite() {
      return current.handle;
    },
    sqliteKey: key,
    async replaceFile(replace) {
      // Holding Kysely's only connection: every other query waits here, none runs on a closed handle.
      await db.connection().execute(async () => {
        const old = current.handle;
        old.pragma('wal_checkpoint(TRUNCATE)');
        old.close();
        try {
          replace();
        } finally {
          // The new file, or the old one untouched when the replacement failed.
          database.reset();
          current.handle = openSqliteHandle(file, key);
        }
      });
    },
    close: () => db.destroy(),
  };
}

/**
 * The database as Kysely sees it, with prepared statements kept by their SQL text. Kysely prepares
 * every query anew; preparing was a sixth of the time of a large write (a pull of 10 000 rows).
 * Only Kysely gets the cache: code that uses the raw handle may set a statement's modes (`pluck`,
 * `raw`), which would leak into a shared statement. A statement still being iterated is not reused.
 * `handle` may be a getter: a restore swaps the file (and the handle) under the same Kysely.
 */
export function withStatementCache(handle: BetterSqlite3.Database | (() => BetterSqlite3.Database), max = 1000): SqliteDatabase & { reset(): void } {
  const sqlite = typeof handle === 'function' ? handle : () => handle;
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite().close(),
    reset: () => cache.clear(),
    prepare(sql: string) {
      const cached = cache.get(sql);
      if (cached && !cached.busy) return cached;
      const stmt = sqlite().prepare(sql);
      if (!cached) {
        if (cache.size >= max) cache.delete(cache.keys().next().value as string);
        cache.set(sql, stmt);
      }
      return stmt;
    },
  };
}

function createPostgres(url: string, onIdleError: (err: Error) => void): AppDb {
  const parsers: Record<number, (v: string) => unknown> = {
    // Dates stay `YYYY-MM-DD` strings: a JS Date at local midnight shifts days across time zones.
    [PG_DATE_OID]: (v) => v,
    [PG_INT8_OID]: (v) => Number(v),
    [PG_NUMERIC_OID]: (v) => Number(v),
  };
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        parsers[oid] ?? pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    },
  });
  pool.on('error', onIdleError);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
  const u = new URL(url);
  return {
    db,
    kind: 'postgres',
    location: `${u.hostname}:${u.port || '5432'}${u.pathname}`,
    close: () => db.destroy(),
  };
}

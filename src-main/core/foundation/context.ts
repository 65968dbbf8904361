import path from 'node:path';
import type { Kysely } from 'kysely';
import type { AppDb, DbConfig } from '../db/createDb';
import { createDb } from '../db/createDb';
import { migrateToLatest, type MigrateOutcome } from '../db/migrate';
import type { Database } from '../db/schema';
import { createEventBus, type EventBus } from './events';
import { createJobRegistry, type JobRegistry } from './jobs';
import { createLogger, type Logger } from './logger';
import { logsDirOf, withLogFile } from './logFile';
import type { AuditEntry } from './auditLog';
import type { Executor } from './executor';
import { createFirstRunCode, type FirstRunCode } from './firstRunCode';
import { effectiveBackupDir, readLocalSettings } from './localSettings';

export const APP_VERSION = '0.1.0';

export interface CoreConfig {
  appVersion: string;
  /** Folder with the SQLite file, backups and logs. */
  dataDir: string;
  backupDir: string;
  /**
   * Where the key of the portal's initial passwords lives: beside a SQLite file (it travels with the
   * file, so `demo --out FILE` and `DATABASE_URL=sqlite:FILE` with any data folder print the letters),
   * the data folder for PostgreSQL. Equal to dataDir for the default SQLite file.
   */
  portalKeyDir: string;
}

/** Everything a handler may use; passed explicitly, never a module-level singleton. */
export interface Core {
  appDb: AppDb;
  db: Kysely<Database>;
  events: EventBus;
  jobs: JobRegistry;
  logger: Logger;
  config: CoreConfig;
  migration: MigrateOutcome;
  /** The one-time code a browser needs to create the first administrator (`serve` prints it). */
  firstRun: FirstRunCode;
  /** How this core's database was opened: a worker opens its own connection from it. */
  dbConfig: DbConfig;
  /** Run by closeCore before the database closes (a job host stops its worker). */
  onClose: (() => Promise<void>)[];
}

export type TransportKind = 'in-process' | 'ipc' | 'http';

export interface CallerUser {
  id: string;
  name: string;
  roles: string[];
  /** Effective rights, resolved by the access layer from the session (src-main/core/access). */
  rights: readonly string[];
  /** The staff card of this user; row scoping ("own classes") follows it. */
  staffId?: string | null;
  /** After an administrator reset only the open methods (change password, sign out) are allowed. */
  mustChangePassword?: boolean;
}

export interface Caller {
  transport: TransportKind;
  /** Null until the access layer signs the caller in. */
  user: CallerUser | null;
  sessionId?: string;
}

export interface AuditRecorder {
  /** Writes an audit row inside the handler's own transaction so data and log commit together. */
  record(
    db: Executor,
    entry: Pick<AuditEntry, 'recordId' | 'action' | 'changes' | 'cause'> & {
      entity?: string;
      /** Who the row is about when the caller is not signed in yet (sign-in, lock). */
      actor?: { id: string | null; name: string | null };
    },
  ): Promise<void>;
  /** Rows written for this call by a worker with its own connection (foundation/workerHost.ts). */
  countElsewhere?(rows: number, exports: number, changed?: readonly { entity: string | null; recordId: string | null }[]): void;
  /**
   * A recorder for one long transaction that keeps its rows and writes them in a few statements:
   * when it holds enough, and on `flush` (call it before the transaction commits). Counted as
   * this call's rows like `record`'s.
   */
  batched(db: Executor): AuditRecorder & { flush(): Promise<void> };
  readonly count: number;
}

export interface HandlerContext {
  core: Core;
  caller: Caller;
  method: string;
  audit: AuditRecorder;
}

export interface OpenCoreOptions {
  db: DbConfig;
  dataDir: string;
  logger?: Logger;
}

export function portalKeyDirOf(db: DbConfig, dataDir: string): string {
  return db.kind === 'sqlite' && db.file !== ':memory:' ? path.dirname(path.resolve(db.file)) : dataDir;
}

export async function openCore(opts: OpenCoreOptions): Promise<Core> {
  // Every shape (window, serve, CLI) also keeps the data folder's log, which «Журнал программы» reads.
  const logger = withLogFile(opts.logger ?? createLogger(), logsDirOf(opts.dataDir));
  const appDb = createDb(opts.db, (err) => logger.warn('idle database connection lost', { message: err.message }));
  // The administrator may have moved the backups (Настройки → Резервные копии): the settings file says where.
  const backupDir = effectiveBackupDir(opts.dataDir, readLocalSettings(opts.dataDir).settings);
  try {
    const migration = await migrateToLatest(appDb, { backupDir });
    if (migration.applied.length > 0) logger.info('database migrated', { applied: migration.applied, backup: migration.backupFile });
    const events = createEventBus();
    return {
      appDb,
      db: appDb.db,
      events,
      jobs: createJobRegistry(events),
      logger,
      config: { appVersion: APP_VERSION, dataDir: opts.dataDir, backupDir, portalKeyDir: portalKeyDirOf(opts.db, opts.dataDir) },
      migration,
      firstRun: createFirstRunCode(),
      dbConfig: opts.db,
      onClose: [],
    };
  } catch (err) {
    await appDb.close();
    throw err;
  }
}

export async function closeCore(core: Core): Promise<void> {
  for (const stop of core.onClose.splice(0)) await stop();
  await core.appDb.close();
}

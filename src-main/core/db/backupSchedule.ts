import type { Kysely } from 'kysely';
import type { AppDb } from './createDb';
import type { Database } from './schema';
import { backupSqlite, listBackups, pruneBackups, type BackupResult } from './backup';

/**
 * Daily backups for an office that never opens a terminal (issue 19, item 5): while the program runs
 * it makes a verified copy when the newest daily one is a day old, and keeps the last `keep`. The
 * office PC is often off at night, so «daily» means «once a day while it runs», not «at 02:00».
 */
export interface BackupSchedule {
  enabled: boolean;
  keep: number;
}

export const DEFAULT_BACKUP_SCHEDULE: BackupSchedule = { enabled: true, keep: 14 };
export const DAILY_REASON = 'daily';
/** A little under a day, so a copy made at 9:05 is not skipped the next morning at 9:00. */
const DUE_AFTER_MS = 20 * 60 * 60 * 1000;

const KEYS = { enabled: 'backup.daily.enabled', keep: 'backup.daily.keep' } as const;

export async function readBackupSchedule(db: Kysely<Database>): Promise<BackupSchedule> {
  const rows = await db.selectFrom('appSetting').select(['key', 'value']).where('key', 'in', Object.values(KEYS)).execute();
  const value = (k: string) => rows.find((r) => r.key === k)?.value;
  const keep = Number(value(KEYS.keep));
  return {
    enabled: value(KEYS.enabled) === undefined ? DEFAULT_BACKUP_SCHEDULE.enabled : value(KEYS.enabled) === '1',
    keep: Number.isInteger(keep) && keep > 0 ? keep : DEFAULT_BACKUP_SCHEDULE.keep,
  };
}

export async function writeBackupSchedule(db: Kysely<Database>, s: BackupSchedule, now: string): Promise<void> {
  for (const [key, value] of [
    [KEYS.enabled, s.enabled ? '1' : '0'],
    [KEYS.keep, String(s.keep)],
  ] as const) {
    await db.deleteFrom('appSetting').where('key', '=', key).execute();
    await db.insertInto('appSetting').values({ key, value, updatedAt: now }).execute();
  }
}

export function lastDailyBackup(backupDir: string): BackupResult | null {
  return listBackups(backupDir).find((b) => b.file.endsWith(`_${DAILY_REASON}.sqlite3`)) ?? null;
}

/**
 * Makes the daily copy if it is due; returns it, or null when nothing was due (or the database is
 * PostgreSQL, whose copies pg_dump makes on the server).
 */
export async function runDailyBackup(appDb: AppDb, backupDir: string, nowMs = Date.now()): Promise<BackupResult | null> {
  if (!appDb.sqlite || appDb.location === ':memory:') return null;
  const schedule = await readBackupSchedule(appDb.db);
  if (!schedule.enabled) return null;
  const last = lastDailyBackup(backupDir);
  if (last && nowMs - Date.parse(last.createdAt) < DUE_AFTER_MS) return null;
  const made = await backupSqlite(appDb.sqlite, backupDir, DAILY_REASON, undefined, appDb.sqliteKey);
  pruneBackups(backupDir, DAILY_REASON, schedule.keep);
  return made;
}

/** Checks every half hour (and a minute after start); failures are logged, never thrown. */
export function startBackupScheduler(
  appDb: AppDb,
  /** A function when the administrator may move the folder while the program runs (Настройки). */
  backupDir: string | (() => string),
  log: (level: 'info' | 'error', message: string, data: Record<string, unknown>) => void,
  opts: { firstAfterMs?: number; everyMs?: number } = {},
): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const made = await runDailyBackup(appDb, typeof backupDir === 'function' ? backupDir() : backupDir);
      if (made) log('info', 'daily backup made', { file: made.file, size: made.size });
    } catch (err) {
      log('error', 'daily backup failed', { error: String((err as Error)?.message ?? err) });
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), opts.firstAfterMs ?? 60_000);
  const every = setInterval(() => void tick(), opts.everyMs ?? 30 * 60_000);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}

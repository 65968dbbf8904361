import fs from 'node:fs';
import path from 'node:path';
import { migrations } from '../../../migrations/index';
import { AppError } from '../../../src-shared/errors';
import { backupSqlite, verifySqliteFile, type BackupResult } from './backup';
import { createDb, type AppDb } from './createDb';
import { migrateToLatest } from './migrate';
import { fsyncPath, privateFile, sqliteCompanions, tighten } from './privateFiles';
import { encryptInPlace, isPlainSqliteFile, openSqlite } from './sqliteDriver';

/**
 * Restoring a backup over the database (issue 19, item 5), in three steps that each either finish or
 * leave everything as it was: check the backup (a sound SQLite file, ours, not from a newer app),
 * prepare a copy beside the database (brought to this app's schema, sessions ended, flushed to disk),
 * then rename it over the database. The caller holds the lock (CLI) or the database's only
 * connection (the server), so no one works on the file while it is replaced.
 */
export interface BackupFacts {
  /** The newest migration in the backup (its schema version). */
  schemaVersion: string;
  migrations: number;
}

/** Tables every database of the app has had since its first two migrations. */
const OUR_TABLES = ['kysely_migration', 'school_card', 'audit_log'];

const nothingChanged = 'Ничего не изменено.';

/** The key a backup file opens with: none for a plain file, the folder's for an encrypted one. */
export function keyForFile(file: string, key: Buffer | null | undefined): Buffer | null {
  const fd = fs.openSync(file, 'r');
  const header = Buffer.alloc(16);
  try {
    fs.readSync(fd, header, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (isPlainSqliteFile(header)) return null;
  if (!key) throw new AppError('VALIDATION', `Файл ${file} зашифрован или повреждён, а у этой папки данных нет ключа базы. ${nothingChanged}`);
  return key;
}

/** Checks a backup: there, sound, ours, not from a newer app. `key`: the data folder's database key. */
export function inspectBackup(file: string, key?: Buffer | null): BackupFacts {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new AppError('NOT_FOUND', `Файл ${file} не найден. ${nothingChanged}`);
  const damaged = () => new AppError('VALIDATION', `Файл ${file} повреждён или не является базой SQLite (или зашифрован другим ключом). ${nothingChanged}`);
  const fileKey = keyForFile(file, key);
  let ok: boolean;
  try {
    ok = verifySqliteFile(file, fileKey);
  } catch {
    throw damaged();
  }
  if (!ok) throw damaged();
  const copy = openSqlite(file, { key: fileKey, readonly: true, fileMustExist: true });
  try {
    const tables = new Set((copy.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((r) => r.name));
    const missing = OUR_TABLES.filter((t) => !tables.has(t));
    if (missing.length > 0) {
      throw new AppError('VALIDATION', `Файл ${file} не является резервной копией «Школьного офиса»: в нём нет таблиц программы (${missing.join(', ')}). ${nothingChanged}`);
    }
    const applied = (copy.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map((r) => r.name);
    const unknown = applied.filter((n) => !(n in migrations));
    if (unknown.length > 0) {
      throw new AppError(
        'DB_TOO_NEW',
        `Резервная копия ${file} создана более новой версией программы (неизвестные изменения схемы: ${unknown.join(', ')}). Обновите программу. ${nothingChanged}`,
        { unknown },
      );
    }
    return { schemaVersion: applied[applied.length - 1] ?? '0000', migrations: applied.length };
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw damaged();
  } finally {
    copy.close();
  }
}

export function restoreCopyOf(target: string): string {
  return `${target}.restore-tmp`;
}

export function discardRestoreCopy(target: string): void {
  for (const f of sqliteCompanions(restoreCopyOf(target))) fs.rmSync(f, { force: true });
}

/**
 * Copies the backup beside `target` through SQLite's backup API (a consistent copy even of a file in
 * WAL mode), brings it to this app's schema, ends every session stored in it (a session ended after
 * the backup was made must not come back to life), makes it one self-contained file and flushes it.
 * Returns the copy's path; on failure nothing is left behind.
 */
export async function prepareRestoreCopy(source: string, target: string, key?: Buffer | null): Promise<string> {
  inspectBackup(source, key);
  const sourceKey = keyForFile(source, key);
  const tmp = restoreCopyOf(target);
  discardRestoreCopy(target);
  try {
    privateFile(tmp);
    const from = openSqlite(source, { key: sourceKey, readonly: true, fileMustExist: true });
    try {
      // A keyed copy comes only from VACUUM INTO (the backup API cannot write one).
      if (sourceKey) from.prepare('vacuum into ?').run(tmp);
      else await from.backup(tmp);
    } finally {
      from.close();
    }
    // A plain backup restored into an encrypted folder is encrypted before it takes the place.
    if (key && !sourceKey) encryptInPlace(tmp, key);
    const appDb = createDb({ kind: 'sqlite', file: tmp, key });
    try {
      await migrateToLatest(appDb);
      await appDb.db.deleteFrom('appSession').execute();
      appDb.sqlite?.pragma('wal_checkpoint(TRUNCATE)');
      appDb.sqlite?.pragma('journal_mode = DELETE');
    } finally {
      await appDb.close();
    }
    if (!verifySqliteFile(tmp, key)) throw new AppError('INTERNAL', `Копия ${tmp} не прошла проверку целостности. ${nothingChanged}`);
    fsyncPath(tmp);
    return tmp;
  } catch (err) {
    discardRestoreCopy(target);
    throw err;
  }
}

/**
 * Puts the prepared copy in the database's place: the old WAL and SHM go first (a WAL left beside a
 * different database would be replayed into it), then one rename, then the folder is flushed.
 */
export function replaceDatabaseFile(tmp: string, target: string): void {
  for (const f of sqliteCompanions(target).slice(1)) fs.rmSync(f, { force: true });
  fs.renameSync(tmp, target);
  tighten(target);
  fsyncPath(path.dirname(path.resolve(target)));
}

/**
 * Restores `source` over the open database of a running program: checks it, copies the current
 * database aside («before-restore»), prepares the copy, then swaps the file while every other query
 * waits on the database's only connection. Sessions end (the restored file has none), so everyone
 * signs in again.
 */
export async function restoreInPlace(appDb: AppDb, backupDir: string, source: string): Promise<{ before: BackupResult; facts: BackupFacts }> {
  if (!appDb.sqlite || !appDb.replaceFile || appDb.location === ':memory:') {
    throw new AppError('VALIDATION', `Восстановление из программы — только для файла SQLite. Базу PostgreSQL восстанавливает администратор сервера (pg_restore). ${nothingChanged}`);
  }
  const target = appDb.location;
  const facts = inspectBackup(source, appDb.sqliteKey);
  const before = await backupSqlite(appDb.sqlite, backupDir, 'before-restore', undefined, appDb.sqliteKey);
  const tmp = await prepareRestoreCopy(source, target, appDb.sqliteKey);
  try {
    await appDb.replaceFile(() => replaceDatabaseFile(tmp, target));
  } finally {
    discardRestoreCopy(target);
  }
  return { before, facts };
}

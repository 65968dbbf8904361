import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../../../src-shared/errors';
import { PRIVATE_FILE_MODE, privateDir } from './privateFiles';
import { openSqlite } from './sqliteDriver';

export type BackupKind = 'manual' | 'daily' | 'before-migration' | 'before-restore' | 'other';

export interface BackupResult {
  file: string;
  /** The name inside the backup folder. */
  name: string;
  kind: BackupKind;
  size: number;
  createdAt: string;
  verified: boolean;
}

const KINDS: BackupKind[] = ['manual', 'daily', 'before-migration', 'before-restore'];

function kindOf(file: string): BackupKind {
  return KINDS.find((k) => file.endsWith(`_${k}.sqlite3`)) ?? 'other';
}

/**
 * A new, empty backup file (0600 before SQLite writes into it: a backup holds the same personal data
 * as the database). Two copies in the same second get `-2`, `-3`… instead of one overwriting the other.
 */
function claimName(dir: string, base: string, reason: string): string {
  for (let n = 1; ; n++) {
    const file = path.join(dir, `${base}${n > 1 ? `-${n}` : ''}_${reason}.sqlite3`);
    try {
      fs.closeSync(fs.openSync(file, 'wx', PRIVATE_FILE_MODE));
      return file;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-').replace('T', '_').slice(0, 19);
}

/**
 * Online backup of a live SQLite database (the page-level backup API, safe while the app writes),
 * then verified by opening the copy read-only and running an integrity check.
 */
export async function backupSqlite(
  sqlite: BetterSqlite3.Database,
  dir: string,
  reason: string,
  onProgress?: (done: number, total: number) => void,
  /** The key of an encrypted database: its copy is made with VACUUM INTO, encrypted with the same key. */
  key?: Buffer | null,
): Promise<BackupResult> {
  privateDir(dir);
  const createdAt = new Date();
  const file = claimName(dir, `school-office_${stamp(createdAt)}`, reason);
  try {
    if (key) {
      // SQLite's backup API cannot write a keyed copy; VACUUM INTO can (same cipher, same key).
      onProgress?.(0, 1);
      sqlite.prepare('vacuum into ?').run(file);
      onProgress?.(1, 1);
    } else await sqlite.backup(file, {
      progress: ({ totalPages, remainingPages }) => {
        onProgress?.(totalPages - remainingPages, totalPages);
        return 100;
      },
    });
    // A copy of a WAL database is itself in WAL mode; make it one self-contained file.
    const copy = openSqlite(file, { key });
    copy.pragma('journal_mode = DELETE');
    copy.close();
  } catch (err) {
    // Never leave a half-written copy that looks like a backup.
    fs.rmSync(file, { force: true });
    throw err;
  }
  const verified = verifySqliteFile(file, key);
  if (!verified) {
    fs.rmSync(file, { force: true });
    throw new AppError('INTERNAL', `Резервная копия ${file} не прошла проверку целостности и удалена; база не изменена.`);
  }
  return { file, name: path.basename(file), kind: kindOf(file), size: fs.statSync(file).size, createdAt: createdAt.toISOString(), verified };
}

export function verifySqliteFile(file: string, key?: Buffer | null): boolean {
  const copy = openSqlite(file, { key, readonly: true, fileMustExist: true });
  try {
    const row = copy.prepare('pragma integrity_check').get() as { integrity_check: string };
    return row.integrity_check === 'ok';
  } finally {
    copy.close();
  }
}

export function listBackups(dir: string): BackupResult[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sqlite3'))
    .map((f) => {
      const st = fs.statSync(path.join(dir, f));
      return { file: path.join(dir, f), name: f, kind: kindOf(f), size: st.size, createdAt: st.mtime.toISOString(), verified: true };
    })
    .sort((a, b) => b.file.localeCompare(a.file));
}

/** Keeps the newest `keep` automatic backups made for one reason. */
export function pruneBackups(dir: string, reason: string, keep: number): void {
  const mine = listBackups(dir).filter((b) => b.file.endsWith(`_${reason}.sqlite3`));
  for (const old of mine.slice(keep)) fs.rmSync(old.file, { force: true });
}

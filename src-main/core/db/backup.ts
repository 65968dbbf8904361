import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../../../src-shared/errors';
import { privateDir, privateFile } from './privateFiles';

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
): Promise<BackupResult> {
  privateDir(dir);
  const createdAt = new Date();
  const file = path.join(dir, `school-office_${stamp(createdAt)}_${reason}.sqlite3`);
  // Created 0600 before SQLite writes into it: a backup holds the same personal data as the database.
  privateFile(file);
  try {
    await sqlite.backup(file, {
      progress: ({ totalPages, remainingPages }) => {
        onProgress?.(totalPages - remainingPages, totalPages);
        return 100;
      },
    });
    // A copy of a WAL database is itself in WAL mode; make it one self-contained file.
    const copy = new BetterSqlite3(file);
    copy.pragma('journal_mode = DELETE');
    copy.close();
  } catch (err) {
    // Never leave a half-written copy that looks like a backup.
    fs.rmSync(file, { force: true });
    throw err;
  }
  const verified = verifySqliteFile(file);
  if (!verified) {
    fs.rmSync(file, { force: true });
    throw new AppError('INTERNAL', `Резервная копия ${file} не прошла проверку целостности и удалена; база не изменена.`);
  }
  return { file, name: path.basename(file), kind: kindOf(file), size: fs.statSync(file).size, createdAt: createdAt.toISOString(), verified };
}

export function verifySqliteFile(file: string): boolean {
  const copy = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
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

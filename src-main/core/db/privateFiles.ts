import fs from 'node:fs';
import path from 'node:path';

/**
 * Files with personal data are readable by their owner only (issue 19, item 6): the database and
 * its WAL and SHM, backups, key files, the lock file. SQLite creates its WAL and SHM with the mode of
 * the database file, so making that file 0600 before SQLite opens it covers all three. On Windows
 * the mode bits mean little; the data folder under the user's profile is what protects them there.
 */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** Creates the folder (0700) if missing; an existing folder the user chose is left as it is. */
export function privateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/** Makes `file` exist (empty when new) with mode 0600, and tightens an existing one. */
export function privateFile(file: string): void {
  privateDir(path.dirname(path.resolve(file)));
  fs.closeSync(fs.openSync(file, 'a', PRIVATE_FILE_MODE));
  tighten(file);
}

/** 0600 for a file that exists (older installs made them 0644); missing files are ignored. */
export function tighten(file: string): void {
  if (process.platform === 'win32') return;
  try {
    const mode = fs.statSync(file).mode & 0o777;
    if (mode !== PRIVATE_FILE_MODE) fs.chmodSync(file, PRIVATE_FILE_MODE);
  } catch {
    // not there (a WAL after a clean close): nothing to tighten
  }
}

/** The database and the files SQLite keeps beside it. */
export function sqliteCompanions(file: string): string[] {
  return [file, `${file}-wal`, `${file}-shm`, `${file}-journal`];
}

/** Flushes a file (or a folder's entries) to the disk before we rely on it surviving a power cut. */
export function fsyncPath(p: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(p, 'r');
    fs.fsyncSync(fd);
  } catch (err) {
    // Folders cannot be opened for fsync on Windows; the rename is still atomic there.
    if (!(process.platform === 'win32' && (err as NodeJS.ErrnoException).code === 'EISDIR') && (err as NodeJS.ErrnoException).code !== 'EPERM') throw err;
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

import fs from 'node:fs';
import os from 'node:os';
import { AppError } from '../../../src-shared/errors';
import { PRIVATE_FILE_MODE } from './privateFiles';

/**
 * «The program has this database open» (issue 19, item 5): a lock file beside the SQLite file, held
 * by the desktop window and by `serve` while they run, and by `restore` while it replaces the file.
 * A restore refuses while anyone else holds it, so a running server never finds its file replaced
 * under it. A lock left by a process that died (same computer, no such PID) is taken over.
 */
export interface LockInfo {
  pid: number;
  host: string;
  /** Who holds it: «сервер», «окно программы», «восстановление». */
  holder: string;
  startedAt: string;
}

export interface AppLock {
  file: string;
  release(): void;
}

export function lockFileOf(dbFile: string): string {
  return `${dbFile}.lock`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readInfo(file: string): LockInfo | null {
  try {
    const info = JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
    return typeof info.pid === 'number' ? info : null;
  } catch {
    return null;
  }
}

/** The live holder of the lock, or null (no lock, or one left by a dead process on this computer). */
export function currentHolder(dbFile: string): LockInfo | null {
  const file = lockFileOf(dbFile);
  if (!fs.existsSync(file)) return null;
  const info = readInfo(file);
  // Unreadable (being written this instant) counts as held; a dead PID here does not.
  if (!info) return { pid: 0, host: os.hostname(), holder: 'неизвестно', startedAt: '' };
  if (info.host === os.hostname() && !alive(info.pid)) return null;
  return info;
}

export function describeHolder(info: LockInfo): string {
  const when = info.startedAt ? `, запущена ${new Date(info.startedAt).toLocaleString('ru-RU')}` : '';
  const where = info.host === os.hostname() ? '' : ` на компьютере ${info.host}`;
  return `${info.holder}, PID ${info.pid}${where}${when}`;
}

/**
 * Takes the lock or refuses with LOCKED naming who holds it. `holder` is what the message calls us.
 * The lock goes away with the process (exit) or by `release()`.
 */
export function acquireAppLock(dbFile: string, holder: string, refusal = 'Программа уже работает с этой базой'): AppLock {
  const file = lockFileOf(dbFile);
  const info: LockInfo = { pid: process.pid, host: os.hostname(), holder, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx', PRIVATE_FILE_MODE);
      fs.writeSync(fd, JSON.stringify(info));
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        if (readInfo(file)?.pid === process.pid) fs.rmSync(file, { force: true });
      };
      process.on('exit', release);
      return { file, release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const held = currentHolder(dbFile);
      if (held) {
        throw new AppError('LOCKED', `${refusal}: программа запущена (${describeHolder(held)}). Закройте её и повторите. Ничего не изменено.`, { holder: held });
      }
      // Left by a process that is gone: take it over.
      fs.rmSync(file, { force: true });
    }
  }
  throw new AppError('LOCKED', `${refusal}: файл блокировки ${file} не удалось занять. Ничего не изменено.`);
}

import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../src-shared/errors';
import { acquireAppLock } from './appLock';
import { backupSqlite } from './backup';
import { dbKeyFile, newDatabaseKey, readDatabaseKey, writeDatabaseKey, type KeySealer } from './dbKey';
import { sqliteCompanions } from './privateFiles';
import { decryptInPlace, encryptInPlace, openSqlite } from './sqliteDriver';

/**
 * Switching a data folder's SQLite file to encrypted and back (issue 19, item 6), only while no
 * program has it open (the lock). Order matters for a crash at any moment: the key is written before
 * the file is encrypted (SQLite's rekey runs in one journaled transaction, so the file is either
 * plain or fully encrypted, and the key is there for both), and removed only after a decryption was
 * checked. A verified backup is made first.
 */
function backupsOf(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

/** Merges the WAL into the file and leaves it in rollback-journal mode, ready to be rekeyed. */
function settle(file: string, key: Buffer | null): void {
  const db = openSqlite(file, { key, fileMustExist: true });
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
  for (const f of sqliteCompanions(file).slice(1, 3)) fs.rmSync(f, { force: true });
}

export async function encryptDatabase(file: string, dataDir: string, sealer?: KeySealer | null): Promise<string> {
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', `Файла базы ${file} нет: запустите программу один раз, затем зашифруйте. Ничего не изменено.`);
  if (readDatabaseKey(dataDir, sealer)) throw new AppError('VALIDATION', `База ${file} уже зашифрована (ключ: ${dbKeyFile(dataDir)}). Ничего не изменено.`);
  const lock = acquireAppLock(file, 'шифрование базы', 'Зашифровать базу нельзя');
  try {
    const before = openSqlite(file, { fileMustExist: true });
    let backup: string;
    try {
      backup = (await backupSqlite(before, backupsOf(dataDir), 'before-encryption')).file;
    } finally {
      before.close();
    }
    settle(file, null);
    const key = newDatabaseKey();
    writeDatabaseKey(dataDir, key, sealer);
    encryptInPlace(file, key);
    const check = openSqlite(file, { key, fileMustExist: true });
    const ok = (check.prepare('pragma integrity_check').get() as { integrity_check: string }).integrity_check === 'ok';
    check.close();
    if (!ok) throw new AppError('INTERNAL', `Зашифрованная база не прошла проверку целостности; копия до шифрования: ${backup}.`);
    return (
      `База зашифрована (SQLCipher 4). Ключ: ${dbKeyFile(dataDir)} — только для владельца; сохраните ключи на отдельном носителе ` +
      `(«Администрирование → Резервные копии → Ключи шифрования → Сохранить ключи в файл»): без ключа база и её копии не открываются.\n` +
      `Внимание: копии, сделанные раньше (в том числе ${path.basename(backup)}), не зашифрованы — удалите их, если они больше не нужны.`
    );
  } finally {
    lock.release();
  }
}

export async function decryptDatabase(file: string, dataDir: string, sealer?: KeySealer | null): Promise<string> {
  const key = readDatabaseKey(dataDir, sealer);
  if (!key) throw new AppError('VALIDATION', `База ${file} не зашифрована. Ничего не изменено.`);
  const lock = acquireAppLock(file, 'расшифровка базы', 'Расшифровать базу нельзя');
  try {
    const db = openSqlite(file, { key, fileMustExist: true });
    try {
      await backupSqlite(db, backupsOf(dataDir), 'before-decryption', undefined, key);
    } finally {
      db.close();
    }
    settle(file, key);
    decryptInPlace(file, key);
    const check = openSqlite(file, { fileMustExist: true });
    const ok = (check.prepare('pragma integrity_check').get() as { integrity_check: string }).integrity_check === 'ok';
    check.close();
    if (!ok) throw new AppError('INTERNAL', 'Расшифрованная база не прошла проверку целостности; ключ сохранён.');
    fs.rmSync(dbKeyFile(dataDir), { force: true });
    return 'База расшифрована; файл ключа удалён. Зашифрованные копии в папке backups по-прежнему открываются только с сохранённым ключом.';
  } finally {
    lock.release();
  }
}

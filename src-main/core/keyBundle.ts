import fs from 'node:fs';
import { AppError } from '../../src-shared/errors';
import { addPortalKey, portalKeyOf } from './accounts/index';
import { dbKeyFile, writeDatabaseKey } from './db/dbKey';
import { isPlainSqliteFile } from './db/sqliteHeader';
import { openSqlite } from './db/sqliteDriver';

/**
 * The keys of a data folder in one file the administrator keeps on a separate medium (issue 19,
 * item 6): the portal-passwords key (portal-accounts.key: initial passwords of the portal's
 * accounts until the letters are handed over) and, for an encrypted database, its key. Keys live per
 * data folder, so moving the folder, starting with `--data` elsewhere or a second office computer
 * made letters unprintable («зашифрован ключом другого компьютера»); loading the bundle there adds
 * the key (src-main/core/accounts/passwordVault.ts) without replacing the folder's own.
 *
 * JSON, so SCHOOL_OFFICE_DB_KEY_FILE can name it too (src-main/core/db/dbKey.ts reads
 * "databaseKey"). The file is as secret as the database: it is written 0600 and never logged.
 */
export const KEY_BUNDLE_FORMAT = 'school-office-keys v1';

export interface KeyBundle {
  format: typeof KEY_BUNDLE_FORMAT;
  createdAt: string;
  portalAccountsKey: string;
  portalKeyId: string;
  databaseKey: string | null;
}

export function makeKeyBundle(dataDir: string, databaseKey: Buffer | null, now = new Date()): KeyBundle {
  const { key, keyId } = portalKeyOf(dataDir);
  return {
    format: KEY_BUNDLE_FORMAT,
    createdAt: now.toISOString(),
    portalAccountsKey: key.toString('base64'),
    portalKeyId: keyId,
    databaseKey: databaseKey ? Buffer.from(databaseKey).toString('base64') : null,
  };
}

export function keyBundleFileName(now = new Date()): string {
  return `school-office-keys_${now.toISOString().slice(0, 10)}.json`;
}

/** Reads a bundle whole or refuses it whole, in Russian. */
export function parseKeyBundle(text: string): KeyBundle {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError('VALIDATION', 'Это не файл ключей «Школьного офиса»: он не читается как JSON. Ничего не изменено.');
  }
  const b = raw as Partial<KeyBundle> | null;
  if (!b || typeof b !== 'object' || b.format !== KEY_BUNDLE_FORMAT) {
    throw new AppError('VALIDATION', `Это не файл ключей «Школьного офиса» (нет отметки «${KEY_BUNDLE_FORMAT}»). Ничего не изменено.`);
  }
  const key32 = (v: unknown, field: string) => {
    const buf = typeof v === 'string' ? Buffer.from(v, 'base64') : null;
    if (!buf || buf.length !== 32) throw new AppError('VALIDATION', `Файл ключей повреждён: поле «${field}» не содержит ключ длиной 32 байта. Ничего не изменено.`);
    return v as string;
  };
  key32(b.portalAccountsKey, 'portalAccountsKey');
  if (b.databaseKey !== null && b.databaseKey !== undefined) key32(b.databaseKey, 'databaseKey');
  return { format: KEY_BUNDLE_FORMAT, createdAt: String(b.createdAt ?? ''), portalAccountsKey: b.portalAccountsKey as string, portalKeyId: String(b.portalKeyId ?? ''), databaseKey: b.databaseKey ?? null };
}

function isEncryptedFile(file: string): boolean {
  if (!fs.existsSync(file) || fs.statSync(file).size < 16) return false;
  const header = Buffer.alloc(16);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  return !isPlainSqliteFile(header);
}

export interface KeyImport {
  portal: 'same' | 'own' | 'added' | 'known';
  portalKeyId: string;
  /** What became of the bundle's database key. */
  database: 'none' | 'same' | 'other' | 'written' | 'not-needed';
  message: string;
}

/**
 * Adds the bundle's portal key to the folder. Its database key is written only where it is the key
 * of the folder's encrypted SQLite file and the folder has no key file (a folder moved to another
 * computer, whose OS key store cannot open the sealed one); the running program never swaps keys.
 */
export function importKeyBundle(dataDir: string, bundle: KeyBundle, db: { file: string | null; key: Buffer | null }, portalKeyDir = dataDir): KeyImport {
  const portalKey = Buffer.from(bundle.portalAccountsKey, 'base64');
  const portal = addPortalKey(portalKeyDir, portalKey);
  const portalKeyId = portalKeyOf(portalKeyDir).keyId;
  let database: KeyImport['database'] = 'none';
  if (bundle.databaseKey) {
    const key = Buffer.from(bundle.databaseKey, 'base64');
    if (db.key) database = db.key.equals(key) ? 'same' : 'other';
    else if (db.file && isEncryptedFile(db.file) && !fs.existsSync(dbKeyFile(dataDir))) {
      // Checked before it is kept: a key that does not open the file is refused, nothing written.
      openSqlite(db.file, { key, fileMustExist: true, readonly: true }).close();
      writeDatabaseKey(dataDir, key);
      database = 'written';
    } else database = 'not-needed';
  }
  const portalText = {
    same: 'Ключ паролей портала совпадает с ключом этой папки данных — добавлять нечего.',
    own: 'Ключ паролей портала стал ключом этой папки данных.',
    added: `Ключ паролей портала ${bundle.portalKeyId || ''} добавлен: письма с паролями, введёнными там, теперь печатаются и здесь. Новые пароли шифруются ключом этой папки (${portalKeyId}).`,
    known: 'Этот ключ паролей портала уже был загружен раньше.',
  }[portal];
  const dbText = {
    none: '',
    same: ' Ключ базы данных совпадает с ключом открытой базы.',
    other: ' Ключ базы данных в файле — от другой базы; открытая база его не использует.',
    written: ` Ключ базы данных сохранён в ${dbKeyFile(dataDir)}.`,
    'not-needed': ' Ключ базы данных не понадобился: база этой папки не зашифрована или уже имеет свой ключ.',
  }[database];
  return { portal, portalKeyId, database, message: `${portalText}${dbText}` };
}

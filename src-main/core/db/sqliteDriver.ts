import { createRequire } from 'node:module';
import BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../../../src-shared/errors';

/**
 * The SQLite driver for a file: plain files open with better-sqlite3; encrypted ones (the data folder
 * has a database key, issue 19 item 6) with better-sqlite3-multiple-ciphers — the same API built on
 * SQLite3MultipleCiphers, an optional dependency compiled from source. Both are loaded only when a
 * file needs them, so plain SQLite keeps working where the cipher build is missing.
 *
 * The cipher is SQLCipher 4 (`legacy = 4`): a file the office can also open, key in hand, with the
 * common SQLCipher tools (DB Browser for SQLite) if the program itself cannot start.
 */
export type SqliteHandle = BetterSqlite3.Database;

/** CommonJS `require` in the Electron bundle, one made from this module's URL under ESM (tsx, tests). */
function requireModule(id: string): unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when a file is encrypted
  return typeof require === 'function' ? require(id) : createRequire(import.meta.url)(id);
}
let cipherDriver: typeof BetterSqlite3 | null = null;

function loadCipherDriver(): typeof BetterSqlite3 {
  if (cipherDriver) return cipherDriver;
  try {
    cipherDriver = requireModule('better-sqlite3-multiple-ciphers') as typeof BetterSqlite3;
    return cipherDriver;
  } catch {
    throw new AppError(
      'DB_UNAVAILABLE',
      'База данных зашифрована, а модуль шифрования SQLite (better-sqlite3-multiple-ciphers) не установлен или не собран на этом компьютере. ' +
        'Выполните «npm ci» с доступом к реестру npm и компилятором C++ или расшифруйте базу на компьютере, где программа работает (school-office decrypt).',
    );
  }
}

export interface OpenOptions {
  /** 32 random bytes; absent for a plain file. */
  key?: Buffer | null;
  readonly?: boolean;
  fileMustExist?: boolean;
}

/** `PRAGMA key` with a raw 256-bit key: no slow password derivation, the key is random already. */
export function keyPragma(key: Buffer): string {
  // Buffer.from: a key that crossed into a worker thread arrives as a plain Uint8Array.
  return `"x'${Buffer.from(key).toString('hex')}'"`;
}

function applyKey(db: SqliteHandle, key: Buffer, pragma: 'key' | 'rekey'): void {
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  db.pragma(`${pragma} = ${keyPragma(key)}`);
}

/** Opens a SQLite file, keyed when `key` is given; a wrong key or a plain file refused in Russian. */
export function openSqlite(file: string, opts: OpenOptions = {}): SqliteHandle {
  const options: BetterSqlite3.Options = { readonly: opts.readonly === true, fileMustExist: opts.fileMustExist === true };
  if (!opts.key) {
    // The desktop shell runs under Electron's ABI and points at a binding built for it.
    const nativeBinding = process.env.SCHOOL_OFFICE_SQLITE_BINDING || undefined;
    return new BetterSqlite3(file, nativeBinding ? { ...options, nativeBinding } : options);
  }
  const Driver = loadCipherDriver();
  const nativeBinding = process.env.SCHOOL_OFFICE_SQLCIPHER_BINDING || undefined;
  const db = new Driver(file, nativeBinding ? { ...options, nativeBinding } : options);
  applyKey(db, opts.key, 'key');
  try {
    db.prepare('select count(*) from sqlite_master').get();
  } catch {
    db.close();
    throw new AppError('DB_UNAVAILABLE', `Ключ не подходит к базе ${file}: она зашифрована другим ключом или повреждена. Ничего не изменено.`);
  }
  return db;
}

/** Encrypts an open plain file in place (rollback journal, so a crash leaves it whole). */
export function encryptInPlace(file: string, key: Buffer): void {
  const db = new (loadCipherDriver())(file, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
    applyKey(db, key, 'rekey');
  } finally {
    db.close();
  }
}

/** Decrypts a keyed file in place. */
export function decryptInPlace(file: string, key: Buffer): void {
  const db = openSqlite(file, { key, fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
    db.pragma("rekey = ''");
  } finally {
    db.close();
  }
}

export { isPlainSqliteFile } from './sqliteHeader';

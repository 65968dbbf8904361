import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../src-shared/errors';
import type { DbConfig } from './createDb';
import { privateFile } from './privateFiles';
import { isPlainSqliteFile } from './sqliteHeader';

/**
 * The key of an encrypted database (issue 19, item 6): 32 random bytes in `database.key` in the
 * data folder, 0600. In the desktop window the key is sealed with the operating system's key store
 * (Electron safeStorage: DPAPI on Windows, Keychain on macOS, the desktop keyring on Linux), so the
 * file alone opens nothing; elsewhere (serve, the command line) it is stored as is, and then it
 * protects the database only where the database travels without the key file — a backup copied
 * out, a file sent by mail, a disk thrown away with just the database on it — not against someone
 * who can read the whole data folder as this user (docs/security.md).
 *
 * File: `school-office-db-key v1 plain <base64>` or `school-office-db-key v1 sealed <base64 blob>`.
 */
export const DB_KEY_FILE = 'database.key';
const TAG = 'school-office-db-key v1';

/** Encrypts and decrypts a key with the OS key store (the desktop shell passes safeStorage). */
export interface KeySealer {
  seal(plain: string): Buffer;
  unseal(sealed: Buffer): string;
}

export function dbKeyFile(dataDir: string): string {
  return path.join(dataDir, DB_KEY_FILE);
}

export function hasDatabaseKey(dataDir: string): boolean {
  return fs.existsSync(dbKeyFile(dataDir));
}

function decode(b64: string, file: string): Buffer {
  const key = Buffer.from(b64, 'base64');
  if (key.length !== 32) throw new AppError('DB_UNAVAILABLE', `Файл ключа базы ${file} повреждён: ключ не той длины. Восстановите его из экспорта ключей.`);
  return key;
}

/** The database key of the folder, or null when the database is not encrypted. */
export function readDatabaseKey(dataDir: string, sealer?: KeySealer | null): Buffer | null {
  const file = dbKeyFile(dataDir);
  if (!fs.existsSync(file)) return null;
  const [, , kind, body] = parseLine(fs.readFileSync(file, 'utf8'));
  if (kind === 'plain') return decode(body, file);
  if (kind === 'sealed') {
    if (!sealer) {
      throw new AppError(
        'DB_UNAVAILABLE',
        `Ключ базы в ${file} защищён хранилищем ключей операционной системы и доступен только окну программы. ` +
          'Запустите программу в окне или сохраните ключи («Администрирование → Резервные копии → Ключи шифрования → Сохранить ключи в файл») и укажите файл: SCHOOL_OFFICE_DB_KEY_FILE=путь.',
      );
    }
    return decode(sealer.unseal(Buffer.from(body, 'base64')), file);
  }
  throw new AppError('DB_UNAVAILABLE', `Файл ключа базы ${file} не распознан. Восстановите его из экспорта ключей.`);
}

function parseLine(text: string): [string, string, string, string] {
  const line = text.trim();
  if (!line.startsWith(`${TAG} `)) return ['', '', '', ''];
  const [kind, body] = line.slice(TAG.length + 1).split(/\s+/);
  return [TAG, 'v1', kind ?? '', body ?? ''];
}

/** Writes the key file (0600): sealed when a sealer is given, as is otherwise. */
export function writeDatabaseKey(dataDir: string, key: Buffer, sealer?: KeySealer | null): void {
  const file = dbKeyFile(dataDir);
  privateFile(file);
  const body = sealer ? `sealed ${sealer.seal(key.toString('base64')).toString('base64')}` : `plain ${key.toString('base64')}`;
  fs.writeFileSync(file, `${TAG} ${body}\n`, { mode: 0o600 });
}

/**
 * The desktop window moves a key stored as is into the OS key store: from then on the file alone
 * opens nothing, and the command line needs an exported key (SCHOOL_OFFICE_DB_KEY_FILE). Returns
 * whether it sealed.
 */
export function sealKeyFileIfPlain(dataDir: string, sealer: KeySealer): boolean {
  const file = dbKeyFile(dataDir);
  if (!fs.existsSync(file) || parseLine(fs.readFileSync(file, 'utf8'))[2] !== 'plain') return false;
  const key = readDatabaseKey(dataDir);
  if (!key) return false;
  const tmp = `${file}.sealing`;
  privateFile(tmp);
  fs.writeFileSync(tmp, `${TAG} sealed ${sealer.seal(key.toString('base64')).toString('base64')}\n`, { mode: 0o600 });
  // Checked before it replaces the plain file: a key store that cannot give the key back loses nothing.
  if (!readSealedFile(tmp, sealer)?.equals(key)) {
    fs.rmSync(tmp, { force: true });
    return false;
  }
  fs.renameSync(tmp, file);
  return true;
}

function readSealedFile(file: string, sealer: KeySealer): Buffer | null {
  const [, , kind, body] = parseLine(fs.readFileSync(file, 'utf8'));
  return kind === 'sealed' ? Buffer.from(sealer.unseal(Buffer.from(body, 'base64')), 'base64') : null;
}

export function newDatabaseKey(): Buffer {
  return randomBytes(32);
}

/** The key from a file named by SCHOOL_OFFICE_DB_KEY_FILE (an exported key), else the folder's. */
export function databaseKeyFor(dataDir: string, env: NodeJS.ProcessEnv = process.env, sealer?: KeySealer | null): Buffer | null {
  const given = env.SCHOOL_OFFICE_DB_KEY_FILE;
  if (given) {
    const text = fs.readFileSync(given, 'utf8');
    const bundle = /"databaseKey"\s*:\s*"([^"]+)"/.exec(text)?.[1];
    return decode(bundle ?? parseLine(text)[3], given);
  }
  return readDatabaseKey(dataDir, sealer);
}

/**
 * The database configuration with the data folder's key attached where it belongs: to the folder's
 * own database file (new or encrypted), and to any other SQLite file that is encrypted; a plain file
 * stays plain (a half-finished `encrypt` leaves the file plain and the key unused).
 */
export function keyedConfig(config: DbConfig, dataDir: string, defaultFile: string, sealer?: KeySealer | null, env: NodeJS.ProcessEnv = process.env): DbConfig {
  if (config.kind !== 'sqlite' || config.file === ':memory:') return config;
  return attachKey(config, defaultFile, databaseKeyFor(dataDir, env, sealer));
}

/** The same with a key already in hand (the desktop's core process gets it from the shell). */
export function attachKey(config: DbConfig, defaultFile: string, key: Buffer | null): DbConfig {
  if (config.kind !== 'sqlite' || config.file === ':memory:') return config;
  if (!key) return config;
  if (fs.existsSync(config.file) && fs.statSync(config.file).size >= 16) {
    const header = Buffer.alloc(16);
    const fd = fs.openSync(config.file, 'r');
    try {
      fs.readSync(fd, header, 0, 16, 0);
    } finally {
      fs.closeSync(fd);
    }
    return isPlainSqliteFile(header) ? config : { ...config, key };
  }
  return path.resolve(config.file) === path.resolve(defaultFile) ? { ...config, key } : config;
}

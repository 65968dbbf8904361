import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../src-shared/errors';

/**
 * Encryption of the portal's initial passwords until they are handed over (then they are erased).
 *
 * The choice: AES-256-GCM with a random 32-byte key kept in a file next to the data —
 * `<data folder>/portal-accounts.key`, created with mode 0600 on first use — not in the database.
 * A copy of the database (a backup sent by mail, a PostgreSQL dump) then reveals no password. With
 * several office PCs on one PostgreSQL server every PC needs the same key file: copy it from the PC
 * that created it; a password sealed with another key is reported as such, never as garbage. A key
 * derived from a setting stored in the database would protect nothing against a database copy, which
 * is the leak this guards against.
 *
 * Stored form: `v1:<key id>:<iv>:<tag>:<ciphertext>` (base64url parts); the key id is the first 8 hex
 * digits of the key's SHA-256.
 */
export const KEY_FILE = 'portal-accounts.key';

export interface PasswordVault {
  seal(plain: string): string;
  open(sealed: string): string;
  readonly keyId: string;
}

const cache = new Map<string, Buffer>();

function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

function loadKey(dataDir: string): Buffer {
  const file = path.join(dataDir, KEY_FILE);
  const cached = cache.get(file);
  if (cached) return cached;
  let key: Buffer;
  if (fs.existsSync(file)) {
    key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length !== 32) {
      throw new AppError('INTERNAL', `Файл ключа «${file}» повреждён: начальные пароли учётных записей портала нельзя расшифровать. Восстановите его из резервной копии папки данных.`);
    }
  } else {
    fs.mkdirSync(dataDir, { recursive: true });
    key = randomBytes(32);
    // 'wx' fails if another process created the file in the meantime: then use theirs.
    try {
      fs.writeFileSync(file, key.toString('base64'), { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      cache.delete(file);
      return loadKey(dataDir);
    }
    fs.chmodSync(file, 0o600);
  }
  cache.set(file, key);
  return key;
}

export function openVault(dataDir: string): PasswordVault {
  const key = loadKey(dataDir);
  const keyId = keyIdOf(key);
  return {
    keyId,
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', keyId, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join(':');
    },
    open(sealed) {
      const [v, id, iv, tag, data] = sealed.split(':');
      if (v !== 'v1' || !iv || !tag || data === undefined) throw new AppError('INTERNAL', 'Начальный пароль хранится в неизвестном формате и не может быть прочитан.');
      if (id !== keyId) {
        throw new AppError(
          'FORBIDDEN',
          `Начальный пароль зашифрован ключом другого компьютера (ключ ${id}, здесь ${keyId}). Скопируйте файл ${KEY_FILE} из папки данных того компьютера, где пароль вводили, или напечатайте письмо там.`,
        );
      }
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      try {
        return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        throw new AppError('INTERNAL', 'Начальный пароль не расшифровывается: запись повреждена. Введите пароль заново из распечатки портала.');
      }
    },
  };
}

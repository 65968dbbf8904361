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
 * that created it, or import its key bundle (src-main/core/keyBundle.ts); a password sealed with a
 * key this folder does not have is reported as such, never as garbage. A key
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

/**
 * Keys brought from other computers or an earlier data folder (issue 19, item 6): an administrator
 * imports a saved key bundle, and passwords sealed there open here too. Each is
 * `portal-accounts.<key id>.key` (0600) beside the folder's own key, which still seals new ones.
 */
const EXTRA_KEY = /^portal-accounts\.([0-9a-f]{8})\.key$/;

function extraKeys(dataDir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  if (!fs.existsSync(dataDir)) return out;
  for (const name of fs.readdirSync(dataDir)) {
    const id = EXTRA_KEY.exec(name)?.[1];
    if (!id) continue;
    const key = Buffer.from(fs.readFileSync(path.join(dataDir, name), 'utf8').trim(), 'base64');
    if (key.length === 32 && keyIdOf(key) === id) out.set(id, key);
  }
  return out;
}

/** The folder's own key (made on first use) and its id: what a key bundle saves. */
export function portalKeyOf(dataDir: string): { key: Buffer; keyId: string } {
  const key = loadKey(dataDir);
  return { key, keyId: keyIdOf(key) };
}

/**
 * Adds a key from a bundle: the folder's own key when it has none yet, otherwise a key kept beside it
 * for opening what it sealed. Never replaces the folder's key (that would lose what it sealed).
 */
export function addPortalKey(dataDir: string, key: Buffer): 'same' | 'own' | 'added' | 'known' {
  if (key.length !== 32) throw new AppError('VALIDATION', 'Ключ паролей портала в файле ключей повреждён (не та длина). Ничего не изменено.');
  const keyId = keyIdOf(key);
  const file = path.join(dataDir, KEY_FILE);
  fs.mkdirSync(dataDir, { recursive: true });
  if (!fs.existsSync(file)) {
    fs.writeFileSync(file, key.toString('base64'), { mode: 0o600, flag: 'wx' });
    cache.delete(file);
    return 'own';
  }
  if (keyIdOf(loadKey(dataDir)) === keyId) return 'same';
  if (extraKeys(dataDir).has(keyId)) return 'known';
  fs.writeFileSync(path.join(dataDir, `portal-accounts.${keyId}.key`), key.toString('base64'), { mode: 0o600 });
  return 'added';
}

/** The own key of a folder without creating one (a fallback folder is only read). */
function existingKeys(dir: string): Map<string, Buffer> {
  const out = extraKeys(dir);
  const file = path.join(dir, KEY_FILE);
  if (fs.existsSync(file)) {
    const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length === 32) out.set(keyIdOf(key), key);
  }
  return out;
}

/**
 * The vault of `dataDir` (its key seals). `fallbackDirs` are only read: the data folder that held the
 * key before it moved beside the SQLite file, so passwords sealed there still open.
 */
export function openVault(dataDir: string, ...fallbackDirs: string[]): PasswordVault {
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
      const usable = id === keyId ? key : (extraKeys(dataDir).get(id) ?? fallbackDirs.filter((d) => d !== dataDir).map((d) => existingKeys(d).get(id)).find(Boolean));
      if (!usable) {
        throw new AppError(
          'FORBIDDEN',
          `Начальный пароль зашифрован ключом другого компьютера или другой папки данных (ключ ${id}, здесь ${keyId}). ` +
            'Там, где пароль вводили, сохраните ключи («Администрирование → Резервные копии → Ключи шифрования → Сохранить ключи в файл») и загрузите этот файл здесь, или напечатайте письмо там.',
        );
      }
      const decipher = createDecipheriv('aes-256-gcm', usable, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      try {
        return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        throw new AppError('INTERNAL', 'Начальный пароль не расшифровывается: запись повреждена. Введите пароль заново из распечатки портала.');
      }
    },
  };
}

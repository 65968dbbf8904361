import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli';
import { handlers } from '../../../src-main/core/api/index';
import { systemCaller } from '../../../src-main/core/access/index';
import { acquireAppLock } from '../../../src-main/core/db/appLock';
import { configFromEnv } from '../../../src-main/core/db/createDb';
import { dbKeyFile, keyedConfig, readDatabaseKey, sealKeyFileIfPlain, databaseKeyFor } from '../../../src-main/core/db/dbKey';
import { makeKeyBundle } from '../../../src-main/core/keyBundle';
import { openSqlite } from '../../../src-main/core/db/sqliteDriver';
import { generateSchool } from '../../../src-main/core/demo/generateSchool';
import { writeDemo } from '../../../src-main/core/demo/writeDemo';
import { createDispatcher } from '../../../src-main/core/dispatcher';
import { closeCore, openCore, type Core } from '../../../src-main/core/foundation/context';
import { createLogger, silentSink } from '../../../src-main/core/foundation/logger';
import { sqliteFileIn } from '../../../src-main/core/foundation/paths';
import { createInProcessTransport } from '../../../src-main/core/inProcessTransport';
import { AppError } from '../../../src-shared/errors';
import { createApiClient } from '../../../src-shared/transport';

/**
 * At rest (issue 19, item 6): files with personal data are the owner's only, and an encrypted data
 * folder's database, WAL and backups show no СНИЛС to `strings`.
 */
const posix = process.platform !== 'win32';
const mode = (f: string) => fs.statSync(f).mode & 0o777;

async function cliHere(args: string[]) {
  let out = '';
  const [o, e] = [process.stdout.write, process.stderr.write];
  process.stdout.write = ((c: string) => ((out += c), true)) as typeof process.stdout.write;
  process.stderr.write = ((c: string) => ((out += c), true)) as typeof process.stderr.write;
  try {
    return { code: await runCli(args), out };
  } finally {
    process.stdout.write = o;
    process.stderr.write = e;
  }
}

async function open(dataDir: string): Promise<{ core: Core; client: ReturnType<typeof createApiClient> }> {
  const file = sqliteFileIn(dataDir);
  const core = await openCore({ db: keyedConfig(configFromEnv(file, {}), dataDir, file), dataDir, logger: createLogger(silentSink) });
  return { core, client: createApiClient(createInProcessTransport(createDispatcher(core, handlers), systemCaller())) };
}

describe('files at rest', () => {
  let dataDir: string;
  let snils: string;
  beforeAll(async () => {
    dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'so-rest-')), 'data');
    const { core } = await open(dataDir);
    await writeDemo(core.db, generateSchool({ classesPerGrade: 1, classSize: 8 }));
    snils = (await core.db.selectFrom('pupil').select('snils').where('snils', 'is not', null).executeTakeFirstOrThrow()).snils as string;
    await closeCore(core);
  });
  afterAll(() => fs.rmSync(path.dirname(dataDir), { recursive: true, force: true }));

  const contains = (file: string, text: string) => fs.existsSync(file) && fs.readFileSync(file).includes(Buffer.from(text));

  it.runIf(posix)('creates the data folder 0700 and the database, WAL, SHM, backups and lock 0600', async () => {
    expect(mode(dataDir)).toBe(0o700);
    const { core, client } = await open(dataDir);
    try {
      const { version } = await client.call('school.card.get');
      await client.call('school.card.save', { card: { fullName: 'МБОУ «СОШ № 6»', shortName: 'СОШ № 6', kind: 'Средняя общеобразовательная школа' }, version });
      const file = sqliteFileIn(dataDir);
      for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(mode(f), f).toBe(0o600);
      const backup = await client.call('system.backup.create', {});
      expect(mode(backup.file)).toBe(0o600);
      expect(mode(path.dirname(backup.file))).toBe(0o700);
      const lock = acquireAppLock(file, 'проверка');
      expect(mode(lock.file)).toBe(0o600);
      lock.release();
      // Before encryption the file holds СНИЛС as it is: what `strings` found in the probe.
      expect(contains(backup.file, snils)).toBe(true);
    } finally {
      await closeCore(core);
    }
  });

  it('encrypts the database on request: no СНИЛС in the file, its WAL or new backups; the key file is the owner\'s', async () => {
    const r = await cliHere(['encrypt', '--data', dataDir]);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/База зашифрована/);
    if (posix) expect(mode(dbKeyFile(dataDir))).toBe(0o600);
    const file = sqliteFileIn(dataDir);
    expect(contains(file, snils)).toBe(false);
    expect(contains(file, 'SQLite format 3')).toBe(false);

    const { core, client } = await open(dataDir);
    try {
      expect((await client.call('system.status')).database.encrypted).toBe(true);
      const pupils = await client.call('people.pupils.list', {});
      expect(pupils.some((p) => p.snils === snils)).toBe(true);
      await client.call('school.card.get');
      expect(contains(`${file}-wal`, snils)).toBe(false);
      const backup = await client.call('system.backup.create', {});
      expect(backup.verified).toBe(true);
      expect(contains(backup.file, snils)).toBe(false);
      // The copy opens with the key and only with it.
      expect(() => openSqlite(backup.file, { readonly: true }).prepare('select 1 from pupil').get()).toThrow();
      const key = readDatabaseKey(dataDir)!;
      const copy = openSqlite(backup.file, { key, readonly: true });
      expect((copy.prepare('select count(*) as n from pupil').get() as { n: number }).n).toBe(pupils.length);
      copy.close();
      // A restore from it keeps the folder encrypted.
      await client.call('system.backup.restore', { name: backup.name });
      expect(contains(file, snils)).toBe(false);
      expect((await client.call('people.pupils.list', {})).length).toBe(pupils.length);
    } finally {
      await closeCore(core);
    }
  });

  it('refuses a wrong key in Russian, and restores an old plain backup into the encrypted folder encrypted', async () => {
    const file = sqliteFileIn(dataDir);
    expect(() => openSqlite(file, { key: Buffer.alloc(32, 1) })).toThrow(/Ключ не подходит к базе/);
    const plain = fs.readdirSync(path.join(dataDir, 'backups')).find((f) => f.endsWith('_manual.sqlite3') && contains(path.join(dataDir, 'backups', f), 'SQLite format 3'));
    expect(plain).toBeDefined();
    const r = await cliHere(['restore', path.join(dataDir, 'backups', plain!), '--data', dataDir]);
    expect(r.code, r.out).toBe(0);
    expect(contains(file, snils)).toBe(false);
    const { core } = await open(dataDir);
    expect(core.appDb.sqliteKey).not.toBeNull();
    await closeCore(core);
  });

  it('moves the key into an OS key store (the desktop window), after which the file alone opens nothing', () => {
    const key = readDatabaseKey(dataDir)!;
    const exported = path.join(path.dirname(dataDir), 'exported.key');
    fs.copyFileSync(dbKeyFile(dataDir), exported);
    // A stand-in for safeStorage: what it seals only it can open.
    const secret = Buffer.from('os-key-store');
    const sealer = {
      seal: (s: string) => Buffer.from(Buffer.from(s).map((b, i) => b ^ secret[i % secret.length])),
      unseal: (b: Buffer) => Buffer.from(b.map((x, i) => x ^ secret[i % secret.length])).toString(),
    };
    expect(sealKeyFileIfPlain(dataDir, sealer)).toBe(true);
    expect(fs.readFileSync(dbKeyFile(dataDir), 'utf8')).toMatch(/^school-office-db-key v1 sealed /);
    expect(fs.readFileSync(dbKeyFile(dataDir), 'utf8')).not.toContain(key.toString('base64'));
    expect(() => readDatabaseKey(dataDir)).toThrow(AppError);
    expect(() => readDatabaseKey(dataDir)).toThrow(/хранилищем ключей/);
    expect(readDatabaseKey(dataDir, sealer)?.equals(key)).toBe(true);
    // The command line then opens it with an exported key.
    expect(databaseKeyFor(dataDir, { SCHOOL_OFFICE_DB_KEY_FILE: exported })?.equals(key)).toBe(true);
    // …or with the keys file saved from «Резервные копии → Ключи шифрования».
    const bundleFile = path.join(path.dirname(dataDir), 'keys.json');
    fs.writeFileSync(bundleFile, JSON.stringify(makeKeyBundle(dataDir, key)));
    expect(databaseKeyFor(dataDir, { SCHOOL_OFFICE_DB_KEY_FILE: bundleFile })?.equals(key)).toBe(true);
    fs.copyFileSync(exported, dbKeyFile(dataDir));
  });

  it('decrypts back to plain SQLite and removes the key', async () => {
    const r = await cliHere(['decrypt', '--data', dataDir]);
    expect(r.code, r.out).toBe(0);
    expect(fs.existsSync(dbKeyFile(dataDir))).toBe(false);
    expect(contains(sqliteFileIn(dataDir), 'SQLite format 3')).toBe(true);
    const { core } = await open(dataDir);
    expect(core.appDb.sqliteKey).toBeNull();
    await closeCore(core);
  });
});

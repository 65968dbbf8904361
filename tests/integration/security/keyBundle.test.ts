import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { classWithSealedPasswords } from '../../helpers/accessHelpers';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { handlers } from '../../../src-main/core/api/index';
import { accessHooks, systemCaller } from '../../../src-main/core/access/index';
import { openVault } from '../../../src-main/core/accounts/index';
import { generateSchool } from '../../../src-main/core/demo/generateSchool';
import { writeDemo } from '../../../src-main/core/demo/writeDemo';
import { createDispatcher, type Dispatcher } from '../../../src-main/core/dispatcher';
import { closeCore, openCore, type Core } from '../../../src-main/core/foundation/context';
import { createLogger, silentSink } from '../../../src-main/core/foundation/logger';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';

/**
 * Issue 19, item 6: the portal-passwords key belongs to the data folder, so the same database
 * opened with another data folder (moved folder, `--data` elsewhere, a second office PC on one
 * PostgreSQL) could not print the account letters. The administrator saves the keys to a file and
 * loads it there; the folder's own key is kept.
 */
describeEachDb('key bundle: letters sealed in one data folder print in another', (kind) => {
  let a: TestCore;
  let other: { core: Core; dispatcher: Dispatcher; dataDir: string };
  let classId: string;

  beforeAll(async () => {
    a = await createTestCore(kind);
    const school = generateSchool({ classesPerGrade: 2, classSize: 6 });
    await writeDemo(a.core.db, school, undefined, { sealPassword: openVault(a.dataDir).seal });
    // A class whose pupils' accounts are created, their passwords sealed with folder A's key.
    const sealed = { classId: await classWithSealedPasswords(a.core.db) };
    classId = sealed.classId;
    expect(school.classes.some((c) => c.id === classId)).toBe(true);
    // The same database, another data folder. A SQLite file carries the key beside it, so there the
    // other place is a copy of the file without its folder (a database sent to another computer).
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'so-moved-'));
    let db = a.dbConfig;
    if (a.core.appDb.sqlite) {
      const copy = path.join(dataDir, 'school-office.sqlite3');
      await a.core.appDb.sqlite.backup(copy);
      db = { kind: 'sqlite', file: copy };
    }
    const core = await openCore({ db, dataDir, logger: createLogger(silentSink) });
    other = { core, dispatcher: createDispatcher(core, handlers, accessHooks()), dataDir };
  });
  afterAll(async () => {
    if (other) {
      await closeCore(other.core);
      fs.rmSync(other.dataDir, { recursive: true, force: true });
    }
    await a?.cleanup();
  });

  it('refuses the letters in the other folder, then prints them after the keys file is loaded there; the folder keeps its own key', { timeout: 120_000 }, async () => {
    const call = (d: Dispatcher, method: string, input: unknown) => d.call(systemCaller('in-process', 'Администратор'), method, input);
    const before = await call(other.dispatcher, 'accounts.letters', { classId, format: 'docx' });
    expect(before).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(!before.ok && before.error.message).toContain('Сохранить ключи в файл');
    const ownKeyFile = path.join(other.dataDir, 'portal-accounts.key');
    const ownKey = fs.readFileSync(ownKeyFile, 'utf8');

    const exported = await call(a.dispatcher, 'system.keys.export', {});
    if (!exported.ok) throw new Error(exported.error.message);
    const file = exported.value as { fileName: string; contentBase64: string };
    expect(file.fileName).toMatch(/^school-office-keys_\d{4}-\d{2}-\d{2}\.json$/);
    const bundle = JSON.parse(Buffer.from(file.contentBase64, 'base64').toString('utf8')) as { portalKeyId: string; portalAccountsKey: string; databaseKey: string | null };
    expect(bundle.portalKeyId).toBe(openVault(a.dataDir).keyId);
    expect(bundle.databaseKey).toBeNull();
    // The audit says a bundle left, never what is in it.
    const log = await a.core.db.selectFrom('auditLog').select(['action', 'changes']).where('entity', '=', 'backup').where('recordId', '=', 'keys').execute();
    expect(log.map((r) => r.action)).toEqual(['export']);
    expect(JSON.stringify(log)).not.toContain(bundle.portalAccountsKey);

    const imported = await call(other.dispatcher, 'system.keys.import', { contentBase64: file.contentBase64 });
    expect(imported).toMatchObject({ ok: true, value: { portal: 'added', database: 'none' } });
    expect(fs.readFileSync(ownKeyFile, 'utf8')).toBe(ownKey);
    const extra = path.join(other.dataDir, `portal-accounts.${bundle.portalKeyId}.key`);
    expect(fs.statSync(extra).mode & 0o777).toBe(0o600);

    const after = await call(other.dispatcher, 'accounts.letters', { classId, format: 'docx' });
    expect(after.ok, after.ok ? '' : after.error.message).toBe(true);
    expect((after as { value: { rows: number } }).value.rows).toBeGreaterThan(0);
    // Loading it again adds nothing.
    expect(await call(other.dispatcher, 'system.keys.import', { contentBase64: file.contentBase64 })).toMatchObject({ ok: true, value: { portal: 'known' } });
  });

  it('refuses a file that is not a keys file, or a damaged one, whole and in Russian, writing nothing', async () => {
    const call = (input: unknown) => other.dispatcher.call(systemCaller('in-process', 'Администратор'), 'system.keys.import', input);
    const names = () => fs.readdirSync(other.dataDir).sort();
    const was = names();
    const bad = [
      'not json at all',
      JSON.stringify({ format: 'something else' }),
      JSON.stringify({ format: 'school-office-keys v1', portalAccountsKey: Buffer.alloc(7).toString('base64') }),
      JSON.stringify({ format: 'school-office-keys v1', portalAccountsKey: Buffer.alloc(32, 1).toString('base64'), databaseKey: 'xx' }),
    ];
    for (const text of bad) {
      const r = await call({ contentBase64: Buffer.from(text).toString('base64') });
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      expect(!r.ok && r.error.message).toMatch(/файл ключей|Ничего не изменено/i);
    }
    expect(names()).toEqual(was);
  });
});

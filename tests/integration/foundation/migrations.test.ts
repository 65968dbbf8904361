import fs from 'node:fs';
import path from 'node:path';
import { Migrator, type Kysely } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { migrations } from '../../../migrations/index';
import { openCore } from '../../../src-main/core/foundation/context';
import { createDb } from '../../../src-main/core/db/createDb';
import { verifySqliteFile } from '../../../src-main/core/db/backup';
import { latestSchemaVersion } from '../../../src-main/core/db/migrate';
import { createLogger, silentSink } from '../../../src-main/core/foundation/logger';
import { AppError } from '../../../src-shared/errors';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';

describeEachDb('migrations', (kind) => {
  let t: TestCore | null = null;
  afterEach(async () => {
    await t?.cleanup();
    t = null;
  });

  it('brings a fresh database to the latest schema, and a second start changes nothing', async () => {
    t = await createTestCore(kind);
    expect(t.core.migration.applied).toEqual(Object.keys(migrations));
    expect(t.core.migration.schemaVersion).toBe(latestSchemaVersion());
    const again = await t.reopen();
    expect(again.core.migration.applied).toEqual([]);
    await again.core.appDb.close();
  });

  it('refuses a database written by a newer version, with a clear message, without touching it', async () => {
    t = await createTestCore(kind);
    await (t.core.db as unknown as Kysely<any>)
      .insertInto('kysely_migration')
      .values({ name: '9999_from_the_future', timestamp: new Date().toISOString() })
      .execute();
    const err = await openCore({ db: t.dbConfig, dataDir: t.dataDir, logger: createLogger(silentSink) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('DB_TOO_NEW');
    expect((err as AppError).message).toMatch(/более новой версией программы/);
    const rows = await (t.core.db as unknown as Kysely<any>).selectFrom('kysely_migration').select('name').execute();
    expect(rows.map((r) => r.name)).toContain('9999_from_the_future');
  });

  it('applies a migration of a lower number range that a newer release added after higher ones ran', async () => {
    t = await createTestCore(kind);
    const raw = t.core.db as unknown as Kysely<any>;
    // 0035 (people) arrived after 0040+ (movement) had run on some databases: pretend this one is such.
    const late = '0035_create_staff_family';
    expect(Object.keys(migrations).some((n) => n > late)).toBe(true);
    await migrations[late]!.down!(raw);
    await raw.deleteFrom('kysely_migration').where('name', '=', late).execute();
    const again = await t.reopen();
    expect(again.core.migration.applied).toEqual([late]);
    const tables = (await again.core.db.introspection.getTables()).map((x) => x.name);
    expect(tables).toContain('staff_family_member');
    await again.core.appDb.close();
  });

  it('each migration can be rolled back and re-applied', async () => {
    t = await createTestCore(kind);
    const migrator = new Migrator({ db: t.core.db as unknown as Kysely<any>, provider: { getMigrations: async () => migrations } });
    const down = await migrator.migrateTo(Object.keys(migrations)[0]);
    expect(down.error).toBeUndefined();
    const up = await migrator.migrateToLatest();
    expect(up.error).toBeUndefined();
    expect(await t.client.call('school.card.get')).toMatchObject({ card: null });
  });
});

it('backs up an existing SQLite file before applying new migrations, and the copy verifies', async () => {
  const t = await createTestCore('sqlite');
  try {
    await t.client.call('school.card.save', { card: { fullName: 'Школа до обновления', shortName: 'Школа', kind: 'Лицей' }, version: 0 });
    // Pretend the file came from an older build: roll the last migration back.
    const names = Object.keys(migrations);
    const migrator = new Migrator({ db: t.core.db as unknown as Kysely<any>, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo(names[names.length - 2])).error).toBeUndefined();
    await t.core.appDb.close();

    const core = await openCore({ db: t.dbConfig, dataDir: t.dataDir, logger: createLogger(silentSink) });
    try {
      expect(core.migration.applied).toEqual([names[names.length - 1]]);
      expect(core.migration.backupFile).not.toBeNull();
      const file = core.migration.backupFile as string;
      expect(path.dirname(file)).toBe(path.join(t.dataDir, 'backups'));
      expect(verifySqliteFile(file)).toBe(true);
      const copy = createDb({ kind: 'sqlite', file });
      const row = await copy.db.selectFrom('schoolCard').select('fullName').executeTakeFirst();
      expect(row?.fullName).toBe('Школа до обновления');
      await copy.close();
    } finally {
      await core.appDb.close();
    }
  } finally {
    fs.rmSync(t.dataDir, { recursive: true, force: true });
  }
});

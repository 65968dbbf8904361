import { Migrator, type Kysely } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { migrations } from '../../../migrations/index';
import { BUILTIN_ROOM_TYPES, builtinRoomTypeId } from '../../../src-shared/domain/schoolSetup/roomTypes';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';

const BEFORE_SETUP = Object.keys(migrations).filter((n) => n < '0020').pop() as string;

describeEachDb('school set-up migrations 0020–0024', (kind) => {
  let t: TestCore;
  let db: Kysely<any>;
  let migrator: Migrator;
  beforeEach(async () => {
    t = await createTestCore(kind);
    db = t.core.db as unknown as Kysely<any>;
    migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, migrationTableName: 'kysely_migration', migrationLockTableName: 'kysely_migration_lock' });
  });
  afterEach(async () => {
    await t.cleanup();
  });

  it('seeds the built-in room types with their fixed ids', async () => {
    const rows = await db.selectFrom('room_type').select(['id', 'code', 'name']).orderBy('sort_order').execute();
    expect(rows).toEqual(BUILTIN_ROOM_TYPES.map((r) => ({ id: builtinRoomTypeId(r.code), code: r.code, name: r.name })));
  });

  it('gives existing years and classes the defaults, and rolls back to the earlier schema keeping them', async () => {
    expect((await migrator.migrateTo(BEFORE_SETUP)).error).toBeUndefined();
    const at = new Date().toISOString();
    await db.insertInto('academic_year').values({ id: 'y1', name: '2025/2026', start_date: '2025-09-01', end_date: '2026-05-26', is_current: 1, is_closed: 0, version: 1, updated_at: at }).execute();
    await db.insertInto('school_class').values({ id: 'c1', academic_year_id: 'y1', grade: 5, letter: 'А', name: '5А', shift: 1, version: 1, updated_at: at }).execute();

    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    expect(await db.selectFrom('academic_year').select(['week_length', 'week_length_by_grade']).executeTakeFirst()).toEqual({ weekLength: 5, weekLengthByGrade: '{}' });
    expect(await db.selectFrom('school_class').select(['programme', 'programme_variant', 'home_room_id', 'week_length']).executeTakeFirst()).toEqual({
      // The database plugin maps snake_case columns to camelCase on the way out.
      programme: 'ООП',
      programmeVariant: null,
      homeRoomId: null,
      weekLength: null,
    });
    const { years } = await t.client.call('setup.years.list');
    expect(years[0]).toMatchObject({ name: '2025/2026', weekLength: 5, weekLengthByGrade: {} });

    expect((await migrator.migrateTo(BEFORE_SETUP)).error).toBeUndefined();
    const tables = (await db.introspection.getTables()).map((x) => x.name);
    for (const gone of ['room', 'room_type', 'subject', 'study_period', 'calendar_entry', 'bell_schedule', 'subgroup', 'production_calendar_year']) {
      expect(tables).not.toContain(gone);
    }
    expect(await db.selectFrom('school_class').selectAll().execute()).toHaveLength(1);
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
  });
});

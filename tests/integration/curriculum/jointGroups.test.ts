import { Migrator, type Kysely } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { migrations } from '../../../migrations/index';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';

/**
 * Joint groups are one concept owned by the curriculum: migration 0071 moves the timetable's former
 * `timetable_joint` rows into `joint_group` (a clashing name numbered, never lost) and drops the
 * timetable's tables; `curriculum.joints.*` then lists and guards them.
 */
const BEFORE = '0070_create_timetable';

describeEachDb('joint groups: one concept, the curriculum’s', (kind) => {
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

  it('moves the timetable’s joint lessons into the curriculum’s joint groups, numbering a clashing name', async () => {
    expect((await migrator.migrateTo(BEFORE)).error).toBeUndefined();
    const at = '2025-08-20T10:00:00.000Z';
    await db.insertInto('academic_year').values({ id: 'y1', name: '2025/2026', start_date: '2025-09-01', end_date: '2026-05-26', is_current: 1, is_closed: 0, version: 1, updated_at: at }).execute();
    await db.insertInto('subject').values({ id: 's1', name: 'Индивидуальный проект', short_name: 'Инд. проект', updated_at: at }).execute();
    for (const [id, letter] of [['c1', 'А'], ['c2', 'Б'], ['c3', 'В']]) await db.insertInto('school_class').values({ id, academic_year_id: 'y1', grade: 10, letter, name: `10${letter}`, shift: 1, version: 1, updated_at: at }).execute();
    // The portal brought «Проект 10АБ» already (0051); the timetable kept one of the same name and another.
    await db.insertInto('joint_group').values({ id: 'g1', academic_year_id: 'y1', subject_id: 's1', name: 'Проект 10АБ', version: 1, updated_at: at }).execute();
    await db.insertInto('joint_group_slot').values([{ joint_group_id: 'g1', class_id: 'c1', group_no: 1 }, { joint_group_id: 'g1', class_id: 'c2', group_no: 1 }]).execute();
    await db.insertInto('timetable_joint').values([
      { id: 't1', academic_year_id: 'y1', subject_id: 's1', name: 'Проект 10АБ', version: 3, updated_at: at },
      { id: 't2', academic_year_id: 'y1', subject_id: 's1', name: 'Проект 10БВ', version: 1, updated_at: at },
    ]).execute();
    await db.insertInto('timetable_joint_member').values([
      { joint_id: 't1', class_id: 'c1', group_no: 2 },
      { joint_id: 't1', class_id: 'c2', group_no: 2 },
      { joint_id: 't2', class_id: 'c2', group_no: 0 },
      { joint_id: 't2', class_id: 'c3', group_no: 0 },
    ]).execute();

    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    const tables = (await db.introspection.getTables()).map((x) => x.name);
    expect(tables).not.toContain('timetable_joint');
    expect(tables).not.toContain('timetable_joint_member');
    const { joints } = await t.client.call('curriculum.joints.list', { yearId: 'y1' });
    expect(joints.map((j) => [j.id, j.name, j.version, j.members.map((m) => `${m.className}:${m.groupNo}`).join(',')])).toEqual([
      ['g1', 'Проект 10АБ', 1, '10А:1,10Б:1'],
      ['t1', 'Проект 10АБ (2)', 3, '10А:2,10Б:2'],
      ['t2', 'Проект 10БВ', 1, '10Б:0,10В:0'],
    ]);

    // The curriculum's rules hold: a slot is in one group of its subject, a name is taken once.
    await expect(t.client.call('curriculum.joints.save', { yearId: 'y1', id: null, version: 0, subjectId: 's1', name: 'Ещё одна', members: [{ classId: 'c3', groupNo: 0 }, { classId: 'c1', groupNo: 4 }] })).rejects.toThrow(/10В уже входит в «Проект 10БВ»/);
    await expect(t.client.call('curriculum.joints.save', { yearId: 'y1', id: null, version: 0, subjectId: 's1', name: 'Проект 10БВ', members: [{ classId: 'c1', groupNo: 3 }, { classId: 'c3', groupNo: 3 }] })).rejects.toThrow(/уже есть занятие с таким названием/);
    expect((await t.client.call('curriculum.joints.list', { yearId: 'y1' })).joints).toHaveLength(3);

    // Down to 0070 and up again: the groups stay the curriculum's.
    expect((await migrator.migrateTo(BEFORE)).error).toBeUndefined();
    expect(await db.selectFrom('timetable_joint').selectAll().execute()).toEqual([]);
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    expect((await t.client.call('curriculum.joints.list', { yearId: 'y1' })).joints).toHaveLength(3);
  });
});

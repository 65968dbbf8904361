import { Migrator, type Kysely } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { migrations } from '../../../migrations/index';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';

describeEachDb('people migrations (0030–0035) on existing data', (kind) => {
  let t: TestCore | null = null;
  afterEach(async () => {
    await t?.cleanup();
    t = null;
  });

  it('index existing cards for search and turn staff.position into a dated main position', async () => {
    t = await createTestCore(kind);
    const db = t.core.db as unknown as Kysely<any>;
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo('0024_extend_classes_add_subgroups')).error).toBeUndefined();
    const now = '2026-01-01T00:00:00.000Z';
    const person = { middle_name: null, birth_date: '1980-01-01', version: 1, created_at: now, updated_at: now };
    await db.insertInto('staff').values({ ...person, id: 's1', last_name: 'Ёлкина', first_name: 'Анна', sex: 'Ж', snils: '112-233-445 95', search_key: 'елкина анна', position: 'Учитель' }).execute();
    await db.insertInto('staff').values({ ...person, id: 's2', last_name: 'Салтыков-Щедрин', first_name: 'Михаил', sex: 'М', snils: null, search_key: 'салтыков-щедрин михаил', position: null }).execute();
    await db.insertInto('parent').values({ ...person, id: 'p1', last_name: 'Иванова', first_name: 'Ольга', sex: 'Ж', snils: null, search_key: 'иванова ольга' }).execute();

    expect((await migrator.migrateToLatest()).error).toBeUndefined();

    // The core's Kysely has CamelCasePlugin: result keys come back in camelCase.
    const tokens = await db.selectFrom('person_search_token').select(['kind', 'token', 'person_id as pid']).orderBy('kind').orderBy('person_id').orderBy('token').execute();
    expect(tokens.map((r) => `${r.kind}:${r.pid}:${r.token}`)).toEqual([
      'parent:p1:иванова',
      'parent:p1:ольга',
      'staff:s1:11223344595',
      'staff:s1:анна',
      'staff:s1:елкина',
      'staff:s2:михаил',
      'staff:s2:салтыков',
      'staff:s2:салтыков-щедрин',
      'staff:s2:щедрин',
    ]);
    const flags = await db.selectFrom('staff').select(['id', 'search_indexed as indexed', 'has_pc_at_home as pc']).orderBy('id').execute();
    expect(flags.map((f) => [f.id, Number(f.indexed), Number(f.pc)])).toEqual([
      ['s1', 1, 0],
      ['s2', 1, 0],
    ]);
    const positions = await db.selectFrom('staff_position').select(['staff_id as sid', 'position', 'kind', 'rate', 'start_date as since']).execute();
    expect(positions.map((p) => [p.sid, p.position, p.kind, Number(p.rate), p.since])).toEqual([['s1', 'Учитель', 'main', 1, null]]);

    // The cards read through the app, and the search finds the migrated ones.
    const card = await t.client.call('staff.get', { id: 's1' });
    expect(card).toMatchObject({ position: 'Учитель', documents: [], positions: [expect.objectContaining({ position: 'Учитель', kind: 'main' })] });
    expect((await t.client.call('staff.list', { search: 'ёлк' })).map((r) => r.id)).toEqual(['s1']);
    expect((await t.client.call('staff.list', { search: 'щедр' })).map((r) => r.id)).toEqual(['s2']);
  });

  it('turn «Состав семьи» into a list (0034) and back, and give staff cards a family (0035)', async () => {
    t = await createTestCore(kind);
    const db = t.core.db as unknown as Kysely<any>;
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo('0033_create_portal_accounts')).error).toBeUndefined();
    const now = '2026-01-01T00:00:00.000Z';
    const pupil = (id: string, family: string | null) => ({ id, last_name: 'Иванов', first_name: 'Иван', middle_name: null, sex: 'М', birth_date: '2015-01-01', snils: null, search_key: 'иванов иван', version: 1, created_at: now, updated_at: now, family_composition: family });
    await db.insertInto('pupil').values([pupil('a', 'полная семья'), pupil('b', 'неполная семья (мать) "А"'), pupil('c', null), pupil('d', 'полная семья')]).execute();

    expect((await migrator.migrateTo('0035_create_staff_family')).error).toBeUndefined();
    const rows = await db.selectFrom('pupil').select(['id', 'family_composition as fc']).orderBy('id').execute();
    expect(rows.map((r) => [r.id, JSON.parse(r.fc as string)])).toEqual([
      ['a', ['полная семья']],
      ['b', ['неполная семья (мать) "А"']],
      ['c', []],
      ['d', ['полная семья']],
    ]);

    // Down: the first value goes back into the single column, the family table goes away.
    expect((await migrator.migrateTo('0033_create_portal_accounts')).error).toBeUndefined();
    const back = await db.selectFrom('pupil').select(['id', 'family_composition as fc']).orderBy('id').execute();
    expect(back.map((r) => [r.id, r.fc])).toEqual([
      ['a', 'полная семья'],
      ['b', 'неполная семья (мать) "А"'],
      ['c', null],
      ['d', 'полная семья'],
    ]);
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    // The app reads the converted lists and writes staff families.
    expect((await t.client.call('people.pupils.get', { id: 'b' })).familyComposition).toEqual(['неполная семья (мать) "А"']);
    const staff = await t.client.call('staff.create', { lastName: 'Орлова', firstName: 'Нина', sex: 'Ж', birthDate: '1980-01-01', familyMembers: [{ relation: 'сын', lastName: 'Орлов', firstName: 'Иван', middleName: null, birthDate: '2005-05-05' }] });
    expect(staff.familyMembers).toHaveLength(1);
  });
});

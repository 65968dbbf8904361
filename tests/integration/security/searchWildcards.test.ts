import { afterAll, beforeAll, expect, it } from 'vitest';
import { newPupilItem, order, saveAndSign, seedYear, type MovementFixture } from '../movement/movementFixture';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';

/**
 * `%` and `_` typed into a search are characters, not wildcards (issue 19, item 7): every search box
 * over people and the movement book, on both databases.
 */
describeEachDb('search wildcards', (kind) => {
  let t: TestCore;
  let fx: MovementFixture;

  beforeAll(async () => {
    t = await createTestCore(kind);
    fx = await seedYear(t.core.db);
    const items = [
      newPupilItem({ lastName: 'Смирнов', firstName: 'Артём', sex: 'М', birthDate: '2019-03-12' }, fx.classes['1А'], '2026-09-01'),
      newPupilItem({ lastName: 'Ёлкина', firstName: 'Алиса', sex: 'Ж', birthDate: '2019-07-30' }, fx.classes['1А'], '2026-09-01'),
      newPupilItem({ lastName: 'Петров', firstName: 'Никита', sex: 'М', birthDate: '2019-01-05' }, fx.classes['1Б'], '2026-09-01'),
    ];
    await saveAndSign(t.client, order('enroll', '2026-08-28', items));
    const pupils = await t.client.call('people.pupils.list', {});
    await t.client.call('people.parents.create', {
      lastName: 'Смирнова',
      firstName: 'Ольга',
      sex: 'Ж',
      birthDate: '1988-02-14',
      children: [{ pupilId: pupils.find((p) => p.lastName === 'Смирнов')!.id, relation: 'мать' }],
    });
  });
  afterAll(async () => {
    await t.cleanup();
  });

  const WILD = ['%', '_', '%%', '__', '%_%', '\\', '\\%', 'с%в', 'с_ирнов', '%ов'];

  it('finds nobody in the people lists for a query of wildcards', async () => {
    expect(await t.client.call('people.pupils.list', { search: 'смир' })).toHaveLength(1);
    for (const search of WILD) {
      expect(await t.client.call('people.pupils.list', { search }), `pupils «${search}»`).toEqual([]);
      expect((await t.client.call('people.pupils.count', { search })).total, `pupils count «${search}»`).toBe(0);
      expect(await t.client.call('people.parents.list', { search }), `parents «${search}»`).toEqual([]);
      expect(await t.client.call('staff.list', { search }), `staff «${search}»`).toEqual([]);
    }
  });

  it('finds nobody in the movement book, orders, alphabet book and pupil picker for a query of wildcards', async () => {
    expect(await t.client.call('movement.book.list', { search: 'смир' })).toHaveLength(1);
    expect(await t.client.call('movement.pupils.search', { query: 'смир', date: null, classId: null })).toHaveLength(1);
    for (const search of WILD) {
      expect(await t.client.call('movement.book.list', { search }), `book «${search}»`).toEqual([]);
      expect(await t.client.call('movement.orders.list', { search }), `orders «${search}»`).toEqual([]);
      expect(await t.client.call('movement.alphabet.list', { search }), `alphabet «${search}»`).toEqual([]);
      expect(await t.client.call('movement.pupils.search', { query: search, date: null, classId: null }), `picker «${search}»`).toEqual([]);
    }
  });
});

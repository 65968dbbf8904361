import { afterAll, beforeAll, expect, it } from 'vitest';
import { newId } from '../../../src-shared/domain/ids';
import { searchKey } from '../../../src-shared/domain/names';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';

/**
 * Issue 24: a click on a column head sorts the whole list on the server, so the order holds across
 * the pages the virtual table fetches while scrolling — on both databases, with Russian collation,
 * dates as dates, empty cells last and ties broken by id.
 */
const SURNAMES = ['Жуков', 'Ёлкин', 'Абрамов', 'Ельцин', 'Яковлев', 'Елкин', 'Ежов'];

describeEachDb('server-side sort of the people lists', (kind) => {
  let t: TestCore;
  const N = 230;

  beforeAll(async () => {
    t = await createTestCore(kind);
    const now = new Date().toISOString();
    const rows = Array.from({ length: N }, (_, i) => {
      const lastName = SURNAMES[i % SURNAMES.length];
      const firstName = i % 3 ? 'Анна' : 'Иван';
      // Few distinct dates, so ties are many and must fall on page boundaries; every 11th has none.
      const birthDate = i % 11 === 0 ? null : `${2010 + (i % 5)}-${String(1 + (i % 12)).padStart(2, '0')}-0${1 + (i % 3)}`;
      return { id: newId(), lastName, firstName, middleName: null, sex: 'Ж' as const, birthDate, snils: null, searchKey: searchKey(lastName, firstName), version: 1, createdAt: now, updatedAt: now };
    });
    for (let i = 0; i < rows.length; i += 100) await t.core.db.insertInto('pupil').values(rows.slice(i, i + 100)).execute();
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  const pages = async (sort: { column: string; direction: 'asc' | 'desc' }) => {
    const out = [];
    for (let offset = 0; offset < N; offset += 100) out.push(...(await t.client.call('people.pupils.list', { sort, offset, limit: 100 })));
    return out;
  };

  it('sorts pupils by birth date both ways across pages: dates in order, empty last, ties by id, no row twice', async () => {
    for (const direction of ['asc', 'desc'] as const) {
      const rows = await pages({ column: 'birthDate', direction });
      expect(rows).toHaveLength(N);
      expect(new Set(rows.map((r) => r.id)).size).toBe(N);
      const dated = rows.filter((r) => r.birthDate !== null);
      expect(rows.slice(dated.length).every((r) => r.birthDate === null), 'empty birth dates come last').toBe(true);
      for (let i = 1; i < rows.length; i++) {
        const [a, b] = [rows[i - 1], rows[i]];
        if (a.birthDate === b.birthDate) expect(a.id < b.id, `tie at ${i} broken by id`).toBe(true);
        else if (b.birthDate !== null) expect(direction === 'asc' ? a.birthDate! < b.birthDate : a.birthDate! > b.birthDate, `order at ${i}`).toBe(true);
      }
      // The same order as one unpaged call: the pages are slices of one sort.
      const whole = await t.client.call('people.pupils.list', { sort: { column: 'birthDate', direction } });
      expect(rows.map((r) => r.id)).toEqual(whole.map((r) => r.id));
    }
  });

  it('sorts surnames in Russian order with «Ё» beside «Е», the same on SQLite and PostgreSQL', async () => {
    const rows = await pages({ column: 'lastName', direction: 'asc' });
    const distinct = rows.map((r) => r.lastName).filter((x, i, all) => all[i - 1] !== x);
    expect(distinct).toEqual(['Абрамов', 'Ежов', 'Елкин', 'Ёлкин', 'Ельцин', 'Жуков', 'Яковлев']);
    const desc = await pages({ column: 'lastName', direction: 'desc' });
    expect(desc.map((r) => r.lastName).filter((x, i, all) => all[i - 1] !== x)).toEqual(['Яковлев', 'Жуков', 'Ельцин', 'Ёлкин', 'Елкин', 'Ежов', 'Абрамов']);
  });

  it('refuses an unknown column or direction in Russian, naming the list and the column', async () => {
    await expect(t.client.call('people.pupils.list', { sort: { column: 'password', direction: 'asc' } })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/«Сортировать по».*Список обучающихся нельзя упорядочить по столбцу «password»/),
    });
    await expect(t.client.call('staff.list', { sort: { column: 'lastName', direction: 'up' as never } })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('«Направление сортировки»'),
    });
    // Staff and parents sort by their own columns.
    expect(await t.client.call('staff.list', { sort: { column: 'hireDate', direction: 'desc' } })).toEqual([]);
    expect(await t.client.call('people.parents.list', { sort: { column: 'children', direction: 'asc' } })).toEqual([]);
  });
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import { newId } from '../../../src-shared/domain/ids';
import { searchKey } from '../../../src-shared/domain/names';
import { nameMatchesWords, parseSearchQuery } from '../../../src-shared/domain/personSearch';
import { createRng } from '../../../src-main/core/demo/rng';
import { DENSE_TOKEN_HITS, planSearch } from '../../../src-main/core/people/repo/searchIndex';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';

const SURNAMES = ['Ёлкин', 'Елкин', 'Иванов', 'Петров', 'Салтыков-Щедрин', 'Смирнов', 'Соколов', 'Орлов'];
const FIRST = ['Пётр', 'Иван', 'Анна', 'Алёна', 'Артём', 'Мария'];
const MIDDLE = ['Иванович', 'Петрович', 'Артёмович', null];

describeEachDb('instant search (ё/е and case folded, on both databases)', (kind) => {
  let t: TestCore;
  const people: { id: string; key: string }[] = [];

  beforeAll(async () => {
    t = await createTestCore(kind);
    await t.client.call('people.parents.create', { lastName: 'Елкина', firstName: 'Ольга', sex: 'Ж', birthDate: '1980-01-01' });
    // Written in capitals by an import straight into the table (the card form would store «Ёлкин»).
    const at = new Date().toISOString();
    await t.core.db
      .insertInto('parent')
      .values({ id: newId(), lastName: 'ЁЛКИН', firstName: 'ПЁТР', middleName: null, sex: 'М', birthDate: '1979-01-01', snils: '087-654-303 00', searchKey: searchKey('ЁЛКИН', 'ПЁТР'), version: 1, createdAt: at, updatedAt: at })
      .execute();
    await t.client.call('people.parents.create', { lastName: 'Иванова', firstName: 'Анна', sex: 'Ж', birthDate: '1981-01-01', documents: [{ type: 'passport', series: '01 05', number: '777 888', issueDate: '2001-02-02', issuer: null, issuerCode: null }] });
    // A population large enough that common name prefixes take the "dense" plan.
    const rng = createRng(7);
    const now = new Date().toISOString();
    const rows = [];
    for (let i = 0; i < DENSE_TOKEN_HITS + 700; i++) {
      const lastName = rng.pick(SURNAMES);
      const firstName = rng.pick(FIRST);
      const middleName = rng.pick(MIDDLE);
      const id = newId();
      rows.push({ id, lastName, firstName, middleName, sex: 'М' as const, birthDate: '2012-01-01', snils: null, searchKey: searchKey(lastName, firstName, middleName), version: 1, createdAt: now, updatedAt: now });
    }
    // Written straight into the table, as the movement book or an import would: no tokens yet.
    for (let i = 0; i < rows.length; i += 200) await t.core.db.insertInto('pupil').values(rows.slice(i, i + 200)).execute();
    people.push(...rows.map((r) => ({ id: r.id, key: r.searchKey })));
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it('finds «Елкина» and «ЁЛКИН» by «ёлкин», and by «ЕЛКИН»', async () => {
    for (const q of ['ёлкин', 'ЕЛКИН', 'елк', 'Ёлк']) {
      const rows = await t.client.call('people.parents.list', { search: q });
      expect(rows.map((r) => `${r.lastName} ${r.firstName}`).sort(), q).toEqual(['Елкина Ольга', 'ЁЛКИН ПЁТР'].sort());
    }
    expect((await t.client.call('people.parents.list', { search: 'пётр ёлкин' })).map((r) => r.lastName)).toEqual(['ЁЛКИН']);
  });

  it('finds by СНИЛС and by document number typed the usual way', async () => {
    expect((await t.client.call('people.parents.list', { search: '087-654-303 00' })).map((r) => r.lastName)).toEqual(['ЁЛКИН']);
    expect((await t.client.call('people.parents.list', { search: '0876' })).map((r) => r.lastName)).toEqual(['ЁЛКИН']);
    expect((await t.client.call('people.parents.list', { search: '777888' })).map((r) => r.lastName)).toEqual(['Иванова']);
    expect((await t.client.call('people.parents.list', { search: '0105 777' })).map((r) => r.lastName)).toEqual(['Иванова']);
  });

  it('indexes cards written without tokens on first search, and answers like a plain scan for sparse and dense words', async () => {
    const queries = ['ёлкин', 'елкин пётр', 'щедрин', 'салтыков-щ', 'ив', 'а', 'артём', 'иванов ар', 'мар иван', 'орлов анна петрович', 'нет-такого'];
    const plans = new Set<string>();
    for (const q of queries) {
      const words = parseSearchQuery(q);
      const expected = people.filter((p) => nameMatchesWords(p.key, words)).map((p) => p.id);
      const rows = await t.client.call('people.pupils.list', { search: q });
      expect(rows.map((r) => r.id).sort(), q).toEqual(expected.sort());
      expect(await t.client.call('people.pupils.count', { search: q }), q).toEqual({ total: expected.length });
      plans.add((await planSearch(t.core.db, 'pupil', words)).driver === null ? 'dense' : 'sparse');
    }
    // Both query plans were exercised and agree with the scan.
    expect([...plans].sort()).toEqual(['dense', 'sparse']);
    const pending = await t.core.db.selectFrom('pupil').select('id').where('searchIndexed', '=', 0).execute();
    expect(pending).toHaveLength(0);
  });

  it('returns the first 50 in name order, and pages continue where they stopped', async () => {
    const first = await t.client.call('people.pupils.list', { search: 'а', limit: 50 });
    const second = await t.client.call('people.pupils.list', { search: 'а', limit: 50, offset: 50 });
    const all = await t.client.call('people.pupils.list', { search: 'а' });
    expect([...first, ...second].map((r) => r.id)).toEqual(all.slice(0, 100).map((r) => r.id));
    const keys = all.map((r) => searchKey(r.lastName, r.firstName, r.middleName));
    expect(keys.every((k, i) => i === 0 || keys[i - 1] <= k || keys[i - 1].localeCompare(k, 'ru') <= 0)).toBe(true);
  });

  it('keeps the index in step with edits: a renamed card is found by its new name only', async () => {
    const [p] = await t.client.call('people.parents.list', { search: 'иванова анна' });
    await t.client.call('people.parents.update', { id: p.id, version: p.version, lastName: 'Щеглова' });
    expect(await t.client.call('people.parents.list', { search: 'иванова' })).toEqual([]);
    expect((await t.client.call('people.parents.list', { search: 'щегл' })).map((r) => r.lastName)).toEqual(['Щеглова']);
  });
});

import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';
import { QUARTERS, YEAR_2026, addHolidays, auditCount, createYear, refused } from './setupHelpers';

describeEachDb('academic years and study periods', (kind) => {
  let t: TestCore;
  beforeEach(async () => {
    t = await createTestCore(kind);
  });
  afterEach(async () => {
    await t.cleanup();
  });

  it('creates the first year as current, keeps one current year and audits it', async () => {
    const y1 = await createYear(t);
    expect(y1).toMatchObject({ name: '2026/2027', isCurrent: true, isClosed: false, weekLength: 5, weekLengthByGrade: { '10': 6, '11': 6 }, version: 1 });
    const y0 = await createYear(t, { name: '2025/2026', startDate: '2025-09-01', endDate: '2026-05-26' });
    expect(y0.isCurrent).toBe(false);
    const { years } = await t.client.call('setup.years.setCurrent', { id: y0.id });
    expect(years.map((y) => [y.name, y.isCurrent])).toEqual([
      ['2026/2027', false],
      ['2025/2026', true],
    ]);
    const rows = await t.core.db.selectFrom('auditLog').select(['entity', 'action', 'recordId']).where('entity', '=', 'academicYear').orderBy('seq').execute();
    expect(rows.map((r) => r.action)).toEqual(['create', 'create', 'update']);
  });

  it('refuses a duplicate, an overlapping or a badly named year in Russian and saves nothing', async () => {
    await createYear(t);
    const before = await auditCount(t);
    expect((await refused(createYear(t))).message).toBe('Учебный год 2026/2027 уже есть. Ничего не сохранено.');
    expect((await refused(createYear(t, { name: '2027/2028', startDate: '2027-05-01', endDate: '2028-05-26' }))).message).toBe(
      'Учебный год 2027/2028 (01.05.2027–26.05.2028) пересекается с учебным годом 2026/2027 (01.09.2026–26.05.2027). Ничего не сохранено.',
    );
    const badName = await refused(createYear(t, { name: '2027/2029', startDate: '2027-09-01', endDate: '2029-05-26' }));
    expect(badName.message).toMatch(/^Учебный год, поле «Учебный год»: после 2027 должен идти 2028 год/);
    expect(await auditCount(t)).toBe(before);
    expect((await t.client.call('setup.years.list')).years).toHaveLength(1);
  });

  it('saves quarters and half-years per grade and refuses overlapping periods, naming them', async () => {
    const y = await createYear(t);
    const { scheme, warnings } = await t.client.call('setup.periods.save', {
      yearId: y.id,
      id: null,
      version: 0,
      scheme: { name: 'Четверти', kind: 'quarters', grades: [1, 2, 3, 4, 5, 6, 7, 8, 9], periods: QUARTERS },
    });
    expect(scheme.periods.map((p) => p.name)).toEqual(['1 четверть', '2 четверть', '3 четверть', '4 четверть']);
    // Holidays are not entered yet: the gaps between quarters are reported, not refused.
    expect(warnings[0]).toMatch(/^«Четверти» \(1–9 кл\.\): между «1 четверть» и «2 четверть» есть учебные дни вне периодов: 26\.10\.2026/);

    const before = await auditCount(t);
    const overlapping = QUARTERS.map((q) => (q.name === '3 четверть' ? { ...q, startDate: '2026-12-20' } : q));
    const err = await refused(
      t.client.call('setup.periods.save', { yearId: y.id, id: scheme.id, version: scheme.version, scheme: { name: 'Четверти', kind: 'quarters', grades: [1, 2, 3, 4, 5, 6, 7, 8, 9], periods: overlapping } }),
    );
    expect(err.message).toBe(
      'Учебные периоды «Четверти»: периоды «2 четверть» (02.11.2026–30.12.2026) и «3 четверть» (20.12.2026–26.03.2027) пересекаются: 20.12.2026–30.12.2026. Ничего не сохранено.',
    );
    const outside = QUARTERS.map((q) => (q.name === '4 четверть' ? { ...q, endDate: '2027-06-10' } : q));
    expect(
      (await refused(t.client.call('setup.periods.save', { yearId: y.id, id: scheme.id, version: scheme.version, scheme: { name: 'Четверти', kind: 'quarters', grades: [5], periods: outside } }))).message,
    ).toMatch(/«4 четверть» \(05\.04\.2027–10\.06\.2027\) выходит за пределы учебного года 2026\/2027/);
    expect(await auditCount(t)).toBe(before);
    const stored = (await t.client.call('setup.periods.list', { yearId: y.id })).schemes;
    expect(stored[0].periods[2].startDate).toBe('2027-01-12');

    await refused(
      t.client.call('setup.periods.save', {
        yearId: y.id,
        id: null,
        version: 0,
        scheme: { name: 'Полугодия', kind: 'halfYears', grades: [9, 10, 11], periods: [{ name: '1 полугодие', startDate: '2026-09-01', endDate: '2026-12-30' }, { name: '2 полугодие', startDate: '2027-01-12', endDate: '2027-05-26' }] },
      }),
    ).then((e) => expect(e.message).toBe('Учебные периоды: параллели 9 уже учатся по схеме «Четверти» — у параллели одна схема в году. Ничего не сохранено.'));
    const halves = await t.client.call('setup.periods.save', {
      yearId: y.id,
      id: null,
      version: 0,
      scheme: { name: 'Полугодия', kind: 'halfYears', grades: [10, 11], periods: [{ name: '1 полугодие', startDate: '2026-09-01', endDate: '2026-12-30' }, { name: '2 полугодие', startDate: '2027-01-12', endDate: '2027-05-26' }] },
    });
    // Six-day grades have lessons on Saturday 9 January; Monday 11 January is a school day for all.
    expect(halves.warnings).toEqual([
      '«Полугодия» (10, 11 кл.): между «1 полугодие» и «2 полугодие» есть учебные дни вне периодов: 09.01.2027, 11.01.2027 — добавьте каникулы на эти дни или сдвиньте даты периодов',
    ]);

    await addHolidays(t, y.id);
    const check = await t.client.call('setup.years.check', { yearId: y.id });
    expect(check.problems.filter((p) => p.area === 'periods')).toEqual([]);
  });

  it('refuses new year dates that would leave periods outside, and a closed year is read-only', async () => {
    const y = await createYear(t);
    await t.client.call('setup.periods.save', { yearId: y.id, id: null, version: 0, scheme: { name: 'Четверти', kind: 'quarters', grades: [5], periods: QUARTERS } });
    const err = await refused(t.client.call('setup.years.save', { id: y.id, version: y.version, year: { ...YEAR_2026, endDate: '2027-05-20' } }));
    expect(err.message).toMatch(/^Учебный год 2026\/2027: в новые даты 01\.09\.2026–20\.05\.2027 не помещаются записи: период «4 четверть» схемы «Четверти»/);

    const closed = await t.client.call('setup.years.setClosed', { id: y.id, closed: true, version: y.version });
    expect(closed.isClosed).toBe(true);
    const e2 = await refused(t.client.call('calendar.entries.save', { yearId: y.id, id: null, version: 0, entry: { kind: 'dayOff', name: 'День здоровья', startDate: '2026-10-05', endDate: '2026-10-05' } }));
    expect(e2.message).toBe('Учебный год 2026/2027 закрыт: его данные только для чтения. Администратор может открыть год заново. Ничего не сохранено.');
    await refused(t.client.call('setup.classes.createMany', { yearId: y.id, grades: [5], letters: ['А'] }));
    await refused(t.client.call('setup.years.setCurrent', { id: y.id }));
    const reopened = await t.client.call('setup.years.setClosed', { id: y.id, closed: false, version: closed.version });
    expect(reopened.isClosed).toBe(false);
    await t.client.call('setup.classes.createMany', { yearId: y.id, grades: [5], letters: ['А'] });
    expect((await refused(t.client.call('setup.years.delete', { id: y.id, version: reopened.version }))).message).toMatch(/есть классы \(1: 5А\)/);
  });

  it('gives CONFLICT to a stale save and deletes an empty year with its calendar', async () => {
    const y = await createYear(t);
    await t.client.call('setup.years.save', { id: y.id, version: y.version, year: { ...YEAR_2026, weekLength: 6 } });
    const stale = await refused(t.client.call('setup.years.save', { id: y.id, version: y.version, year: { ...YEAR_2026, endDate: '2027-05-31' } }), 'CONFLICT');
    expect(stale.message).toMatch(/другой пользователь \(версия 2\)/);
    await addHolidays(t, y.id);
    const now = (await t.client.call('setup.years.list')).years[0];
    expect(await t.client.call('setup.years.delete', { id: y.id, version: now.version })).toEqual({ deleted: true });
    expect(await t.core.db.selectFrom('calendarEntry').selectAll().execute()).toEqual([]);
  });
});

import { afterEach, beforeEach, expect, it } from 'vitest';
import shipped from '../../../assets/production-calendar.json';
import { loadEffectiveProductionCalendar } from '../../../src-main/core/schoolSetup/repo/productionCalendar';
import { isWorkingDay } from '../../../src-shared/domain/calendar';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';
import { auditCount, refused } from './setupHelpers';

type ShippedYear = (typeof shipped.years)[number];
const year2026 = shipped.years.find((y) => y.year === 2026) as ShippedYear;
const thisYear = new Date().getFullYear();

/** A plain year with only the art. 112 holidays (no transfers): enough to load or correct a year. */
function plainYear(year: number) {
  const holidays = ['01-01', '01-02', '01-03', '01-04', '01-05', '01-06', '01-07', '01-08', '02-23', '03-08', '05-01', '05-09', '06-12', '11-04'].map((d) => `${year}-${d}`);
  return { year, status: 'official' as const, source: `Тестовый календарь ${year}`, holidays, daysOff: [], workingWeekends: [], shortDays: [], transfers: [] };
}

describeEachDb('production calendar', (kind) => {
  let t: TestCore;
  beforeEach(async () => {
    t = await createTestCore(kind);
  });
  afterEach(async () => {
    await t.cleanup();
  });

  it('lists the shipped years with their monthly working days', async () => {
    const { years } = await t.client.call('calendar.production.list');
    expect(years.map((y) => [y.year, y.status, y.origin])).toEqual([
      [2025, 'official', 'shipped'],
      [2026, 'official', 'shipped'],
      [2027, 'forecast', 'shipped'],
    ]);
    expect(years[1].workingDays).toEqual(year2026.monthlyTotals.working);
  });

  it('refuses a broken file in Russian, naming year and month, and changes nothing', async () => {
    const before = await auditCount(t);
    const broken = { ...year2026, daysOff: year2026.daysOff.filter((d) => d !== '2026-05-11'), transfers: year2026.transfers.filter((x) => x.to !== '2026-05-11') };
    const err = await refused(t.client.call('calendar.production.import', { fileName: 'calendar.json', text: JSON.stringify({ years: [broken] }) }));
    expect(err.message).toBe(
      'Производственный календарь: 2026 год, monthlyTotals.working[4]: месяц 5: по датам 20 рабочих дней, а в итогах 19; ' +
        '2026 год, monthlyTotals.calendarDaysOff[4]: месяц 5: по датам 11 выходных дней, а в итогах 12. Ничего не сохранено.',
    );
    const notJson = await refused(t.client.call('calendar.production.import', { text: '{ years: ' }));
    expect(notJson.message).toMatch(/^Производственный календарь: файл не является JSON/);
    expect(await auditCount(t)).toBe(before);
    expect(await t.core.db.selectFrom('productionCalendarYear').selectAll().execute()).toEqual([]);
  });

  it('loads an official 2027 from a file over the shipped forecast, and the warning goes', async () => {
    // The shipped forecast's dates, now marked official as if the decree had confirmed them.
    const y2027 = { ...plainYear(2027), daysOff: ['2027-05-03', '2027-05-10', '2027-06-14'], transfers: [{ from: '2027-05-01', to: '2027-05-03' }, { from: '2027-05-09', to: '2027-05-10' }, { from: '2027-06-12', to: '2027-06-14' }] };
    const text = JSON.stringify({ years: [{ ...y2027, monthlyTotals: shipped.years[2].monthlyTotals }] });
    expect(await t.client.call('calendar.production.import', { fileName: '2027.json', text })).toEqual({ years: [2027] });
    const { years } = await t.client.call('calendar.production.list');
    expect(years.find((y) => y.year === 2027)).toMatchObject({ status: 'official', origin: 'database', shipped: true, version: 1 });
    const warnings = (await t.client.call('calendar.production.warning')).warnings;
    expect(warnings.some((w) => w.year === 2027 && w.kind === 'forecast')).toBe(false);
  });

  it('corrects a year: adds a day off, recounts the month, resets back to the shipped data', async () => {
    const corrected = { ...plainYear(2026), holidays: year2026.holidays, daysOff: [...year2026.daysOff, '2026-06-11'], transfers: year2026.transfers, shortDays: [] };
    const saved = await t.client.call('calendar.production.saveYear', { data: corrected, version: 0 });
    expect(saved.workingDays[5]).toBe(year2026.monthlyTotals.working[5] - 1);
    expect(saved).toMatchObject({ origin: 'database', version: 1 });
    let cal = await loadEffectiveProductionCalendar(t.core.db);
    expect(isWorkingDay(cal, '2026-06-11')).toBe(false);

    const stale = await refused(t.client.call('calendar.production.saveYear', { data: corrected, version: 0 }), 'CONFLICT');
    expect(stale.message).toMatch(/Производственный календарь на 2026 год/);
    const bad = await refused(t.client.call('calendar.production.saveYear', { data: { ...corrected, daysOff: [...corrected.daysOff, '2026-06-13'] }, version: 1 }));
    expect(bad.message).toMatch(/2026-06-13 — выходной по календарю, переносить на него день отдыха бессмысленно/);

    expect(await t.client.call('calendar.production.reset', { year: 2026, version: 1 })).toEqual({ deleted: true });
    cal = await loadEffectiveProductionCalendar(t.core.db);
    expect(isWorkingDay(cal, '2026-06-11')).toBe(true);
    const actions = await t.core.db.selectFrom('auditLog').select('action').where('entity', '=', 'productionCalendar').orderBy('seq').execute();
    expect(actions.map((a) => a.action)).toEqual(['create', 'delete']);
  });

  it('warns loudly about the current or next year with no data or only a forecast', async () => {
    const expectedKinds = [thisYear, thisYear + 1].flatMap((y) => {
      const s = shipped.years.find((x) => x.year === y);
      return !s ? [[y, 'missing']] : s.status === 'forecast' ? [[y, 'forecast']] : [];
    });
    const { warnings } = await t.client.call('calendar.production.warning');
    expect(warnings.map((w) => [w.year, w.kind])).toEqual(expectedKinds);
    for (const y of [thisYear, thisYear + 1]) await t.client.call('calendar.production.saveYear', { data: plainYear(y), version: 0 });
    expect((await t.client.call('calendar.production.warning')).warnings).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import data from '../../../assets/production-calendar.json';
import { createSchoolCalendar, isSchoolDay, loadProductionCalendar } from '../../../src-shared/domain/calendar';
import { checkPeriodDates, describeGap, findPeriodGaps, suggestPeriods } from '../../../src-shared/domain/schoolSetup/studyPeriods';

const year = { name: '2026/2027', startDate: '2026-09-01', endDate: '2027-05-31' };
const quarters = [
  { name: '1 четверть', startDate: '2026-09-01', endDate: '2026-10-24' },
  { name: '2 четверть', startDate: '2026-11-05', endDate: '2026-12-27' },
  { name: '3 четверть', startDate: '2027-01-12', endDate: '2027-03-20' },
  { name: '4 четверть', startDate: '2027-03-30', endDate: '2027-05-31' },
];
const holidays = [
  { name: 'Осенние каникулы', from: '2026-10-25', to: '2026-11-04' },
  { name: 'Зимние каникулы', from: '2026-12-28', to: '2027-01-11' },
  { name: 'Весенние каникулы', from: '2027-03-21', to: '2027-03-29' },
];
const production = loadProductionCalendar(data);

describe('period dates', () => {
  it('accepts four quarters inside the year', () => {
    expect(checkPeriodDates('quarters', quarters, year)).toEqual([]);
  });

  it('names the overlapping periods and the overlap', () => {
    const bad = quarters.map((q) => (q.name === '2 четверть' ? { ...q, startDate: '2026-10-20' } : q));
    expect(checkPeriodDates('quarters', bad, year)).toEqual([
      'периоды «1 четверть» (01.09.2026–24.10.2026) и «2 четверть» (20.10.2026–27.12.2026) пересекаются: 20.10.2026–24.10.2026',
    ]);
  });

  it('refuses a period outside the year, a reversed period and a wrong count', () => {
    const outside = quarters.map((q) => (q.name === '4 четверть' ? { ...q, endDate: '2027-06-05' } : q));
    expect(checkPeriodDates('quarters', outside, year)[0]).toMatch(/«4 четверть» \(30\.03\.2027–05\.06\.2027\) выходит за пределы учебного года 2026\/2027/);
    expect(checkPeriodDates('halfYears', [{ name: '1 полугодие', startDate: '2026-12-31', endDate: '2026-09-01' }], year)).toEqual([
      'для вида «Полугодия» нужно периодов: 2, указано: 1',
      'период «1 полугодие»: дата окончания 01.09.2026 раньше даты начала 31.12.2026',
    ]);
  });
});

describe('gaps between periods', () => {
  it('finds school days between quarters until holidays cover them', () => {
    const bare = createSchoolCalendar({ academicYear: { start: year.startDate, end: year.endDate } }, production);
    const gaps = findPeriodGaps(quarters, year, (d) => isSchoolDay(bare, 5, d));
    expect(gaps.map((g) => [g.after, g.before, g.schoolDays.length])).toEqual([
      ['1 четверть', '2 четверть', 7], // 26–30.10, 02.11, 03.11 (04.11 is a federal holiday)
      ['2 четверть', '3 четверть', 4], // 28–30.12 and 11.01 (31.12 and 1–8.01 are federal days off)
      ['3 четверть', '4 четверть', 6], // 22–26.03 and 29.03
    ]);
    expect(describeGap(gaps[0])).toMatch(/^между «1 четверть» и «2 четверть» есть учебные дни вне периодов: 26\.10\.2026/);

    const withHolidays = createSchoolCalendar({ academicYear: { start: year.startDate, end: year.endDate }, holidays }, production);
    expect(findPeriodGaps(quarters, year, (d) => isSchoolDay(withHolidays, 5, d))).toEqual([]);
  });

  it('reports school days before the first and after the last period', () => {
    const cal = createSchoolCalendar({ academicYear: { start: year.startDate, end: year.endDate }, holidays }, production);
    const late = [{ name: 'Учебный год', startDate: '2026-09-07', endDate: '2027-05-28' }];
    const gaps = findPeriodGaps(late, year, (d) => isSchoolDay(cal, 5, d));
    expect(gaps.map((g) => [g.after, g.before, g.schoolDays])).toEqual([
      [null, 'Учебный год', ['2026-09-01', '2026-09-02', '2026-09-03', '2026-09-04']],
      ['Учебный год', null, ['2027-05-31']],
    ]);
  });
});

describe('suggested periods', () => {
  it('cuts quarters at the three breaks', () => {
    expect(suggestPeriods('quarters', year, holidays)).toEqual(quarters.map((q, i) => ({ ...q, endDate: i === 3 ? year.endDate : q.endDate })));
  });

  it('cuts half-years at the winter break and falls back to months without holidays', () => {
    expect(suggestPeriods('halfYears', year, holidays)).toEqual([
      { name: '1 полугодие', startDate: '2026-09-01', endDate: '2026-12-27' },
      { name: '2 полугодие', startDate: '2027-01-12', endDate: '2027-05-31' },
    ]);
    expect(suggestPeriods('quarters', year, []).map((p) => p.endDate)).toEqual(['2026-10-31', '2026-12-31', '2027-03-31', '2027-05-31']);
    expect(suggestPeriods('trimesters', year, []).map((p) => p.endDate)).toEqual(['2026-11-30', '2027-02-28', '2027-05-31']);
    expect(suggestPeriods('year', year, holidays)).toEqual([{ name: 'Учебный год', startDate: '2026-09-01', endDate: '2027-05-31' }]);
  });
});

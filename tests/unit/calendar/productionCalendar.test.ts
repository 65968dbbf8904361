import { describe, expect, it } from 'vitest';
import data from '../../../assets/production-calendar.json';
import {
  ProductionCalendarError,
  addWorkingDays,
  daysInMonth,
  forecastYears,
  formatIsoDate,
  hasYear,
  isShortDay,
  isWorkingDay,
  loadProductionCalendar,
  missingYears,
  missingYearsWarning,
  workingDaysBetween,
} from '../../../src-shared/domain/calendar';

const cal = loadProductionCalendar(data);

// Published monthly working-day totals (five-day week), typed in from the official calendars,
// deliberately not taken from the JSON so that a wrong date there fails this test.
const PUBLISHED: Record<number, number[]> = {
  2025: [17, 20, 21, 22, 18, 19, 23, 21, 22, 23, 19, 22],
  2026: [15, 19, 21, 22, 19, 21, 23, 21, 22, 22, 20, 22],
};

const clone = (): { years: Record<string, unknown>[] } => JSON.parse(JSON.stringify(data));

describe('production calendar data', () => {
  for (const [year, totals] of Object.entries(PUBLISHED)) {
    it(`matches the published monthly totals of ${year}`, () => {
      const counted = totals.map((_, i) =>
        workingDaysBetween(cal, formatIsoDate(+year, i + 1, 1), formatIsoDate(+year, i + 1, daysInMonth(+year, i + 1))),
      );
      expect(counted).toEqual(totals);
    });
  }

  it('has 247 working days in 2025 and in 2026', () => {
    expect(workingDaysBetween(cal, '2025-01-01', '2025-12-31')).toBe(247);
    expect(workingDaysBetween(cal, '2026-01-01', '2026-12-31')).toBe(247);
  });

  it('gives the 40-hour norm of 1972 hours in 2025 and 2026 (8 h a day, pre-holiday days 1 h less)', () => {
    for (const year of [2025, 2026]) {
      const days = workingDaysBetween(cal, `${year}-01-01`, `${year}-12-31`);
      const short = [...cal.shortDays].filter((d) => d.startsWith(`${year}-`)).length;
      expect(days * 8 - short).toBe(1972);
    }
    expect(isShortDay(cal, '2025-11-01')).toBe(true);
    expect(isShortDay(cal, '2026-05-08')).toBe(true);
  });

  it('knows the transfers of 2026 (decree № 1466)', () => {
    for (const d of ['2026-01-09', '2026-03-09', '2026-05-11', '2026-12-31', '2026-01-01', '2026-02-23']) {
      expect(isWorkingDay(cal, d), d).toBe(false);
    }
    expect(isWorkingDay(cal, '2026-01-12')).toBe(true);
    expect(isWorkingDay(cal, '2026-05-12')).toBe(true);
  });

  it('knows the transfers of 2025 (decree № 1335)', () => {
    for (const d of ['2025-05-02', '2025-05-08', '2025-06-13', '2025-11-03', '2025-12-31']) {
      expect(isWorkingDay(cal, d), d).toBe(false);
    }
    expect(isWorkingDay(cal, '2025-11-01')).toBe(true); // a working Saturday
    expect(isWorkingDay(cal, '2025-02-24')).toBe(true); // 23 February moved to 8 May, not to the Monday
  });

  it('marks 2027 as a forecast', () => {
    expect(forecastYears(cal)).toEqual([2027]);
  });
});

describe('working-day arithmetic', () => {
  it('adds working days over a weekend', () => {
    expect(addWorkingDays(cal, '2026-04-03', 3)).toBe('2026-04-08'); // Friday → Wednesday
    expect(addWorkingDays(cal, '2026-04-06', 1)).toBe('2026-04-07');
    expect(addWorkingDays(cal, '2026-04-04', 0)).toBe('2026-04-04');
  });

  it('adds working days over a weekend and a holiday', () => {
    expect(addWorkingDays(cal, '2026-02-20', 3)).toBe('2026-02-26');
    expect(addWorkingDays(cal, '2025-12-30', 1)).toBe('2026-01-12');
  });

  it('rejects a negative or fractional count', () => {
    expect(() => addWorkingDays(cal, '2026-02-20', -1)).toThrow(/не меньше нуля/);
    expect(() => addWorkingDays(cal, '2026-02-20', 1.5)).toThrow(RangeError);
  });

  it('counts working days inclusively and returns 0 for a reversed range', () => {
    expect(workingDaysBetween(cal, '2026-02-20', '2026-02-26')).toBe(4);
    expect(workingDaysBetween(cal, '2026-02-26', '2026-02-20')).toBe(0);
  });

  it('falls back to Monday–Friday for a year it does not have', () => {
    expect(isWorkingDay(cal, '2028-01-03')).toBe(true);
    expect(isWorkingDay(cal, '2028-01-01')).toBe(false);
  });
});

describe('missing years', () => {
  it('warns loudly about 2028', () => {
    expect(hasYear(cal, 2026)).toBe(true);
    expect(hasYear(cal, 2028)).toBe(false);
    expect(missingYears(cal, [2028, 2025, 2026, 2027, 2028])).toEqual([2028]);
    expect(missingYearsWarning(cal, [2026, 2027])).toBeNull();
    expect(missingYearsWarning(cal, [2026, 2028])).toMatch(/нет данных за 2028 год/);
  });
});

describe('validation', () => {
  it('rejects a forgotten day off because the monthly totals no longer match', () => {
    const broken = clone();
    const y2026 = broken.years[1] as { daysOff: string[]; transfers: { to: string }[] };
    y2026.daysOff = y2026.daysOff.filter((d) => d !== '2026-05-11');
    y2026.transfers = y2026.transfers.filter((t) => t.to !== '2026-05-11');
    expect(() => loadProductionCalendar(broken)).toThrow(ProductionCalendarError);
    expect(() => loadProductionCalendar(broken)).toThrow(/2026 год.*месяц 5: по датам 20 рабочих дней, а в итогах 19/);
  });

  it('reports malformed dates in Russian', () => {
    const broken = clone();
    (broken.years[0] as { holidays: string[] }).holidays.push('2025-02-30');
    expect(() => loadProductionCalendar(broken)).toThrow(/2025 год, holidays\[14\]: дата должна быть в формате ГГГГ-ММ-ДД/);
  });

  it('rejects a year listed twice and a transfer missing from daysOff', () => {
    const twice = clone();
    twice.years.push(twice.years[0]);
    expect(() => loadProductionCalendar(twice)).toThrow(/2025 год указан дважды/);
    const noDayOff = clone();
    (noDayOff.years[1] as { transfers: { from: string; to: string }[] }).transfers.push({ from: '2026-02-21', to: '2026-02-24' });
    expect(() => loadProductionCalendar(noDayOff)).toThrow(/2026-02-24 из переноса не указан в daysOff/);
  });
});

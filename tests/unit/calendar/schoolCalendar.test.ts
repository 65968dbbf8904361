import { describe, expect, it } from 'vitest';
import data from '../../../assets/production-calendar.json';
import {
  SchoolCalendarError,
  countSchoolDays,
  createSchoolCalendar,
  holidaysFor,
  isSchoolDay,
  loadProductionCalendar,
  schoolDaysBetween,
  timetableWeekday,
  weekLengthOf,
} from '../../../src-shared/domain/calendar';
import type { SchoolCalendarSettingsInput } from '../../../src-shared/domain/calendar';

const production = loadProductionCalendar(data);

// 2025/26: five-day week, grades 10–11 study six days; an extra February week for grade 1.
const year2025: SchoolCalendarSettingsInput = {
  academicYear: { start: '2025-09-01', end: '2026-05-26' },
  weekLength: { default: 5, byGrade: { '10': 6, '11': 6 } },
  holidays: [
    { name: 'Осенние каникулы', from: '2025-10-25', to: '2025-11-04' },
    { name: 'Зимние каникулы', from: '2025-12-31', to: '2026-01-11' },
    { name: 'Дополнительные каникулы', from: '2026-02-14', to: '2026-02-22', grades: [1] },
    { name: 'Весенние каникулы', from: '2026-03-28', to: '2026-04-05' },
  ],
  daysOff: [{ date: '2026-05-08', reason: 'приказ директора' }],
};

// 2026/27: Saturday 31 October works as Monday instead of Monday 2 November.
const year2026: SchoolCalendarSettingsInput = {
  academicYear: { start: '2026-09-01', end: '2027-05-31' },
  transfers: [{ date: '2026-10-31', worksAs: 1, dayOff: '2026-11-02', reason: 'перенос учебного дня' }],
};

const cal = createSchoolCalendar(year2025, production);
const next = createSchoolCalendar(year2026, production);

describe('school transfers', () => {
  it('makes a Saturday a school day on Monday’s timetable for a five-day grade', () => {
    expect(isSchoolDay(next, 3, '2026-10-31')).toBe(true);
    expect(timetableWeekday(next, 3, '2026-10-31')).toBe(1);
    expect(isSchoolDay(next, 3, '2026-11-02')).toBe(false);
    expect(timetableWeekday(next, 3, '2026-11-02')).toBeNull();
    expect(isSchoolDay(next, 3, '2026-10-24')).toBe(false); // an ordinary Saturday
  });

  it('lets an explicit transfer put lessons on a federal day off, and only for its grades', () => {
    const special = createSchoolCalendar(
      { ...year2025, transfers: [{ date: '2026-03-09', worksAs: 1, grades: [9, 11] }] },
      production,
    );
    expect(isSchoolDay(special, 9, '2026-03-09')).toBe(true);
    expect(timetableWeekday(special, 11, '2026-03-09')).toBe(1);
    expect(isSchoolDay(special, 8, '2026-03-09')).toBe(false);
  });
});

describe('federal calendar inside the school year', () => {
  it('never has lessons on a federal non-working day, even in six-day grades', () => {
    for (const d of ['2026-02-23', '2026-03-09', '2026-05-01', '2026-05-11']) {
      expect(isSchoolDay(cal, 5, d), d).toBe(false);
      expect(isSchoolDay(cal, 10, d), d).toBe(false);
    }
  });

  it('runs a federal working Saturday on the timetable of the weekday it replaces', () => {
    const noAutumnBreak = createSchoolCalendar({ ...year2025, holidays: [] }, production);
    expect(isSchoolDay(noAutumnBreak, 5, '2025-11-01')).toBe(true);
    expect(timetableWeekday(noAutumnBreak, 5, '2025-11-01')).toBe(1);
    expect(timetableWeekday(noAutumnBreak, 10, '2025-11-01')).toBe(6);
    expect(isSchoolDay(noAutumnBreak, 5, '2025-11-03')).toBe(false);
    // With the autumn break in place the holiday wins.
    expect(isSchoolDay(cal, 5, '2025-11-01')).toBe(false);
  });
});

describe('grades', () => {
  it('gives grade 1 its extra February week and grade 2 not', () => {
    for (const d of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']) {
      expect(isSchoolDay(cal, 1, d), d).toBe(false);
      expect(isSchoolDay(cal, 2, d), d).toBe(true);
    }
    expect(countSchoolDays(cal, 2, '2026-02-01', '2026-02-28')).toBe(19);
    expect(countSchoolDays(cal, 1, '2026-02-01', '2026-02-28')).toBe(14);
    expect(holidaysFor(cal, 1).map((h) => h.name)).toContain('Дополнительные каникулы');
    expect(holidaysFor(cal, 2).map((h) => h.name)).not.toContain('Дополнительные каникулы');
  });

  it('keeps Saturdays for six-day grades only and Sundays off for all', () => {
    expect(weekLengthOf(cal, 5)).toBe(5);
    expect(weekLengthOf(cal, 10)).toBe(6);
    expect(isSchoolDay(cal, 5, '2025-09-06')).toBe(false);
    expect(isSchoolDay(cal, 10, '2025-09-06')).toBe(true);
    expect(timetableWeekday(cal, 10, '2025-09-06')).toBe(6);
    expect(isSchoolDay(cal, 10, '2025-09-07')).toBe(false);
  });
});

describe('school days between two dates', () => {
  it('lists the school days of a class', () => {
    expect(schoolDaysBetween(cal, 5, '2025-09-01', '2025-09-09')).toEqual([
      '2025-09-01', '2025-09-02', '2025-09-03', '2025-09-04', '2025-09-05', '2025-09-08', '2025-09-09',
    ]);
    expect(countSchoolDays(cal, 10, '2025-09-01', '2025-09-14')).toBe(12);
  });

  it('skips holidays, school days off and dates outside the academic year', () => {
    // Winter break until 11 January: 15 weekdays left in January.
    expect(countSchoolDays(cal, 5, '2026-01-01', '2026-01-31')).toBe(15);
    // May: 1 and 11 are federal, 8 is the school's own day off, the year ends on the 26th.
    expect(countSchoolDays(cal, 5, '2026-05-01', '2026-05-31')).toBe(15);
    expect(countSchoolDays(cal, 5, '2026-06-01', '2026-06-30')).toBe(0);
    expect(countSchoolDays(cal, 5, '2025-08-25', '2025-08-31')).toBe(0);
  });
});

describe('settings validation', () => {
  it('explains mistakes in Russian', () => {
    expect(() => createSchoolCalendar({ academicYear: { start: '2026-05-31', end: '2025-09-01' } }, production)).toThrow(
      /конец учебного года раньше его начала/,
    );
    expect(() =>
      createSchoolCalendar({ ...year2025, holidays: [{ from: '2026-01-01', to: '2026-01-05', grades: [12] }] }, production),
    ).toThrow(SchoolCalendarError);
    expect(() =>
      createSchoolCalendar({ ...year2025, transfers: [{ date: '2026-03-14', worksAs: 8 }] }, production),
    ).toThrow(/день недели — от 1/);
    expect(() => createSchoolCalendar({ ...year2025, weekLength: { default: 7 } } as never, production)).toThrow(
      /5 или 6 дней/,
    );
  });
});

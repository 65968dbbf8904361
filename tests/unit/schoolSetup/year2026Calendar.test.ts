import { describe, expect, it } from 'vitest';
import data from '../../../assets/production-calendar.json';
import {
  addWorkingDays,
  countSchoolDays,
  createSchoolCalendar,
  dateRange,
  isSchoolDay,
  isWorkingDay,
  loadProductionCalendar,
  schoolDaysBetween,
  timetableWeekday,
  type SchoolCalendarSettingsInput,
} from '../../../src-shared/domain/calendar';
import { classifyDay, schoolDaysByMonth, summarisePeriods } from '../../../src-shared/domain/schoolSetup/calendarDays';
import { lateNoticeWarning, transferProblems, workingDaysBefore } from '../../../src-shared/domain/schoolSetup/calendarRules';

/**
 * The real 2026/2027 school year of the demo school, on the official 2026 production calendar
 * (decree № 1466) and the 2027 forecast: quarters with the three breaks, the extra February week
 * of grade 1, six-day weeks in 10–11 and a Saturday that works as Monday.
 */
const production = loadProductionCalendar(data);
const year = { name: '2026/2027', startDate: '2026-09-01', endDate: '2027-05-26' };
const settings: SchoolCalendarSettingsInput = {
  academicYear: { start: year.startDate, end: year.endDate },
  weekLength: { default: 5, byGrade: { '10': 6, '11': 6 } },
  holidays: [
    { name: 'Осенние каникулы', from: '2026-10-24', to: '2026-11-01' },
    { name: 'Зимние каникулы', from: '2026-12-31', to: '2027-01-11' },
    { name: 'Дополнительные каникулы', from: '2027-02-13', to: '2027-02-21', grades: [1] },
    { name: 'Весенние каникулы', from: '2027-03-27', to: '2027-04-04' },
  ],
  transfers: [{ date: '2026-11-14', worksAs: 1, dayOff: '2026-11-02', reason: 'Перенос учебного дня (приказ № 112)' }],
};
const cal = createSchoolCalendar(settings, production);
const quarters = [
  { name: '1 четверть', startDate: '2026-09-01', endDate: '2026-10-23' },
  { name: '2 четверть', startDate: '2026-11-02', endDate: '2026-12-30' },
  { name: '3 четверть', startDate: '2027-01-12', endDate: '2027-03-26' },
  { name: '4 четверть', startDate: '2027-04-05', endDate: '2027-05-26' },
];

describe('2026/2027 on the production calendar', () => {
  it('knows the federal days off of the year (decree № 1466 and art. 112)', () => {
    for (const d of ['2026-01-09', '2026-05-11', '2026-11-04', '2026-12-31', '2027-02-23', '2027-03-08']) {
      expect(isWorkingDay(production, d), d).toBe(false);
      expect(isSchoolDay(cal, 5, d), d).toBe(false);
      expect(isSchoolDay(cal, 10, d), d).toBe(false);
    }
    expect(isWorkingDay(production, '2026-11-03')).toBe(true);
  });

  it('adds 3 working days over a weekend and a holiday', () => {
    expect(addWorkingDays(production, '2026-11-02', 3)).toBe('2026-11-06'); // 4 November skipped
    expect(addWorkingDays(production, '2026-10-30', 3)).toBe('2026-11-05'); // Friday: weekend and 4 November
    expect(addWorkingDays(production, '2027-02-19', 3)).toBe('2027-02-25'); // weekend and 23 February
    expect(addWorkingDays(production, '2026-12-30', 1)).toBe('2027-01-11'); // 31 December and the New Year days
    expect(workingDaysBefore(production, '2026-11-06', 3)).toBe('2026-11-02');
  });
});

describe('the school calendar of 2026/2027', () => {
  it('makes Saturday 14 November a school day on Monday’s timetable and frees Monday 2 November', () => {
    expect(isSchoolDay(cal, 5, '2026-11-14')).toBe(true);
    expect(timetableWeekday(cal, 5, '2026-11-14')).toBe(1);
    expect(timetableWeekday(cal, 10, '2026-11-14')).toBe(1);
    expect(isSchoolDay(cal, 5, '2026-11-02')).toBe(false);
    expect(isSchoolDay(cal, 5, '2026-11-07')).toBe(false); // an ordinary Saturday of a five-day grade
    expect(schoolDaysBetween(cal, 5, '2026-11-02', '2026-11-15')).toEqual([
      '2026-11-03', '2026-11-05', '2026-11-06', '2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13', '2026-11-14',
    ]);
    expect(classifyDay(cal, 5, '2026-11-14')).toEqual({ date: '2026-11-14', kind: 'school', worksAs: 1, label: 'Перенос учебного дня (приказ № 112)' });
    expect(classifyDay(cal, 5, '2026-11-02')).toMatchObject({ kind: 'dayOff', label: 'Учебный день перенесён на 14.11.2026' });
  });

  it('gives grade 1 its extra February week and grade 2 not', () => {
    for (const d of dateRange('2027-02-15', '2027-02-19')) {
      expect(isSchoolDay(cal, 1, d), d).toBe(false);
      expect(isSchoolDay(cal, 2, d), d).toBe(true);
      expect(classifyDay(cal, 1, d)).toMatchObject({ kind: 'holiday', label: 'Дополнительные каникулы' });
    }
    expect(countSchoolDays(cal, 2, '2027-02-01', '2027-02-28')).toBe(19);
    expect(countSchoolDays(cal, 1, '2027-02-01', '2027-02-28')).toBe(14);
    const q3 = summarisePeriods(cal, 1, quarters)[2];
    expect(q3.schoolDays).toBe(summarisePeriods(cal, 2, quarters)[2].schoolDays - 5);
  });

  it('classifies every date exactly as isSchoolDay decides, for every grade', () => {
    for (const grade of [1, 2, 5, 9, 10, 11]) {
      for (const d of dateRange('2026-08-25', '2027-06-05')) {
        const info = classifyDay(cal, grade, d);
        expect(info.kind === 'school', `${grade}: ${d}`).toBe(isSchoolDay(cal, grade, d));
        if (info.kind === 'school' && info.worksAs) expect(info.worksAs).toBe(timetableWeekday(cal, grade, d));
      }
    }
  });

  it('counts school days per quarter and per month', () => {
    const q = summarisePeriods(cal, 5, quarters);
    expect(q.map((p) => p.schoolDays)).toEqual([39, 42, 52, 36]);
    expect(q[0].weeks).toBe('7 нед. 4 дн.');
    const months = schoolDaysByMonth(cal, 5);
    expect(months.get('2026-09')).toBe(22);
    expect(months.get('2026-11')).toBe(20); // 21 weekdays from 2.11, − 4.11 (holiday), − 2.11 (moved), + Saturday 14.11
    expect(months.get('2027-05')).toBe(16); // 3.05 and 10.05 are days off in the 2027 forecast; the year ends on the 26th
  });
});

describe('transfer checks and notice periods', () => {
  const bare = createSchoolCalendar({ ...settings, transfers: [] }, production);
  it('refuses a transfer onto a school day or freeing a day without lessons', () => {
    expect(transferProblems({ date: '2026-11-14', worksAs: 1, dayOff: '2026-11-02', grades: 'all' }, bare, year)).toEqual([]);
    expect(transferProblems({ date: '2026-11-13', worksAs: 1, dayOff: null, grades: [5] }, bare, year)).toEqual([
      '13.11.2026 (пятница) — уже учебный день для 5 кл., переносить на него нечего',
    ]);
    expect(transferProblems({ date: '2026-12-26', worksAs: 4, dayOff: '2026-12-31', grades: 'all' }, bare, year)).toEqual([
      '31.12.2026 — и так не учебный день для 1–11 кл., освобождать нечего',
    ]);
    expect(transferProblems({ date: '2027-06-05', worksAs: 1, dayOff: null, grades: 'all' }, bare, year)[0]).toMatch(/вне учебного года 2026\/2027/);
  });

  it('warns when a record comes later than the work order allows', () => {
    expect(lateNoticeWarning('transfer', '2026-11-14', '2026-11-11', production)).toBeNull();
    expect(lateNoticeWarning('transfer', '2026-11-14', '2026-11-12', production)).toMatch(/не позднее 3 рабочих дней.*до 11\.11\.2026/);
    expect(lateNoticeWarning('holiday', '2027-03-27', '2027-03-20', production)).toMatch(/2 недель.*до 13\.03\.2027/);
    expect(lateNoticeWarning('classEvent', '2027-03-27', '2027-03-20', production)).toBeNull();
    expect(lateNoticeWarning('schoolEvent', '2026-09-01', '2026-11-29', production)).toBeNull(); // already past
  });
});

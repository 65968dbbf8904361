import { describe, expect, it } from 'vitest';
import data from '../../../assets/production-calendar.json';
import { loadProductionCalendar } from '../../../src-shared/domain/calendar';
import { DEFAULT_RULES } from '../../../src-shared/domain/deadlines/defaultRules';
import { dueDateOf, officeCalendar, yearDateOf } from '../../../src-shared/domain/deadlines/dueDates';
import { ANCHORS, describeTerm, ruleProblems, type DeadlineRule } from '../../../src-shared/domain/deadlines/ruleModel';

const production = loadProductionCalendar(data);
const federal = officeCalendar(production);
/**
 * The school's own order: Saturday 14.11.2026 works on Monday's timetable and Monday 02.11.2026 is
 * freed for every grade (the demo school's extension of the autumn break).
 */
const school = officeCalendar(production, [{ date: '2026-11-14', dayOff: '2026-11-02', allGrades: true }]);

const rule = (key: string): DeadlineRule => {
  const r = DEFAULT_RULES.find((x) => x.key === key);
  if (!r) throw new Error(`no shipped rule ${key}`);
  return r;
};

/**
 * Hand-computed: [rule, anchor date (for a date of the year: the year's start), due date, which
 * calendar, why]. Every dated rule of the work order has at least one row.
 */
type Case = [key: string, anchor: string, due: string, cal: 'federal' | 'school', why: string];
const CASES: Case[] = [
  ['accounts-pupils', '2025-09-05', '2025-09-10', 'federal', 'Friday + 3 working days is Wednesday'],
  ['accounts-pupils', '2025-12-25', '2025-12-30', 'federal', 'Thu 25 → Fri 26, Mon 29, Tue 30'],
  ['accounts-pupils', '2025-12-30', '2026-01-14', 'federal', '31.12.2025 is a day off by the 2025 decree, 1–8 January holidays, 9 January 2026 off by the 2026 decree'],
  ['accounts-pupils', '2026-10-30', '2026-11-06', 'school', 'Mon 2 November freed by the school, Wed 4 November a holiday: Tue 3, Thu 5, Fri 6'],
  ['accounts-pupils', '2026-10-30', '2026-11-05', 'federal', 'without the school transfer: Mon 2, Tue 3, Thu 5'],
  ['accounts-pupils', '2026-11-12', '2026-11-16', 'school', 'Saturday 14 November is worked by the school transfer: Fri 13, Sat 14, Mon 16'],
  ['accounts-pupils', '2026-11-12', '2026-11-17', 'federal', 'without it: Fri 13, Mon 16, Tue 17'],
  ['accounts-staff', '2026-05-08', '2026-05-14', 'federal', 'Mon 11 May 2026 off (9 May fell on a Saturday)'],
  ['accounts-staff', '2027-04-30', '2027-05-06', 'federal', '1 May 2027 is a Saturday, Mon 3 May off by the forecast'],
  ['school-data', '2025-09-01', '2025-09-15', 'federal', '15 September of the 2025/2026 year'],
  ['curriculum', '2026-09-01', '2026-09-15', 'federal', '15 September of the 2026/2027 year'],
  ['staff-data', '2026-09-01', '2026-09-15', 'federal', 'the same date for staff data'],
  ['pupil-data', '2027-09-01', '2027-09-15', 'federal', '2027/2028'],
  ['timetable', '2026-09-01', '2026-09-15', 'federal', 'timetable by 15 September'],
  ['ktp', '2026-09-01', '2026-10-10', 'federal', 'a calendar date stays on its Saturday'],
  ['report-pupils-year-results', '2025-09-01', '2025-10-01', 'federal', '1 October'],
  ['report-pupils-general', '2026-09-01', '2026-10-01', 'federal', '1 October'],
  ['school-events', '2026-10-23', '2026-10-09', 'federal', '2 weeks before'],
  ['school-events', '2027-01-10', '2026-12-27', 'federal', '2 weeks before, across the new year'],
  ['holidays', '2026-10-24', '2026-10-10', 'federal', '2 weeks before the autumn break'],
  ['holidays', '2027-03-27', '2027-03-13', 'federal', '2 weeks before the spring break'],
  ['day-transfers', '2026-11-14', '2026-11-11', 'school', 'Fri 13, Thu 12, Wed 11'],
  ['day-transfers', '2025-05-10', '2025-05-05', 'federal', 'Fri 9 May a holiday, Thu 8 May off by the 2025 decree: Wed 7, Tue 6, Mon 5'],
  ['day-transfers', '2026-11-05', '2026-10-29', 'school', 'Wed 4 a holiday, Mon 2 freed by the school: Tue 3, Fri 30, Thu 29'],
  ['day-transfers', '2026-11-05', '2026-10-30', 'federal', 'without the school transfer: Tue 3, Mon 2, Fri 30'],
  ['class-events', '2027-02-20', '2027-02-13', 'federal', '1 week before'],
  ['period-marks', '2026-10-23', '2026-10-23', 'federal', 'on the last day of the period'],
  ['period-reports-1', '2026-10-23', '2026-10-26', 'federal', 'Friday → Monday'],
  ['period-reports-1', '2026-12-30', '2027-01-11', 'federal', '31.12.2026 off by the 2026 decree, 1–8 January holidays, then the weekend'],
  ['period-reports-1', '2026-03-06', '2026-03-10', 'federal', 'Mon 9 March 2026 off (8 March fell on a Sunday)'],
  ['period-reports-1', '2025-12-30', '2026-01-12', 'federal', 'the 2025 and 2026 decrees together'],
  ['period-reports-2', '2026-10-23', '2026-10-27', 'federal', 'Mon 26, Tue 27'],
  ['period-reports-2', '2026-12-30', '2027-01-12', 'federal', 'Mon 11, Tue 12 January 2027'],
  ['period-reports-2', '2026-03-06', '2026-03-11', 'federal', 'Tue 10, Wed 11'],
  ['period-reports-2', '2025-12-30', '2026-01-13', 'federal', 'Mon 12, Tue 13 January 2026'],
  ['transfer-in-notice', '2026-02-20', '2026-02-25', 'federal', 'Mon 23 February a holiday: Tue 24, Wed 25'],
  ['transfer-out-file', '2026-12-30', '2027-01-02', 'federal', '3 calendar days, holidays included'],
];

describe('due dates of every shipped rule (2025–2027, the 2026 decree and a school transfer)', () => {
  it.each(CASES)('%s from %s → %s (%s calendar: %s)', (key, anchor, due, which, _why) => {
    const r = rule(key);
    const from = r.anchor === 'yearDate' ? yearDateOf(r.monthDay as string, anchor) : anchor;
    const got = dueDateOf(r, from, which === 'school' ? school : federal);
    expect(got.problem).toBeNull();
    expect(got.date).toBe(due);
  });

  it('has a hand-computed case for every dated shipped rule', () => {
    const covered = new Set(CASES.map((c) => c[0]));
    const dated = DEFAULT_RULES.filter((r) => ANCHORS[r.anchor].dated).map((r) => r.key);
    expect(dated.filter((k) => !covered.has(k))).toEqual([]);
  });

  it('marks a due date counted through a forecast year', () => {
    expect(dueDateOf(rule('accounts-staff'), '2027-04-30', federal).forecast).toBe(true);
    expect(dueDateOf(rule('accounts-staff'), '2026-05-08', federal).forecast).toBe(false);
  });

  it('does not count working days through a year the production calendar lacks', () => {
    const got = dueDateOf(rule('accounts-pupils'), '2027-12-29', federal);
    expect(got.date).toBeNull();
    expect(got.problem).toMatch(/нет 2028 года/);
    // Calendar days need no production calendar.
    expect(dueDateOf(rule('school-events'), '2028-03-01', federal)).toEqual({ date: '2028-02-16', forecast: false, problem: null });
  });

  it('places a day and month inside the academic year', () => {
    expect(yearDateOf('09-15', '2026-09-01')).toBe('2026-09-15');
    expect(yearDateOf('01-10', '2026-09-01')).toBe('2027-01-10');
    expect(yearDateOf('09-01', '2026-09-01')).toBe('2026-09-01');
  });
});

describe('rule terms and problems', () => {
  it('words the term the way the work order does', () => {
    expect(describeTerm(rule('accounts-pupils'))).toBe('не позднее 3 рабочих дней после приказа о зачислении');
    expect(describeTerm(rule('period-reports-1'))).toBe('не позднее 1 рабочего дня после окончания учебного периода');
    expect(describeTerm(rule('school-events'))).toBe('не позднее чем за 2 недели до даты школьного мероприятия');
    expect(describeTerm(rule('class-events'))).toBe('не позднее чем за 1 неделю до даты классного мероприятия');
    expect(describeTerm(rule('day-transfers'))).toBe('не позднее чем за 3 рабочих дня до учебного дня, на который переносится расписание');
    expect(describeTerm(rule('curriculum'))).toBe('не позднее 15 сентября учебного года');
    expect(describeTerm(rule('period-marks'))).toBe('в день окончания учебного периода');
    expect(describeTerm(rule('report-occupancy'))).toBe('постоянно');
  });

  it('names the field of a rule that cannot work', () => {
    const base = rule('curriculum');
    expect(ruleProblems({ ...base, offset: -1 }).map((p) => p.field)).toEqual(['offset']);
    expect(ruleProblems({ ...base, monthDay: null }).map((p) => p.field)).toEqual(['monthDay']);
    expect(ruleProblems({ ...base, monthDay: '02-29' }).map((p) => p.field)).toEqual(['monthDay']);
    expect(ruleProblems({ ...base, check: 'accounts' })[0]).toMatchObject({ field: 'check' });
    expect(ruleProblems({ ...rule('report-occupancy'), confirm: 'owner' })[0]).toMatchObject({ field: 'confirm' });
    for (const r of DEFAULT_RULES) expect(ruleProblems(r), r.key).toEqual([]);
  });
});

/**
 * Rules for the records of the school calendar: holidays and days off stay inside the academic
 * year; a transfer (перенос учебного дня) moves lessons onto a day that has none and frees a day
 * that has them; and the work order's notice periods (section 5.4–5.6) turn into warnings.
 */
import { addDays, formatRu, weekday, type IsoDate } from '../calendar/dates';
import { isWorkingDay, type ProductionCalendar } from '../calendar/productionCalendar';
import { isSchoolDay, type SchoolCalendar } from '../calendar/schoolCalendar';
import { WEEKDAY_NAMES } from './bellSchedule';
import { describeRange, type YearBounds } from './studyPeriods';
import { formatGradeList, type GradeScope } from './gradeScope';

export const ENTRY_KINDS = { holiday: 'Каникулы', dayOff: 'Выходной день' } as const;
export type CalendarEntryKind = keyof typeof ENTRY_KINDS;

export function entryOutsideYear(
  entry: { kind: CalendarEntryKind; name: string; startDate: IsoDate; endDate: IsoDate },
  year: YearBounds,
): string | null {
  if (entry.startDate >= year.startDate && entry.endDate <= year.endDate) return null;
  const what = entry.kind === 'holiday' ? 'Каникулы' : 'Выходной день';
  return (
    `${what} «${entry.name}» (${describeRange(entry.startDate, entry.endDate)}) выходят за пределы учебного года ${year.name} ` +
    `(${describeRange(year.startDate, year.endDate)})`
  );
}

function gradesOf(scope: GradeScope): number[] {
  return scope === 'all' ? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] : scope;
}

/**
 * Problems of a transfer against the calendar *without* it: the date must have no lessons for
 * its grades (else there is nothing to move), the freed day must have lessons, both inside the
 * year. Returns Russian messages naming the dates.
 */
export function transferProblems(
  t: { date: IsoDate; worksAs: number; dayOff: IsoDate | null; grades: GradeScope },
  calendarWithout: SchoolCalendar,
  year: YearBounds,
): string[] {
  const problems: string[] = [];
  const inYear = (d: IsoDate) => d >= year.startDate && d <= year.endDate;
  if (!inYear(t.date)) {
    problems.push(`день ${formatRu(t.date)} вне учебного года ${year.name} (${describeRange(year.startDate, year.endDate)})`);
  }
  if (t.dayOff && !inYear(t.dayOff)) {
    problems.push(`освобождаемый день ${formatRu(t.dayOff)} вне учебного года ${year.name} (${describeRange(year.startDate, year.endDate)})`);
  }
  if (t.worksAs < 1 || t.worksAs > 6) problems.push('занятия можно проводить по расписанию дня с понедельника по субботу');
  if (problems.length) return problems;
  const grades = gradesOf(t.grades);
  const alreadySchool = grades.filter((g) => isSchoolDay(calendarWithout, g, t.date));
  if (alreadySchool.length === grades.length) {
    problems.push(`${formatRu(t.date)} (${WEEKDAY_NAMES[weekday(t.date) - 1]}) — уже учебный день для ${formatGradeList(grades)} кл., переносить на него нечего`);
  }
  if (t.dayOff) {
    const noLessons = grades.filter((g) => !isSchoolDay(calendarWithout, g, t.dayOff as IsoDate));
    if (noLessons.length === grades.length) {
      problems.push(`${formatRu(t.dayOff)} — и так не учебный день для ${formatGradeList(grades)} кл., освобождать нечего`);
    }
  }
  return problems;
}

/** The date `n` working days before `date` (the last day a notice may be given). */
export function workingDaysBefore(cal: ProductionCalendar, date: IsoDate, n: number): IsoDate {
  let current = date;
  for (let left = n; left > 0; ) {
    current = addDays(current, -1);
    if (isWorkingDay(cal, current)) left--;
  }
  return current;
}

export type NoticeKind = 'transfer' | 'holiday' | 'schoolEvent' | 'classEvent';

/**
 * The latest date a record may be entered by the work order: transfers 3 working days before the
 * school day (5.5), holidays and school events 2 weeks before (5.4), class events 1 week (5.6).
 */
export function noticeDeadline(kind: NoticeKind, date: IsoDate, cal: ProductionCalendar): IsoDate {
  if (kind === 'transfer') return workingDaysBefore(cal, date, 3);
  if (kind === 'classEvent') return addDays(date, -7);
  return addDays(date, -14);
}

const NOTICE_RULE: Record<NoticeKind, string> = {
  transfer: 'перенос учебного дня вносится не позднее 3 рабочих дней до учебного дня (п. 5.5 Порядка)',
  holiday: 'информация о каникулах вносится не позднее 2 недель до их начала (п. 5.4 Порядка)',
  schoolEvent: 'школьное мероприятие вносится не позднее 2 недель до даты события (п. 5.4 Порядка)',
  classEvent: 'классное мероприятие вносится не позднее 1 недели до даты события (п. 5.6 Порядка)',
};

/** A warning when `today` is past the notice deadline (and the date has not passed yet). */
export function lateNoticeWarning(kind: NoticeKind, date: IsoDate, today: IsoDate, cal: ProductionCalendar): string | null {
  if (date < today) return null;
  const deadline = noticeDeadline(kind, date, cal);
  if (today <= deadline) return null;
  return `Внесено позже срока: ${NOTICE_RULE[kind]}, то есть до ${formatRu(deadline)} включительно. Сообщите участникам отдельно.`;
}

/**
 * The year calendar as a person reads it: every date of a grade classified as a school day,
 * holiday, day off, federal day off, weekend or outside the year, with the reason — for the
 * calendar view and the Excel «Календарный учебный график». The precedence is exactly that of
 * `isSchoolDay` (a unit test walks whole years to prove they agree).
 */
import { dateRange, formatRu, isBetween, weekday, type IsoDate, type Weekday } from '../calendar/dates';
import { timetableWeekday, weekLengthOf, type SchoolCalendar } from '../calendar/schoolCalendar';
import { scopeCovers } from './gradeScope';

export type DayKind = 'school' | 'holiday' | 'dayOff' | 'federal' | 'weekend' | 'outside';

export const DAY_KIND_LABELS: Record<DayKind, string> = {
  school: 'Учебный день',
  holiday: 'Каникулы',
  dayOff: 'Выходной день школы',
  federal: 'Нерабочий праздничный день',
  weekend: 'Выходной',
  outside: 'Вне учебного года',
};

export interface DayInfo {
  date: IsoDate;
  kind: DayKind;
  /** For a school day that runs another weekday's timetable (a transfer, a working Saturday). */
  worksAs: Weekday | null;
  label: string | null;
}

export function classifyDay(cal: SchoolCalendar, grade: number, date: IsoDate): DayInfo {
  const s = cal.settings;
  const p = cal.production;
  const day = (kind: DayKind, label: string | null = null, worksAs: Weekday | null = null): DayInfo => ({ date, kind, worksAs, label });
  if (!isBetween(date, s.academicYear.start, s.academicYear.end)) return day('outside');
  const transfer = s.transfers.find((t) => t.date === date && scopeCovers(t.grades, grade));
  if (transfer) return day('school', transfer.reason ?? 'Перенос учебного дня', transfer.worksAs);
  const freed = s.transfers.find((t) => t.dayOff === date && scopeCovers(t.grades, grade));
  if (freed) return day('dayOff', `Учебный день перенесён на ${formatRu(freed.date)}`);
  const holiday = s.holidays.find((h) => scopeCovers(h.grades, grade) && isBetween(date, h.from, h.to));
  if (holiday) return day('holiday', holiday.name);
  const off = s.daysOff.find((d) => d.date === date && scopeCovers(d.grades, grade));
  if (off) return day('dayOff', off.reason ?? 'Выходной день');
  if (p.nonWorking.has(date)) return day('federal', p.holidays.has(date) ? 'Нерабочий праздничный день' : 'Выходной день (перенос)');
  const wd = weekday(date);
  if (p.workingWeekends.has(date)) {
    const runs = timetableWeekday(cal, grade, date);
    return day('school', 'Рабочий день по постановлению о переносе', runs !== null && runs !== wd ? runs : null);
  }
  if (wd === 7 || (wd === 6 && weekLengthOf(cal, grade) === 5)) return day('weekend');
  return day('school');
}

export function classifyRange(cal: SchoolCalendar, grade: number, from: IsoDate, to: IsoDate): DayInfo[] {
  return dateRange(from, to).map((d) => classifyDay(cal, grade, d));
}

/** «8 нед. 3 дн.»: school weeks of a period for a 5- or 6-day week. */
export function weeksText(schoolDays: number, weekLength: number): string {
  const weeks = Math.floor(schoolDays / weekLength);
  const rest = schoolDays % weekLength;
  return rest ? `${weeks} нед. ${rest} дн.` : `${weeks} нед.`;
}

export interface PeriodSummary {
  name: string;
  startDate: IsoDate;
  endDate: IsoDate;
  schoolDays: number;
  weeks: string;
}

export function summarisePeriods(
  cal: SchoolCalendar,
  grade: number,
  periods: readonly { name: string; startDate: IsoDate; endDate: IsoDate }[],
): PeriodSummary[] {
  const wl = weekLengthOf(cal, grade);
  return periods.map((p) => {
    const schoolDays = classifyRange(cal, grade, p.startDate, p.endDate).filter((d) => d.kind === 'school').length;
    return { name: p.name, startDate: p.startDate, endDate: p.endDate, schoolDays, weeks: weeksText(schoolDays, wl) };
  });
}

/** School days per calendar month (`YYYY-MM` → count) over the academic year. */
export function schoolDaysByMonth(cal: SchoolCalendar, grade: number): Map<string, number> {
  const { start, end } = cal.settings.academicYear;
  const out = new Map<string, number>();
  for (const d of classifyRange(cal, grade, start, end)) {
    const key = d.date.slice(0, 7);
    out.set(key, (out.get(key) ?? 0) + (d.kind === 'school' ? 1 : 0));
  }
  return out;
}

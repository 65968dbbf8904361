import type { Selectable } from 'kysely';
import { dateRange } from '../../../../src-shared/domain/calendar/dates';
import type { ProductionCalendar } from '../../../../src-shared/domain/calendar/productionCalendar';
import {
  createSchoolCalendar,
  schoolDaysBetween,
  type SchoolCalendar,
  type SchoolCalendarSettingsInput,
} from '../../../../src-shared/domain/calendar/schoolCalendar';
import { decodeGradeScope } from '../../../../src-shared/domain/schoolSetup/gradeScope';
import type { Weekday } from '../../../../src-shared/domain/calendar/dates';
import type { CalendarEntryTable, DayTransferTable } from '../../db/schema';
import type { Logger } from '../../foundation/logger';
import { findYear, type YearRow } from './years';
import { loadEffectiveProductionCalendar } from './productionCalendar';
import type { Executor } from '../../foundation/executor';
import { notFound } from '../../foundation/refusals';

/**
 * Builds the pure `SchoolCalendar` of an academic year from the database: the year's dates and
 * week lengths, its holidays and days off, its transfers — on top of the effective production
 * calendar. Other modules (deadlines, timetable, reports) ask "is this a school day for class X"
 * through `loadSchoolCalendar` + the functions of `src-shared/domain/calendar`.
 */

export function parseWeekLengthByGrade(text: string | null | undefined): Record<string, 5 | 6> {
  try {
    const data = JSON.parse(text || '{}') as Record<string, unknown>;
    const out: Record<string, 5 | 6> = {};
    for (const [k, v] of Object.entries(data)) if (v === 5 || v === 6) out[k] = v;
    return out;
  } catch {
    return {};
  }
}

export interface CalendarRows {
  entries: Selectable<CalendarEntryTable>[];
  transfers: Selectable<DayTransferTable>[];
}

export async function calendarRows(db: Executor, yearId: string): Promise<CalendarRows> {
  const [entries, transfers] = await Promise.all([
    db.selectFrom('calendarEntry').selectAll().where('academicYearId', '=', yearId).orderBy('startDate').execute(),
    db.selectFrom('dayTransfer').selectAll().where('academicYearId', '=', yearId).orderBy('date').execute(),
  ]);
  return { entries, transfers };
}

export function settingsOf(year: YearRow, rows: CalendarRows, override?: { grade: number; weekLength: 5 | 6 }): SchoolCalendarSettingsInput {
  const byGrade = parseWeekLengthByGrade(year.weekLengthByGrade);
  if (override) byGrade[String(override.grade)] = override.weekLength;
  return {
    academicYear: { start: year.startDate, end: year.endDate },
    weekLength: { default: year.weekLength === 6 ? 6 : 5, byGrade },
    holidays: rows.entries
      .filter((e) => e.kind === 'holiday')
      .map((e) => ({ name: e.name, from: e.startDate, to: e.endDate, grades: decodeGradeScope(e.grades) })),
    daysOff: rows.entries
      .filter((e) => e.kind === 'dayOff')
      .flatMap((e) => dateRange(e.startDate, e.endDate).map((date) => ({ date, reason: e.name, grades: decodeGradeScope(e.grades) }))),
    transfers: rows.transfers.map((t) => ({
      date: t.date,
      worksAs: t.worksAs as Weekday,
      dayOff: t.dayOffDate ?? undefined,
      grades: decodeGradeScope(t.grades),
      reason: t.reason ?? undefined,
    })),
  };
}

export interface LoadedCalendar {
  year: YearRow;
  rows: CalendarRows;
  production: ProductionCalendar;
  calendar: SchoolCalendar;
}

/**
 * The school calendar of a year; `override` gives one grade another week length (a class that
 * studies six days in a five-day grade).
 */
export async function loadSchoolCalendar(
  db: Executor,
  yearId: string,
  opts: { logger?: Logger; production?: ProductionCalendar; override?: { grade: number; weekLength: 5 | 6 } } = {},
): Promise<LoadedCalendar> {
  const year = await findYear(db, yearId);
  if (!year) throw notFound('Учебный год');
  const rows = await calendarRows(db, yearId);
  const production = opts.production ?? (await loadEffectiveProductionCalendar(db, opts.logger));
  return { year, rows, production, calendar: createSchoolCalendar(settingsOf(year, rows, opts.override), production) };
}

/** The calendar of one class: its grade, with the class's own week length when it has one. */
export async function loadClassCalendar(db: Executor, classId: string, logger?: Logger): Promise<LoadedCalendar & { grade: number; className: string }> {
  const cls = await db.selectFrom('schoolClass').select(['academicYearId', 'grade', 'name', 'weekLength']).where('id', '=', classId).executeTakeFirst();
  if (!cls) throw notFound('Класс');
  const override = cls.weekLength === 5 || cls.weekLength === 6 ? { grade: cls.grade, weekLength: cls.weekLength as 5 | 6 } : undefined;
  const loaded = await loadSchoolCalendar(db, cls.academicYearId, { logger, override });
  return { ...loaded, grade: cls.grade, className: cls.name };
}

/**
 * "School days of class X between two dates" from the production calendar plus the school's own
 * calendar — for deadlines, reports and the timetable.
 */
export async function classSchoolDaysBetween(db: Executor, classId: string, from: string, to: string, logger?: Logger): Promise<string[]> {
  const { calendar, grade } = await loadClassCalendar(db, classId, logger);
  return schoolDaysBetween(calendar, grade, from, to);
}

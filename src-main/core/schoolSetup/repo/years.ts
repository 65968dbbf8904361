import type { Selectable } from 'kysely';
import { describeRange } from '../../../../src-shared/domain/schoolSetup/studyPeriods';
import type { AcademicYearTable } from '../../db/schema';
import { notFound, refusal } from '../../foundation/refusals';
import type { Executor } from '../../foundation/executor';

/** Shared habits of the school set-up services: academic years as the frame of every write. */

export type YearRow = Selectable<AcademicYearTable>;

export async function findYear(db: Executor, id: string): Promise<YearRow | undefined> {
  return db.selectFrom('academicYear').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Holds the year's row until the transaction ends, so writes of one year that must see each other
 * (two approvals of timetable versions, each reading which approved versions it ends) run one after
 * the other on PostgreSQL, where each connection otherwise reads before the other commits. SQLite has
 * one writer at a time already. A no-op UPDATE takes the row lock on both databases (SQLite has no
 * FOR UPDATE).
 */
export async function lockYear(trx: Executor, id: string): Promise<void> {
  await trx.updateTable('academicYear').set((eb) => ({ id: eb.ref('id') })).where('id', '=', id).execute();
}

/** The year of a write: it must exist and be open (closed years are read-only). */
export async function writableYear(db: Executor, id: string): Promise<YearRow> {
  const year = await findYear(db, id);
  if (!year) throw notFound('Учебный год');
  if (year.isClosed === 1) {
    throw refusal(`Учебный год ${year.name} закрыт: его данные только для чтения. Администратор может открыть год заново`);
  }
  return year;
}

export function yearBounds(year: YearRow): { name: string; startDate: string; endDate: string } {
  return { name: year.name, startDate: year.startDate, endDate: year.endDate };
}

export function describeYear(year: YearRow): string {
  return `${year.name} (${describeRange(year.startDate, year.endDate)})`;
}


export type YearValues = { name: string; startDate: string; endDate: string; weekLength: number; weekLengthByGrade: string; updatedAt: string };

/** All years, the latest first. */
export async function yearRows(db: Executor): Promise<YearRow[]> {
  return db.selectFrom('academicYear').selectAll().orderBy('startDate', 'desc').execute();
}

export async function currentYearRows(db: Executor): Promise<{ id: string; name: string; version: number }[]> {
  return db.selectFrom('academicYear').select(['id', 'name', 'version']).where('isCurrent', '=', 1).execute();
}

export async function insertYear(db: Executor, id: string, values: YearValues, isCurrent: boolean): Promise<void> {
  await db
    .insertInto('academicYear')
    .values({ id, ...values, isCurrent: isCurrent ? 1 : 0, isClosed: 0, version: 1 })
    .execute();
}

export async function updateYear(db: Executor, id: string, values: Partial<YearValues> & { isCurrent?: number; isClosed?: number }, version: number, onlyIfVersion = false): Promise<void> {
  let q = db.updateTable('academicYear').set({ ...values, version: version + 1 }).where('id', '=', id);
  if (onlyIfVersion) q = q.where('version', '=', version);
  await q.execute();
}

/** Dated records of the year (periods, holidays, transfers, events), to check them against new dates. */
export async function datedRecordsOfYear(db: Executor, yearId: string) {
  const periods = await db
    .selectFrom('studyPeriod')
    .innerJoin('studyPeriodScheme', 'studyPeriodScheme.id', 'studyPeriod.schemeId')
    .select(['studyPeriod.name', 'studyPeriod.startDate', 'studyPeriod.endDate', 'studyPeriodScheme.name as scheme'])
    .where('studyPeriodScheme.academicYearId', '=', yearId)
    .execute();
  const entries = await db.selectFrom('calendarEntry').select(['name', 'startDate', 'endDate']).where('academicYearId', '=', yearId).execute();
  const transfers = await db.selectFrom('dayTransfer').select(['date', 'dayOffDate']).where('academicYearId', '=', yearId).execute();
  const events = await db.selectFrom('schoolEvent').select(['title', 'date']).where('academicYearId', '=', yearId).execute();
  return { periods, entries, transfers, events };
}

/** Class rows of the year that the set-up check looks at. */
export async function classesForSetupCheck(db: Executor, yearId: string) {
  return db.selectFrom('schoolClass').select(['name', 'grade', 'shift', 'classTeacherId', 'weekLength']).where('academicYearId', '=', yearId).execute();
}

export async function bellDaysOfYear(db: Executor, yearId: string): Promise<{ shift: number; weekdays: string }[]> {
  return db.selectFrom('bellSchedule').select(['shift', 'weekdays']).where('academicYearId', '=', yearId).execute();
}

/** Deletes a year with what hangs on it: study periods, bell schedules, calendar records. Classes are refused earlier. */
export async function deleteYearRows(db: Executor, id: string): Promise<void> {
  const schemes = db.selectFrom('studyPeriodScheme').select('id').where('academicYearId', '=', id);
  await db.deleteFrom('studyPeriod').where('schemeId', 'in', schemes).execute();
  await db.deleteFrom('studyPeriodSchemeGrade').where('academicYearId', '=', id).execute();
  await db.deleteFrom('studyPeriodScheme').where('academicYearId', '=', id).execute();
  const bells = db.selectFrom('bellSchedule').select('id').where('academicYearId', '=', id);
  await db.deleteFrom('bellLesson').where('scheduleId', 'in', bells).execute();
  await db.deleteFrom('bellSchedule').where('academicYearId', '=', id).execute();
  for (const t of ['calendarEntry', 'dayTransfer', 'schoolEvent'] as const) await db.deleteFrom(t).where('academicYearId', '=', id).execute();
  await db.deleteFrom('academicYear').where('id', '=', id).execute();
}

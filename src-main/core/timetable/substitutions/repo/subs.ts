import type { Insertable, Selectable } from 'kysely';
import type { TimetableAbsenceTable, TimetableSubstitutionTable } from '../../../db/schemaTimetable';
import type { Executor } from '../../../foundation/executor';

/** SQL of absences and substitutions — the only place that touches timetable_absence / timetable_substitution. */

export type AbsenceRow = Selectable<TimetableAbsenceTable>;
export type SubstitutionRow = Selectable<TimetableSubstitutionTable>;

export async function absencesBetween(db: Executor, from: string, to: string): Promise<AbsenceRow[]> {
  return db.selectFrom('timetableAbsence').selectAll().where('dateFrom', '<=', to).where('dateTo', '>=', from).orderBy('dateFrom').orderBy('id').execute();
}

export async function findAbsence(db: Executor, id: string): Promise<AbsenceRow | undefined> {
  return db.selectFrom('timetableAbsence').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function absencesOfStaff(db: Executor, staffId: string, from: string, to: string): Promise<AbsenceRow[]> {
  return db.selectFrom('timetableAbsence').selectAll().where('staffId', '=', staffId).where('dateFrom', '<=', to).where('dateTo', '>=', from).execute();
}

export async function insertAbsence(db: Executor, row: Insertable<TimetableAbsenceTable>): Promise<void> {
  await db.insertInto('timetableAbsence').values(row).execute();
}

export async function deleteAbsenceIf(db: Executor, id: string, version: number): Promise<{ deleted: boolean; substitutions: number }> {
  const subs = await db.deleteFrom('timetableSubstitution').where('absenceId', '=', id).executeTakeFirst();
  const r = await db.deleteFrom('timetableAbsence').where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return { deleted: Number(r.numDeletedRows) === 1, substitutions: Number(subs.numDeletedRows) };
}

export async function substitutionsBetween(db: Executor, from: string, to: string): Promise<SubstitutionRow[]> {
  return db.selectFrom('timetableSubstitution').selectAll().where('date', '>=', from).where('date', '<=', to).orderBy('date').orderBy('period').execute();
}

export async function findSubstitution(db: Executor, id: string): Promise<SubstitutionRow | undefined> {
  return db.selectFrom('timetableSubstitution').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function substitutionOf(db: Executor, date: string, lessonId: string, occurrence: number): Promise<SubstitutionRow | undefined> {
  return db.selectFrom('timetableSubstitution').selectAll().where('date', '=', date).where('lessonId', '=', lessonId).where('occurrence', '=', occurrence).executeTakeFirst();
}

export async function insertSubstitution(db: Executor, row: Insertable<TimetableSubstitutionTable>): Promise<void> {
  await db.insertInto('timetableSubstitution').values(row).execute();
}

export async function deleteSubstitutionIf(db: Executor, id: string, version: number): Promise<boolean> {
  const r = await db.deleteFrom('timetableSubstitution').where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

/** The ISO weekday whose timetable runs on a date moved by a перенос учебного дня, if any. */
export async function transferOn(db: Executor, date: string): Promise<number | null> {
  const r = await db.selectFrom('dayTransfer').select('worksAs').where('date', '=', date).where('grades', 'is', null).executeTakeFirst();
  return r ? Number(r.worksAs) : null;
}

export async function yearOfDate(db: Executor, date: string) {
  return db.selectFrom('academicYear').select(['id', 'name', 'isClosed']).where('startDate', '<=', date).where('endDate', '>=', date).executeTakeFirst();
}

export async function staffById(db: Executor, id: string) {
  return db.selectFrom('staff').select(['id', 'lastName', 'firstName', 'middleName']).where('id', '=', id).executeTakeFirst();
}

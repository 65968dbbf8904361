import type { Insertable } from 'kysely';
import type { SchoolClassTable } from '../../db/schema';
import { inChunks, type YearRow } from '../common';
import type { Executor } from '../../foundation/executor';

/** What the year rollover reads to plan and writes to apply, besides the orders it signs. */

export async function yearNamed(db: Executor, name: string): Promise<YearRow | undefined> {
  return db.selectFrom('academicYear').selectAll().where('name', '=', name).executeTakeFirst();
}

/** The year whose dates hold `date` (an order belongs to the year it is dated in). */
export async function yearIdOn(db: Executor, date: string): Promise<string | undefined> {
  return (await db.selectFrom('academicYear').select('id').where('startDate', '<=', date).where('endDate', '>=', date).executeTakeFirst())?.id;
}

export async function classRowsOfYear(db: Executor, yearId: string) {
  return db.selectFrom('schoolClass').selectAll().where('academicYearId', '=', yearId).execute();
}

/** Whether any of the classes has ever had a pupil. */
export async function anyoneInClasses(db: Executor, classIds: readonly string[]): Promise<boolean> {
  return !!(await db
    .selectFrom('classMembership')
    .select('id')
    .where('classId', 'in', [...classIds, '-'])
    .executeTakeFirst());
}

/** The classes among `classIds` that have subgroups. */
export async function classesWithSubgroups(db: Executor, classIds: readonly string[]): Promise<Set<string>> {
  const rows = await db.selectFrom('subgroup').select('classId').distinct().where('classId', 'in', [...classIds, '-']).execute();
  return new Set(rows.map((r) => r.classId));
}

export async function pupilNameRows(db: Executor, ids: readonly string[]) {
  return inChunks(ids, (chunk) => db.selectFrom('pupil').select(['id', 'lastName', 'firstName', 'middleName']).where('id', 'in', chunk).execute());
}

export async function staffNameRows(db: Executor, ids: readonly string[]) {
  return inChunks(ids, (chunk) => db.selectFrom('staff').select(['id', 'lastName', 'firstName', 'middleName']).where('id', 'in', chunk).execute());
}

export async function insertYearRow(db: Executor, r: { id: string; name: string; startDate: string; endDate: string; updatedAt: string }): Promise<void> {
  await db.insertInto('academicYear').values({ ...r, isCurrent: 0, isClosed: 0, version: 1 }).execute();
}

/** What a new class carries over from its predecessor: the programme and the week. */
export async function classProgramme(db: Executor, classId: string) {
  return db.selectFrom('schoolClass').select(['programme', 'programmeVariant', 'weekLength']).where('id', '=', classId).executeTakeFirst();
}

export async function insertClassRow(db: Executor, row: Insertable<SchoolClassTable>): Promise<void> {
  await db.insertInto('schoolClass').values(row).execute();
}

export async function classLinks(db: Executor, classId: string) {
  return db.selectFrom('schoolClass').select(['classTeacherId', 'previousClassId', 'version']).where('id', '=', classId).executeTakeFirstOrThrow();
}

export async function updateClassLinks(db: Executor, classId: string, links: { classTeacherId: string | null; previousClassId: string | null }, version: number, at: string): Promise<void> {
  await db
    .updateTable('schoolClass')
    .set({ ...links, version: version + 1, updatedAt: at })
    .where('id', '=', classId)
    .execute();
}

import type { Executor } from '../../foundation/executor';
import { inChunks } from '../../movement/index';

/**
 * Small reads of the report engine: the school's names, the current year, whether a year or a
 * class exists, the caller's classes in the year of a day, and the names behind a drill-down.
 */
export async function schoolCardNames(db: Executor): Promise<{ shortName: string | null; fullName: string | null; actualAddress: string | null; legalAddress: string | null }> {
  const row = await db.selectFrom('schoolCard').select(['shortName', 'fullName', 'actualAddress', 'legalAddress']).where('id', '=', 'main').executeTakeFirst();
  return { shortName: row?.shortName ?? null, fullName: row?.fullName ?? null, actualAddress: row?.actualAddress ?? null, legalAddress: row?.legalAddress ?? null };
}

export async function currentYearId(db: Executor): Promise<string | null> {
  return (await db.selectFrom('academicYear').select('id').where('isCurrent', '=', 1).executeTakeFirst())?.id ?? null;
}

export async function findYear(db: Executor, id: string): Promise<{ id: string; name: string; startDate: string; endDate: string } | undefined> {
  return db.selectFrom('academicYear').select(['id', 'name', 'startDate', 'endDate']).where('id', '=', id).executeTakeFirst();
}

export async function classExists(db: Executor, id: string): Promise<boolean> {
  return Boolean(await db.selectFrom('schoolClass').select('id').where('id', '=', id).executeTakeFirst());
}

export async function pupilExists(db: Executor, id: string): Promise<boolean> {
  return Boolean(await db.selectFrom('pupil').select('id').where('id', '=', id).executeTakeFirst());
}

/** Of the given classes, those of the year a day falls in. */
export async function classesInYearOf(db: Executor, ids: readonly string[], date: string): Promise<string[]> {
  const rows = await db
    .selectFrom('schoolClass as c')
    .innerJoin('academicYear as y', 'y.id', 'c.academicYearId')
    .select('c.id')
    .where('c.id', 'in', [...ids, '-'])
    .where('y.startDate', '<=', date)
    .where('y.endDate', '>=', date)
    .execute();
  return rows.map((r) => r.id);
}

export async function classesWithTeachers(db: Executor, ids: readonly string[]) {
  return inChunks(ids, (chunk) =>
    db
      .selectFrom('schoolClass as c')
      .leftJoin('staff as t', 't.id', 'c.classTeacherId')
      .select(['c.id', 'c.name', 'c.grade', 'c.letter', 't.lastName', 't.firstName', 't.middleName'])
      .where('c.id', 'in', chunk)
      .execute(),
  );
}

export async function personNames(db: Executor, table: 'pupil' | 'staff', ids: readonly string[]) {
  return inChunks(ids, (chunk) => db.selectFrom(table).select(['id', 'lastName', 'firstName', 'middleName', 'birthDate']).where('id', 'in', chunk).execute());
}

export async function classShifts(db: Executor, ids: readonly string[]): Promise<Map<string, number>> {
  return new Map((await inChunks(ids, (chunk) => db.selectFrom('schoolClass').select(['id', 'shift']).where('id', 'in', chunk).execute())).map((r) => [r.id, Number(r.shift)]));
}

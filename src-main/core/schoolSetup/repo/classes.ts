import type { Insertable } from 'kysely';
import type { SchoolClassTable } from '../../db/schema';
import type { Executor } from '../../foundation/executor';
import { validOn } from '../../foundation/validOn';

/** Classes of a year as stored: rows with their teacher, room and last year's class; counts; writes. */

export async function classRows(db: Executor, yearId: string, id?: string) {
  let q = db
    .selectFrom('schoolClass as c')
    .leftJoin('staff', 'staff.id', 'c.classTeacherId')
    .leftJoin('room', 'room.id', 'c.homeRoomId')
    .leftJoin('schoolClass as p', 'p.id', 'c.previousClassId')
    .selectAll('c')
    .select(['staff.lastName', 'staff.firstName', 'staff.middleName', 'room.number as roomNumber', 'p.name as previousName'])
    .where('c.academicYearId', '=', yearId);
  if (id) q = q.where('c.id', '=', id);
  return q.execute();
}

/** Pupils on `on` and subgroups, per class of `ids`. */
export async function classCounts(db: Executor, ids: readonly string[], on: string): Promise<{ pupils: Map<string, number>; groups: Map<string, number> }> {
  if (ids.length === 0) return { pupils: new Map(), groups: new Map() };
  const pupils = await db
    .selectFrom('classMembership')
    .select(['classId', (eb) => eb.fn.countAll().as('n')])
    .where('classId', 'in', [...ids])
    .where(validOn(null, on))
    .groupBy('classId')
    .execute();
  const groups = await db.selectFrom('subgroup').select(['classId', (eb) => eb.fn.countAll().as('n')]).where('classId', 'in', [...ids]).groupBy('classId').execute();
  return { pupils: new Map(pupils.map((p) => [p.classId, Number(p.n)])), groups: new Map(groups.map((g) => [g.classId, Number(g.n)])) };
}

export async function findClassRow(db: Executor, id: string) {
  return db.selectFrom('schoolClass').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function staffExists(db: Executor, id: string): Promise<boolean> {
  return !!(await db.selectFrom('staff').select('id').where('id', '=', id).executeTakeFirst());
}

export async function roomExists(db: Executor, id: string): Promise<boolean> {
  return !!(await db.selectFrom('room').select('id').where('id', '=', id).executeTakeFirst());
}

/** A class with its year's start and name, to check a «last year's class» reference. */
export async function classWithYear(db: Executor, id: string) {
  return db
    .selectFrom('schoolClass')
    .innerJoin('academicYear', 'academicYear.id', 'schoolClass.academicYearId')
    .select(['schoolClass.name', 'schoolClass.grade', 'academicYear.startDate', 'academicYear.name as yearName'])
    .where('schoolClass.id', '=', id)
    .executeTakeFirst();
}

export async function classesLedBy(db: Executor, yearId: string, staffId: string): Promise<{ id: string; name: string }[]> {
  return db.selectFrom('schoolClass').select(['id', 'name']).where('academicYearId', '=', yearId).where('classTeacherId', '=', staffId).execute();
}

export async function classNamed(db: Executor, yearId: string, name: string): Promise<{ id: string } | undefined> {
  return db.selectFrom('schoolClass').select('id').where('academicYearId', '=', yearId).where('name', '=', name).executeTakeFirst();
}

export async function classNamesOfYear(db: Executor, yearId: string): Promise<string[]> {
  return (await db.selectFrom('schoolClass').select('name').where('academicYearId', '=', yearId).execute()).map((r) => r.name);
}

/** Name, grade and shift of every class of the year, by grade and letter (the calendar's rows). */
export async function classGradesOfYear(db: Executor, yearId: string): Promise<{ name: string; grade: number; shift: number }[]> {
  return db.selectFrom('schoolClass').select(['name', 'grade', 'shift']).where('academicYearId', '=', yearId).orderBy('grade').orderBy('letter').execute();
}

export async function classIdsOfGrade(db: Executor, yearId: string, grade: number): Promise<string[]> {
  return (await db.selectFrom('schoolClass').select('id').where('academicYearId', '=', yearId).where('grade', '=', grade).execute()).map((r) => r.id);
}

export async function insertClass(db: Executor, row: Insertable<SchoolClassTable>): Promise<void> {
  await db.insertInto('schoolClass').values(row).execute();
}

export async function updateClass(db: Executor, id: string, values: Omit<Insertable<SchoolClassTable>, 'id' | 'academicYearId' | 'version'>, version: number): Promise<void> {
  await db.updateTable('schoolClass').set({ ...values, version: version + 1 }).where('id', '=', id).where('version', '=', version).execute();
}

/** What keeps a class from being deleted: any pupil ever, next year's class, an event. */
export async function classDeleteBlockers(db: Executor, id: string): Promise<{ hasMembers: boolean; nextName: string | null; eventTitle: string | null }> {
  const members = await db.selectFrom('classMembership').select('id').where('classId', '=', id).executeTakeFirst();
  const next = await db.selectFrom('schoolClass').select('name').where('previousClassId', '=', id).executeTakeFirst();
  const event = await db.selectFrom('schoolEvent').select('title').where('classId', '=', id).executeTakeFirst();
  return { hasMembers: !!members, nextName: next?.name ?? null, eventTitle: event?.title ?? null };
}

/** Deletes the class with its subgroups and their (past) members. */
export async function deleteClassRows(db: Executor, id: string): Promise<void> {
  const groups = db.selectFrom('subgroup').select('id').where('classId', '=', id);
  await db.deleteFrom('subgroupMember').where('subgroupId', 'in', groups).execute();
  await db.deleteFrom('subgroup').where('classId', '=', id).execute();
  await db.deleteFrom('schoolClass').where('id', '=', id).execute();
}

export async function classPupilRows(db: Executor, classId: string, on: string) {
  return db
    .selectFrom('classMembership')
    .innerJoin('pupil', 'pupil.id', 'classMembership.pupilId')
    .select(['pupil.id', 'pupil.lastName', 'pupil.firstName', 'pupil.middleName', 'pupil.sex'])
    .where('classMembership.classId', '=', classId)
    .where(validOn('classMembership', on))
    .execute();
}

import { newId } from '../../../../src-shared/domain/ids';
import type { Executor } from '../../foundation/executor';

/** Teacher assignments (who teaches a class's subject or group) as stored: the load's writes. */
export interface AssignmentKey {
  yearId: string;
  classId: string;
  subjectId: string;
  groupNo: number;
}

/** `id`: a writer that planned its ids ahead (the portal pull) passes its own. */
export async function insertAssignment(db: Executor, key: AssignmentKey, staffId: string, at: string, id: string = newId()): Promise<void> {
  await db
    .insertInto('teachingAssignment')
    .values({ id, academicYearId: key.yearId, classId: key.classId, subjectId: key.subjectId, groupNo: key.groupNo, staffId, version: 1, updatedAt: at })
    .execute();
}

/** Another teacher for an existing assignment; the version goes up by one. */
export async function reassign(db: Executor, was: { id: string; version: number }, staffId: string, at: string): Promise<void> {
  await db.updateTable('teachingAssignment').set({ staffId, version: was.version + 1, updatedAt: at }).where('id', '=', was.id).execute();
}

export async function deleteAssignment(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('teachingAssignment').where('id', '=', id).execute();
}

/** Every staff card with the dates the load's copy needs (a dismissed teacher's classes are not carried over). */
export async function staffForCopy(db: Executor) {
  return db.selectFrom('staff').select(['id', 'lastName', 'firstName', 'middleName', 'dismissalDate']).execute();
}

/** The subjects a teacher may teach (their qualifications), by name. */
export async function qualificationNames(db: Executor, staffId: string): Promise<string[]> {
  const rows = await db.selectFrom('staffSubject').innerJoin('subject', 'subject.id', 'staffSubject.subjectId').select('subject.name').where('staffId', '=', staffId).execute();
  return rows.map((r) => r.name);
}

/** Replaces a teacher's subjects. */
export async function writeQualifications(db: Executor, staffId: string, subjectIds: readonly string[]): Promise<void> {
  await db.deleteFrom('staffSubject').where('staffId', '=', staffId).execute();
  if (subjectIds.length) await db.insertInto('staffSubject').values(subjectIds.map((subjectId) => ({ staffId, subjectId }))).execute();
}

export async function staffExists(db: Executor, staffId: string): Promise<boolean> {
  return Boolean(await db.selectFrom('staff').select('id').where('id', '=', staffId).executeTakeFirst());
}

/** The subjects among `ids` that exist, with their names. */
export async function subjectsAmong(db: Executor, ids: readonly string[]): Promise<{ id: string; name: string }[]> {
  return ids.length ? db.selectFrom('subject').select(['id', 'name']).where('id', 'in', [...ids]).execute() : [];
}

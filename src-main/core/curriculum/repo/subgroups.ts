import { newId } from '../../../../src-shared/domain/ids';
import type { Executor } from '../../foundation/executor';
import { validOn } from '../../foundation/validOn';

/**
 * What the plan's subgroups are built from and written to: the dated class roster, the subgroups
 * of classes and their members (the tables belong to the school set-up; the plan only adds to them).
 */
export async function rosterRows(db: Executor, classIds: readonly string[], on: string) {
  if (classIds.length === 0) return [];
  return db
    .selectFrom('classMembership as m')
    .innerJoin('pupil as p', 'p.id', 'm.pupilId')
    .select(['m.classId', 'm.startDate', 'm.cause', 'p.id', 'p.lastName', 'p.firstName', 'p.middleName', 'p.sex'])
    .where('m.classId', 'in', [...classIds])
    .where(validOn('m', on))
    .execute();
}

export async function subgroupsOfClasses(db: Executor, classIds: readonly string[]) {
  if (classIds.length === 0) return [];
  return db.selectFrom('subgroup').selectAll().where('classId', 'in', [...classIds]).orderBy('ordinal').execute();
}

export async function subgroupsOfSubject(db: Executor, classId: string, subjectId: string) {
  return db.selectFrom('subgroup').select(['name', 'ordinal']).where('classId', '=', classId).where('subjectId', '=', subjectId).execute();
}

export async function insertSubgroup(db: Executor, g: { classId: string; subjectId: string; name: string; ordinal: number }, at: string): Promise<void> {
  await db.insertInto('subgroup').values({ id: newId(), ...g, version: 1, updatedAt: at }).execute();
}

/** Puts pupils into a subgroup from `on` and raises the subgroup's version. */
export async function addSubgroupMembers(db: Executor, group: { id: string; version: number }, pupilIds: readonly string[], on: string, at: string): Promise<void> {
  if (pupilIds.length) await db.insertInto('subgroupMember').values(pupilIds.map((pupilId) => ({ id: newId(), subgroupId: group.id, pupilId, startDate: on, endDate: null }))).execute();
  await db.updateTable('subgroup').set({ version: group.version + 1, updatedAt: at }).where('id', '=', group.id).execute();
}

/** The academic year of the first of these classes that exists. */
export async function yearOfClasses(db: Executor, classIds: readonly string[]): Promise<string | undefined> {
  if (classIds.length === 0) return undefined;
  return (await db.selectFrom('schoolClass').select(['academicYearId']).where('id', 'in', [...classIds]).executeTakeFirst())?.academicYearId;
}

import { newId } from '../../../../src-shared/domain/ids';
import type { Executor } from '../../foundation/executor';
import { notEndedOn, validOn } from '../../foundation/validOn';

/** Subgroups of a class by subject and their dated membership, as stored. */

export async function subgroupRowsOfClass(db: Executor, classId: string) {
  return db
    .selectFrom('subgroup')
    .innerJoin('subject', 'subject.id', 'subgroup.subjectId')
    .selectAll('subgroup')
    .select(['subject.name as subjectName', 'subject.sortOrder'])
    .where('subgroup.classId', '=', classId)
    .execute();
}

export async function classHeader(db: Executor, classId: string) {
  return db.selectFrom('schoolClass').select(['id', 'name', 'academicYearId']).where('id', '=', classId).executeTakeFirst();
}

export async function subjectNameOf(db: Executor, subjectId: string): Promise<string | undefined> {
  return (await db.selectFrom('subject').select('name').where('id', '=', subjectId).executeTakeFirst())?.name;
}

export async function findSubgroup(db: Executor, id: string) {
  return db.selectFrom('subgroup').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The subgroups of one class × subject, whole rows. */
export async function subgroupsOfSubject(db: Executor, classId: string, subjectId: string) {
  return db.selectFrom('subgroup').selectAll().where('classId', '=', classId).where('subjectId', '=', subjectId).execute();
}

export async function insertSubgroup(db: Executor, r: { id: string; classId: string; subjectId: string; name: string; ordinal: number; updatedAt: string }): Promise<void> {
  await db.insertInto('subgroup').values({ ...r, version: 1 }).execute();
}

export async function updateSubgroup(db: Executor, id: string, values: { subjectId: string; name: string }, version: number, at: string): Promise<void> {
  await db.updateTable('subgroup').set({ ...values, version: version + 1, updatedAt: at }).where('id', '=', id).execute();
}

/** Marks a subgroup changed (its membership was rewritten) without touching its fields. */
export async function bumpSubgroup(db: Executor, id: string, version: number, at: string): Promise<void> {
  await db.updateTable('subgroup').set({ version: version + 1, updatedAt: at }).where('id', '=', id).execute();
}

export async function subgroupHasMembers(db: Executor, id: string, notEndedOnDate?: string): Promise<boolean> {
  let q = db.selectFrom('subgroupMember').select('id').where('subgroupId', '=', id);
  if (notEndedOnDate) q = q.where(notEndedOn(null, notEndedOnDate));
  return !!(await q.executeTakeFirst());
}

export async function deleteSubgroupRows(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('subgroupMember').where('subgroupId', '=', id).execute();
  await db.deleteFrom('subgroup').where('id', '=', id).execute();
}

export async function subgroupMembersAt(db: Executor, subgroupId: string, on: string) {
  return db.selectFrom('subgroupMember').selectAll().where('subgroupId', '=', subgroupId).where(validOn(null, on)).execute();
}

/** Membership rows of the subgroup that start after `date` (a later decision this one replaces). */
export async function dropMembersAfter(db: Executor, subgroupId: string, date: string): Promise<void> {
  await db.deleteFrom('subgroupMember').where('subgroupId', '=', subgroupId).where('startDate', '>', date).execute();
}

export async function deleteMemberRow(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('subgroupMember').where('id', '=', id).execute();
}

export async function endMemberRow(db: Executor, id: string, endDate: string): Promise<void> {
  await db.updateTable('subgroupMember').set({ endDate }).where('id', '=', id).execute();
}

export async function addMembers(db: Executor, subgroupId: string, pupilIds: readonly string[], startDate: string): Promise<void> {
  if (pupilIds.length === 0) return;
  await db.insertInto('subgroupMember').values(pupilIds.map((pupilId) => ({ id: newId(), subgroupId, pupilId, startDate, endDate: null }))).execute();
}

import type { Executor } from '../../foundation/executor';

/**
 * SQL of joint groups (migration 0051): a group of one subject taught together from several classes
 * or their groups — one lesson with one teacher. A slot is class × the group's subject × group
 * number (0 = the whole class), as in `teaching_assignment`.
 */

export interface JointSlot {
  classId: string;
  groupNo: number;
}

export async function jointsOfYear(db: Executor, yearId: string) {
  const joints = await db.selectFrom('jointGroup').selectAll().where('academicYearId', '=', yearId).orderBy('name').orderBy('id').execute();
  const slots = joints.length
    ? await db
        .selectFrom('jointGroupSlot')
        .selectAll()
        .where(
          'jointGroupId',
          'in',
          joints.map((j) => j.id),
        )
        .orderBy('classId')
        .orderBy('groupNo')
        .execute()
    : [];
  return joints.map((j) => ({ ...j, version: Number(j.version), members: slots.filter((s) => s.jointGroupId === j.id).map((s) => ({ classId: s.classId, groupNo: Number(s.groupNo) })) }));
}

export type JointRow = Awaited<ReturnType<typeof jointsOfYear>>[number];

export async function findJoint(db: Executor, id: string) {
  return db.selectFrom('jointGroup').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A joint group of the year and subject already named so (the name is unique per year and subject). */
export async function jointNamed(db: Executor, yearId: string, subjectId: string, name: string) {
  return db.selectFrom('jointGroup').select(['id', 'name']).where('academicYearId', '=', yearId).where('subjectId', '=', subjectId).where('name', '=', name).executeTakeFirst();
}

export async function insertJoint(db: Executor, row: { id: string; academicYearId: string; subjectId: string; name: string; updatedAt: string }, members: readonly JointSlot[]) {
  await db.insertInto('jointGroup').values({ ...row, version: 1 }).execute();
  if (members.length) await db.insertInto('jointGroupSlot').values(members.map((m) => ({ jointGroupId: row.id, classId: m.classId, groupNo: m.groupNo }))).execute();
}

export async function updateJointIf(db: Executor, id: string, expected: number, patch: { subjectId: string; name: string; updatedAt: string }, members: readonly JointSlot[]): Promise<boolean> {
  const r = await db.updateTable('jointGroup').set({ ...patch, version: expected + 1 }).where('id', '=', id).where('version', '=', expected).executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return false;
  await db.deleteFrom('jointGroupSlot').where('jointGroupId', '=', id).execute();
  if (members.length) await db.insertInto('jointGroupSlot').values(members.map((m) => ({ jointGroupId: id, classId: m.classId, groupNo: m.groupNo }))).execute();
  return true;
}

export async function deleteJointIf(db: Executor, id: string, expected: number): Promise<boolean> {
  const r = await db.deleteFrom('jointGroup').where('id', '=', id).where('version', '=', expected).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

export async function classesByIds(db: Executor, ids: readonly string[]) {
  return ids.length ? db.selectFrom('schoolClass').select(['id', 'name', 'academicYearId']).where('id', 'in', [...new Set(ids)]).execute() : [];
}

export async function subjectsByIds(db: Executor, ids: readonly string[]) {
  return ids.length ? db.selectFrom('subject').select(['id', 'name']).where('id', 'in', [...new Set(ids)]).execute() : [];
}

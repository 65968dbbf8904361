import type { Executor } from '../../foundation/executor';
import { notEndedOn } from '../../foundation/validOn';

/**
 * The rows one signed order item changes: the pupil's class membership, their subgroups and the
 * register numbers on the pupil card. The signing transaction journals each change for undo.
 */

export async function endMembershipRow(db: Executor, id: string, endDate: string, endOrderItemId: string): Promise<void> {
  await db.updateTable('classMembership').set({ endDate, endOrderItemId }).where('id', '=', id).execute();
}

export async function insertMembershipRow(db: Executor, r: { id: string; pupilId: string; classId: string; startDate: string; cause: string; orderItemId: string }): Promise<void> {
  await db.insertInto('classMembership').values({ ...r, endDate: null, endOrderItemId: null }).execute();
}

export async function classNameOf(db: Executor, classId: string): Promise<string> {
  return (await db.selectFrom('schoolClass').select('name').where('id', '=', classId).executeTakeFirst())?.name ?? '?';
}

/**
 * Fills «№ в алфавитной книге» and «№ личного дела» on the pupil card when both are empty (a number
 * typed from the paper book stays); the version moves on so a card open elsewhere is not saved over
 * them. Returns whether the card changed.
 */
export async function copyNumbersToCard(db: Executor, pupilId: string, entry: { number: number; personalFileNumber: string }): Promise<boolean> {
  const card = await db.selectFrom('pupil').select(['alphabetBookNumber', 'personalFileNumber', 'version']).where('id', '=', pupilId).executeTakeFirst();
  if (!card || card.alphabetBookNumber || card.personalFileNumber) return false;
  await db
    .updateTable('pupil')
    .set({ alphabetBookNumber: String(entry.number), personalFileNumber: entry.personalFileNumber, version: Number(card.version) + 1, updatedAt: new Date().toISOString() })
    .where('id', '=', pupilId)
    .execute();
  return true;
}

/** The pupil's subgroup memberships in the class's subgroups not ended by `date`. */
export async function subgroupRowsInClass(db: Executor, pupilId: string, classId: string, date: string) {
  return db
    .selectFrom('subgroupMember as sm')
    .innerJoin('subgroup as g', 'g.id', 'sm.subgroupId')
    .selectAll('sm')
    .where('g.classId', '=', classId)
    .where('sm.pupilId', '=', pupilId)
    .where(notEndedOn('sm', date))
    .execute();
}

export async function endSubgroupRow(db: Executor, id: string, endDate: string): Promise<void> {
  await db.updateTable('subgroupMember').set({ endDate }).where('id', '=', id).execute();
}

export async function deleteSubgroupRow(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('subgroupMember').where('id', '=', id).execute();
}

export async function subgroupsByIds(db: Executor, ids: readonly string[]): Promise<{ id: string; classId: string; subjectId: string; name: string }[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('subgroup').select(['id', 'classId', 'subjectId', 'name']).where('id', 'in', [...ids]).execute();
}

export async function insertSubgroupRow(db: Executor, r: { id: string; subgroupId: string; pupilId: string; startDate: string }): Promise<void> {
  await db.insertInto('subgroupMember').values({ ...r, endDate: null }).execute();
}

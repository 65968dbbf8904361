import { newId } from '../../../../src-shared/domain/ids';
import { orderLabel } from '../common';
import type { Executor } from '../../foundation/executor';

/**
 * The journal of what signing an order changed. Each row names one change to one record with the
 * values needed to undo it; cancelling the order walks the journal backwards.
 */
export type EffectKind = 'membershipInsert' | 'membershipEnd' | 'subgroupInsert' | 'subgroupEnd' | 'subgroupDelete' | 'registerAssign';

export interface EffectJournal {
  add(db: Executor, itemId: string | null, kind: EffectKind, targetId: string, data?: Record<string, unknown>): Promise<void>;
}

export function effectJournal(orderId: string, startSeq = 0): EffectJournal {
  let seq = startSeq;
  return {
    async add(db, itemId, kind, targetId, data = {}) {
      seq += 1;
      await db.insertInto('movementEffect').values({ id: newId(), orderId, itemId, seq, kind, targetId, data: JSON.stringify(data), revertedAt: null }).execute();
    },
  };
}

/** «приказом № 5-п от 10.11.2026» for a message about what stands in the way. */
export async function orderOfItemText(db: Executor, itemId: string | null): Promise<string> {
  if (!itemId) return 'записью без приказа';
  const o = await db
    .selectFrom('movementOrderItem as i')
    .innerJoin('movementOrder as o', 'o.id', 'i.orderId')
    .select(['o.numberText', 'o.orderDate'])
    .where('i.id', '=', itemId)
    .executeTakeFirst();
  if (!o) return 'другим приказом';
  return `${orderLabel(o).replace(/^Приказ/, 'приказом').replace(/^Черновик приказа/, 'черновиком приказа')}`;
}

/** The order's journal rows not yet undone, newest first (cancelling walks them backwards). */
export async function activeEffects(db: Executor, orderId: string) {
  return db.selectFrom('movementEffect').selectAll().where('orderId', '=', orderId).where('revertedAt', 'is', null).orderBy('seq', 'desc').execute();
}

export async function markEffectReverted(db: Executor, effectId: string, at: string): Promise<void> {
  await db.updateTable('movementEffect').set({ revertedAt: at }).where('id', '=', effectId).execute();
}

/** The undo steps of the journal kinds, one record each. */
export const undo = {
  membershipRow: (db: Executor, id: string) => db.selectFrom('classMembership').selectAll().where('id', '=', id).executeTakeFirst(),
  deleteMembership: async (db: Executor, id: string) => void (await db.deleteFrom('classMembership').where('id', '=', id).execute()),
  /** A membership of the pupil other than `exceptId` still open or ending after `after`. */
  laterMembership: (db: Executor, pupilId: string, exceptId: string, after: string) =>
    db
      .selectFrom('classMembership')
      .selectAll()
      .where('pupilId', '=', pupilId)
      .where('id', '!=', exceptId)
      .where((eb) => eb.or([eb('endDate', 'is', null), eb('endDate', '>', after)]))
      .orderBy('startDate')
      .executeTakeFirst(),
  reopenMembership: async (db: Executor, id: string) => void (await db.updateTable('classMembership').set({ endDate: null, endOrderItemId: null }).where('id', '=', id).execute()),
  className: async (db: Executor, classId: string) => (await db.selectFrom('schoolClass').select('name').where('id', '=', classId).executeTakeFirst())?.name,
  deleteSubgroupMember: async (db: Executor, id: string) => void (await db.deleteFrom('subgroupMember').where('id', '=', id).execute()),
  subgroupMember: (db: Executor, id: string) => db.selectFrom('subgroupMember').select(['id', 'endDate']).where('id', '=', id).executeTakeFirst(),
  setSubgroupMemberEnd: async (db: Executor, id: string, endDate: string | null) => void (await db.updateTable('subgroupMember').set({ endDate }).where('id', '=', id).execute()),
  subgroupExists: async (db: Executor, id: string) => Boolean(await db.selectFrom('subgroup').select('id').where('id', '=', id).executeTakeFirst()),
  insertSubgroupMember: async (db: Executor, row: { id: string; subgroupId: string; pupilId: string; startDate: string; endDate: string | null }) =>
    void (await db.insertInto('subgroupMember').values(row).execute()),
  pupilNumbers: (db: Executor, pupilId: string) => db.selectFrom('pupil').select(['alphabetBookNumber', 'personalFileNumber', 'version']).where('id', '=', pupilId).executeTakeFirst(),
  clearPupilNumbers: async (db: Executor, pupilId: string, version: number, at: string) =>
    void (await db.updateTable('pupil').set({ alphabetBookNumber: null, personalFileNumber: null, version, updatedAt: at }).where('id', '=', pupilId).execute()),
};

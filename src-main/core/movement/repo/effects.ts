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

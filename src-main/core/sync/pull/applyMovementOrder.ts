import { ORDER_TYPE_INFO } from '../../../../src-shared/domain/movement/orderTypes';
import type { HandlerContext } from '../../foundation/context';
import { callerName } from '../../movement/index';
import { raiseOrderCounter } from '../../movement/index';
import { insertDraft, insertItems } from '../../movement/index';
import type { Op } from './planTypes';
import type { Executor } from '../../foundation/executor';

type MovementOrderOp = Extract<Op, { op: 'movementOrder' }>;

/**
 * A historical order of the portal written into our movement book: signed, with the portal's
 * number and date, `source = 'portal'`. Nothing is applied to class memberships and no effect is
 * journaled (the pupil list's memberships are the current state; the order is the history). A
 * membership the same pull started on the enrolment's date in its class is linked to the item, so
 * the class roster and the pupil's timeline name the order that started it.
 */
export async function applyMovementOrder(ctx: HandlerContext, trx: Executor, op: MovementOrderOp, cause: string, now: string): Promise<void> {
  let itemIds: string[];
  if (op.create) {
    const c = op.create;
    const signedBy = callerName(ctx);
    await insertDraft(trx, { id: op.id, yearId: c.yearId, type: c.type, orderDate: c.orderDate, title: c.title, basis: null, signatoryPosition: null, signatoryName: null, createdBy: signedBy }, [], now);
    await trx.updateTable('movementOrder').set({ status: 'signed', number: c.number, numberText: c.numberText, signedAt: now, signedBy, source: 'portal' }).where('id', '=', op.id).execute();
    itemIds = await insertItems(trx, op.id, op.items, 1);
    await raiseOrderCounter(trx, c.yearId, c.numberText);
    await ctx.audit.record(trx, {
      entity: 'movementOrder',
      recordId: op.id,
      action: 'create',
      changes: { number: [null, c.numberText], orderDate: [null, c.orderDate], type: [null, ORDER_TYPE_INFO[c.type].label], items: [null, op.items.length], source: [null, 'portal'] },
      cause,
    });
  } else {
    const cur = await trx.selectFrom('movementOrder').select(['version', 'source']).where('id', '=', op.id).executeTakeFirstOrThrow();
    if (cur.source !== 'portal') throw new Error(`order ${op.id} was not imported from the portal`);
    const last = await trx.selectFrom('movementOrderItem').select((eb) => eb.fn.max('ordinal').as('n')).where('orderId', '=', op.id).executeTakeFirst();
    itemIds = await insertItems(trx, op.id, op.items, Number(last?.n ?? 0) + 1);
    // A reader of the order (the editor open elsewhere) sees it changed.
    await trx.updateTable('movementOrder').set({ version: Number(cur.version) + 1, updatedAt: now }).where('id', '=', op.id).execute();
    await ctx.audit.record(trx, { entity: 'movementOrder', recordId: op.id, action: 'update', changes: { items: [null, `+${op.items.length}`] }, cause });
  }
  for (let i = 0; i < op.items.length; i++) {
    const it = op.items[i];
    if (!it.toClassId) continue;
    await trx
      .updateTable('classMembership')
      .set({ orderItemId: itemIds[i] })
      .where('pupilId', '=', it.pupilId)
      .where('classId', '=', it.toClassId)
      .where('startDate', '=', it.effectiveDate)
      .where('orderItemId', 'is', null)
      .execute();
  }
}

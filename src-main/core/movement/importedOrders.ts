import { ORDER_TYPE_INFO } from '../../../src-shared/domain/movement/orderTypes';
import type { HandlerContext } from '../foundation/context';
import type { Executor } from '../foundation/executor';
import { callerName } from './common';
import { raiseOrderCounter } from './counters';
import { linkStartingItems } from './repo/membership';
import { orderRow, patchOrder } from './repo/orderStatus';
import { insertItemGroups, insertSignedOrders, lastItemOrdinal, type DraftItem, type SignedOrderRow } from './repo/orderInsert';

/** An order to import: its row without who signed it and where it came from (the import says), and its items. */
export type ImportedSignedOrder = Omit<SignedOrderRow, 'signedBy' | 'source'> & { items: DraftItem[] };

/**
 * Orders another system already signed (the portal's movement book) written into this book as its
 * history, many at a time: signed, with their own numbers and dates, `source` naming where they
 * came from. They apply nothing — no membership starts or ends, no effect is journaled — but each
 * number series continues after the highest imported number, and a membership started on an
 * item's date in its class (by the same import) names the item as its starting order. Audited.
 */
export async function importSignedOrders(ctx: HandlerContext, trx: Executor, orders: readonly ImportedSignedOrder[], source: string, cause: string, now: string): Promise<void> {
  if (orders.length === 0) return;
  const signedBy = callerName(ctx);
  await insertSignedOrders(trx, orders.map((o) => ({ id: o.id, yearId: o.yearId, type: o.type, number: o.number, numberText: o.numberText, orderDate: o.orderDate, title: o.title, signedBy, source })), now);
  const itemIds = await insertItemGroups(trx, orders.map((o) => ({ orderId: o.id, items: o.items, firstOrdinal: 1 })));
  // Each series needs raising once, to its highest number.
  const highest = new Map<string, { yearId: string; numberText: string; n: number }>();
  for (const o of orders) {
    const m = /^(\d+)(?:-(.*))?$/.exec(o.numberText.trim());
    if (!m) continue;
    const key = `${o.yearId}|${m[2] ?? ''}`;
    if ((highest.get(key)?.n ?? -1) < Number(m[1])) highest.set(key, { yearId: o.yearId, numberText: o.numberText, n: Number(m[1]) });
  }
  for (const h of highest.values()) await raiseOrderCounter(trx, h.yearId, h.numberText);
  for (const o of orders) {
    await ctx.audit.record(trx, {
      entity: 'movementOrder',
      recordId: o.id,
      action: 'create',
      changes: { number: [null, o.numberText], orderDate: [null, o.orderDate], type: [null, ORDER_TYPE_INFO[o.type].label], items: [null, o.items.length], source: [null, source] },
      cause,
    });
  }
  await linkStartingItems(
    trx,
    orders.flatMap((o, n) => o.items.flatMap((it, k) => (it.toClassId ? [{ itemId: itemIds[n][k], pupilId: it.pupilId, classId: it.toClassId, startDate: it.effectiveDate }] : []))),
  );
}

/**
 * Pupils found since an order was imported join it as new items (never removed): only an order the
 * same source imported may grow so; its version rises, so an editor open elsewhere sees it changed,
 * and a membership started on an item's date in its class names the item, as on import. Audited.
 */
export async function addImportedItems(ctx: HandlerContext, trx: Executor, orderId: string, items: readonly DraftItem[], source: string, cause: string, now: string): Promise<void> {
  if (items.length === 0) return;
  const cur = await orderRow(trx, orderId);
  if (!cur || cur.source !== source) throw new Error(`order ${orderId} was not imported from ${source}`);
  const [itemIds] = await insertItemGroups(trx, [{ orderId, items, firstOrdinal: (await lastItemOrdinal(trx, orderId)) + 1 }]);
  await patchOrder(trx, orderId, { version: Number(cur.version) + 1, updatedAt: now });
  await ctx.audit.record(trx, { entity: 'movementOrder', recordId: orderId, action: 'update', changes: { items: [null, `+${items.length}`] }, cause });
  await linkStartingItems(trx, items.flatMap((it, k) => (it.toClassId ? [{ itemId: itemIds[k], pupilId: it.pupilId, classId: it.toClassId, startDate: it.effectiveDate }] : [])));
}

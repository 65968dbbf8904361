import { declineAll } from '../../../../src-shared/domain/movement/declension';
import type { DestinationKind, EnrollKind, OrderType } from '../../../../src-shared/domain/movement/orderTypes';
import { newId } from '../../../../src-shared/domain/ids';
import { inChunks } from '../common';
import type { Executor } from '../../foundation/executor';

/**
 * Writes a draft order with many items at once, for orders made by the app itself (the annual
 * orders of the rollover, the demo year) rather than typed in the editor. They are then signed by
 * the same `signWithin` as every other order.
 */
export interface DraftItem {
  pupilId: string;
  fromClassId: string | null;
  toClassId: string | null;
  effectiveDate: string;
  enrollKind?: EnrollKind | null;
  originSchool?: string | null;
  originDocument?: string | null;
  destinationKind?: DestinationKind | null;
  destinationSchool?: string | null;
  reason?: string | null;
  note?: string | null;
  createdPupil?: boolean;
}

export interface DraftOrder {
  id?: string;
  yearId: string;
  type: OrderType;
  orderDate: string;
  title: string;
  basis: string | null;
  signatoryPosition: string | null;
  signatoryName: string | null;
  createdBy: string | null;
}

export async function insertDraft(db: Executor, order: DraftOrder, items: DraftItem[], at: string): Promise<string> {
  const id = await insertOrderRow(db, order, at);
  await insertItems(db, id, items, 1);
  return id;
}

/** The draft order's own row (the editor's new draft and the generated orders alike). */
export async function insertOrderRow(db: Executor, order: DraftOrder, at: string): Promise<string> {
  const id = order.id ?? newId();
  await db
    .insertInto('movementOrder')
    .values({
      id,
      academicYearId: order.yearId,
      orderType: order.type,
      number: null,
      numberText: null,
      orderDate: order.orderDate,
      title: order.title,
      basis: order.basis,
      signatoryPosition: order.signatoryPosition,
      signatoryName: order.signatoryName,
      status: 'draft',
      version: 1,
      createdAt: at,
      createdBy: order.createdBy,
      updatedAt: at,
    })
    .execute();
  return id;
}

/**
 * Items of an order with the ФИО forms declined from the cards, numbered from `firstOrdinal`.
 * Returns the new item ids in the order of `items`.
 */
export async function insertItems(db: Executor, orderId: string, items: DraftItem[], firstOrdinal: number): Promise<string[]> {
  return (await insertItemGroups(db, [{ orderId, items, firstOrdinal }]))[0];
}

/** Items of many orders in a few statements; returns each group's new item ids in its order. */
export async function insertItemGroups(db: Executor, groups: readonly { orderId: string; items: readonly DraftItem[]; firstOrdinal: number }[]): Promise<string[][]> {
  const people = await inChunks(
    [...new Set(groups.flatMap((g) => g.items.map((i) => i.pupilId)))],
    (chunk) => db.selectFrom('pupil').select(['id', 'lastName', 'firstName', 'middleName', 'sex']).where('id', 'in', chunk).execute(),
  );
  const byId = new Map(people.map((p) => [p.id, p]));
  const rows = groups.flatMap(({ orderId, items, firstOrdinal }) => items.map((item, index) => {
    const p = byId.get(item.pupilId);
    if (!p) throw new Error(`pupil ${item.pupilId} of a generated order does not exist`);
    const names = declineAll(p);
    return {
      id: newId(),
      orderId,
      ordinal: firstOrdinal + index,
      pupilId: item.pupilId,
      createdPupil: item.createdPupil ? 1 : 0,
      fromClassId: item.fromClassId,
      toClassId: item.toClassId,
      effectiveDate: item.effectiveDate,
      enrollKind: item.enrollKind ?? null,
      originSchool: item.originSchool ?? null,
      originDocument: item.originDocument ?? null,
      destinationKind: item.destinationKind ?? null,
      destinationSchool: item.destinationSchool ?? null,
      reason: item.reason ?? null,
      note: item.note ?? null,
      subgroupIds: '[]',
      nameGenitive: names.genitive,
      nameDative: names.dative,
      nameAccusative: names.accusative,
      namesEdited: 0,
    };
  }));
  for (let i = 0; i < rows.length; i += 200) await db.insertInto('movementOrderItem').values(rows.slice(i, i + 200)).execute();
  const ids: string[][] = [];
  let at = 0;
  for (const g of groups) {
    ids.push(rows.slice(at, at + g.items.length).map((r) => r.id));
    at += g.items.length;
  }
  return ids;
}

/** Orders signed elsewhere (the portal's movement book), written as signed with their own numbers. */
export interface SignedOrderRow {
  id: string;
  yearId: string;
  type: OrderType;
  number: number | null;
  numberText: string;
  orderDate: string;
  title: string;
  signedBy: string | null;
  source: string;
}

export async function insertSignedOrders(db: Executor, orders: readonly SignedOrderRow[], at: string): Promise<void> {
  const rows = orders.map((o) => ({
    id: o.id,
    academicYearId: o.yearId,
    orderType: o.type,
    number: o.number,
    numberText: o.numberText,
    orderDate: o.orderDate,
    title: o.title,
    basis: null,
    signatoryPosition: null,
    signatoryName: null,
    status: 'signed',
    version: 1,
    createdAt: at,
    createdBy: o.signedBy,
    updatedAt: at,
    signedAt: at,
    signedBy: o.signedBy,
    source: o.source,
  }));
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('movementOrder').values(rows.slice(i, i + 500)).execute();
}

/** The highest item ordinal of an order (0 for none): new items continue after it. */
export async function lastItemOrdinal(db: Executor, orderId: string): Promise<number> {
  const last = await db.selectFrom('movementOrderItem').select((eb) => eb.fn.max('ordinal').as('n')).where('orderId', '=', orderId).executeTakeFirst();
  return Number(last?.n ?? 0);
}

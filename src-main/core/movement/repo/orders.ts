import { sql } from 'kysely';
import type { OrderDetail, OrderItem, OrderRow } from '../../../../src-shared/contract/movementFields';
import type { DestinationKind, EnrollKind, OrderStatus, OrderType } from '../../../../src-shared/domain/movement/orderTypes';
import { fullName, searchKey, shortName } from '../../../../src-shared/domain/names';
import { inChunks, orderNotFound } from '../common';
import type { Executor } from '../../foundation/executor';
import { likeContains } from '../../foundation/sqlLike';
import { orderWithYear } from './orderStatus';

/** Reading orders and their items in the shapes of the contract. */

export async function loadItems(db: Executor, orderIds: readonly string[]) {
  return inChunks([...orderIds], (chunk) =>
    db
      .selectFrom('movementOrderItem as i')
      .innerJoin('pupil as p', 'p.id', 'i.pupilId')
      .leftJoin('schoolClass as fc', 'fc.id', 'i.fromClassId')
      .leftJoin('schoolClass as tc', 'tc.id', 'i.toClassId')
      .selectAll('i')
      .select(['p.lastName', 'p.firstName', 'p.middleName', 'p.sex', 'p.birthDate', 'fc.name as fromClassName', 'tc.name as toClassName', 'fc.grade as fromGrade', 'tc.grade as toGrade'])
      .where('i.orderId', 'in', chunk)
      .orderBy('i.orderId')
      .orderBy('i.ordinal')
      .execute(),
  );
}
export type ItemRowDb = Awaited<ReturnType<typeof loadItems>>[number];

export function itemDto(i: ItemRowDb): OrderItem {
  return {
    id: i.id,
    ordinal: Number(i.ordinal),
    pupilId: i.pupilId,
    pupilName: fullName(i),
    sex: i.sex,
    birthDate: i.birthDate,
    createdPupil: Number(i.createdPupil) === 1,
    fromClassId: i.fromClassId,
    fromClassName: i.fromClassName ?? null,
    toClassId: i.toClassId,
    toClassName: i.toClassName ?? null,
    effectiveDate: i.effectiveDate,
    enrollKind: (i.enrollKind as EnrollKind | null) ?? null,
    originSchool: i.originSchool,
    originDocument: i.originDocument,
    destinationKind: (i.destinationKind as DestinationKind | null) ?? null,
    destinationSchool: i.destinationSchool,
    reason: i.reason,
    note: i.note,
    subgroupIds: JSON.parse(i.subgroupIds) as string[],
    nameGenitive: i.nameGenitive,
    nameDative: i.nameDative,
    nameAccusative: i.nameAccusative,
    namesEdited: Number(i.namesEdited) === 1,
  };
}

export async function getOrder(db: Executor, id: string): Promise<OrderDetail> {
  const o = await orderWithYear(db, id);
  if (!o) throw orderNotFound();
  const items = await loadItems(db, [id]);
  return {
    id: o.id,
    yearId: o.academicYearId,
    yearName: o.yearName,
    type: o.orderType as OrderType,
    number: o.number === null ? null : Number(o.number),
    numberText: o.numberText,
    orderDate: o.orderDate,
    title: o.title,
    basis: o.basis,
    signatoryPosition: o.signatoryPosition,
    signatoryName: o.signatoryName,
    status: o.status as OrderStatus,
    signedAt: o.signedAt,
    signedBy: o.signedBy,
    cancelledAt: o.cancelledAt,
    cancelledBy: o.cancelledBy,
    cancelReason: o.cancelReason,
    printedAt: o.printedAt,
    createdAt: o.createdAt,
    createdBy: o.createdBy,
    source: o.source === 'portal' ? 'portal' : 'office',
    version: Number(o.version),
    items: items.map(itemDto),
  };
}

export interface OrderFilter {
  yearId: string | null;
  type: OrderType | null;
  status: OrderStatus | null;
  search: string;
  pupilId?: string | null;
}

export async function listOrders(db: Executor, f: OrderFilter): Promise<OrderRow[]> {
  let q = db.selectFrom('movementOrder').selectAll();
  if (f.yearId) q = q.where('academicYearId', '=', f.yearId);
  if (f.type) q = q.where('orderType', '=', f.type);
  if (f.status) q = q.where('status', '=', f.status);
  const key = searchKey(f.search);
  if (key) {
    q = q.where((eb) =>
      eb.or([
        eb('numberText', '=', f.search.trim()),
        eb(
          'id',
          'in',
          eb.selectFrom('movementOrderItem as i').innerJoin('pupil as p', 'p.id', 'i.pupilId').select('i.orderId').where(likeContains(sql.ref('p.searchKey'), key)),
        ),
      ]),
    );
  }
  if (f.pupilId) q = q.where('id', 'in', db.selectFrom('movementOrderItem').select('orderId').where('pupilId', '=', f.pupilId as string));
  const orders = await q.orderBy('orderDate', 'desc').orderBy('number', 'desc').orderBy('createdAt', 'desc').limit(2000).execute();
  const items = await inChunks(
    orders.map((o) => o.id),
    (chunk) =>
      db
        .selectFrom('movementOrderItem as i')
        .innerJoin('pupil as p', 'p.id', 'i.pupilId')
        .select(['i.orderId', 'i.ordinal', 'p.lastName', 'p.firstName', 'p.middleName'])
        .where('i.orderId', 'in', chunk)
        .orderBy('i.ordinal')
        .execute(),
  );
  const byOrder = new Map<string, typeof items>();
  for (const i of items) {
    const list = byOrder.get(i.orderId);
    if (list) list.push(i);
    else byOrder.set(i.orderId, [i]);
  }
  return orders.map((o) => {
    const list = byOrder.get(o.id) ?? [];
    const shown = list.slice(0, 3).map(shortName).join(', ');
    return {
      id: o.id,
      yearId: o.academicYearId,
      type: o.orderType as OrderType,
      numberText: o.numberText,
      orderDate: o.orderDate,
      title: o.title,
      status: o.status as OrderStatus,
      itemCount: list.length,
      pupilsPreview: list.length > 3 ? `${shown} и ещё ${list.length - 3}` : shown,
      signatoryName: o.signatoryName,
      source: o.source === 'portal' ? 'portal' : 'office',
      version: Number(o.version),
    };
  });
}

import { sql } from 'kysely';
import type { BookEntry } from '../../../../src-shared/contract/movement';
import { DESTINATION_KINDS, ENROLL_KINDS, ORDER_TYPE_INFO, type DestinationKind, type EnrollKind, type OrderStatus, type OrderType } from '../../../../src-shared/domain/movement/orderTypes';
import { fullName, searchKey } from '../../../../src-shared/domain/names';
import type { MovementOrderItemTable } from '../../db/schemaMovement';
import type { Executor } from '../../foundation/executor';
import { likeContains } from '../../foundation/sqlLike';

/**
 * «Книга движения учащихся»: every item of every signed order, in the order things happened.
 * Items of cancelled orders stay in the book marked as cancelled: the paper book is never erased.
 */
export interface BookFilter {
  from: string | null;
  to: string | null;
  classId: string | null;
  search: string;
}

type ItemDetailFields = 'enrollKind' | 'originSchool' | 'originDocument' | 'destinationKind' | 'destinationSchool' | 'reason';

export function itemDetails(i: { orderType: string } & Pick<MovementOrderItemTable, ItemDetailFields>): string {
  const parts: string[] = [];
  if (i.enrollKind) parts.push(ENROLL_KINDS[i.enrollKind as EnrollKind] ?? i.enrollKind);
  if (i.originSchool) parts.push(`из: ${i.originSchool}`);
  if (i.originDocument) parts.push(`документ: ${i.originDocument}`);
  if (i.destinationKind) parts.push(DESTINATION_KINDS[i.destinationKind as DestinationKind] ?? i.destinationKind);
  if (i.destinationSchool) parts.push(`в: ${i.destinationSchool}`);
  if (i.reason) parts.push(`причина: ${i.reason}`);
  return parts.join('; ');
}

export async function listBook(db: Executor, f: BookFilter): Promise<BookEntry[]> {
  let q = db
    .selectFrom('movementOrderItem as i')
    .innerJoin('movementOrder as o', 'o.id', 'i.orderId')
    .innerJoin('pupil as p', 'p.id', 'i.pupilId')
    .leftJoin('schoolClass as fc', 'fc.id', 'i.fromClassId')
    .leftJoin('schoolClass as tc', 'tc.id', 'i.toClassId')
    .select([
      'i.id as itemId',
      'i.orderId',
      'i.ordinal',
      'i.effectiveDate',
      'i.enrollKind',
      'i.originSchool',
      'i.originDocument',
      'i.destinationKind',
      'i.destinationSchool',
      'i.reason',
      'i.pupilId',
      'o.numberText',
      'o.number',
      'o.orderDate',
      'o.orderType',
      'o.status',
      'p.lastName',
      'p.firstName',
      'p.middleName',
      'p.sex',
      'p.birthDate',
      'fc.name as fromClassName',
      'tc.name as toClassName',
    ])
    .where('o.status', '!=', 'draft');
  if (f.from) q = q.where('i.effectiveDate', '>=', f.from);
  if (f.to) q = q.where('i.effectiveDate', '<=', f.to);
  if (f.classId) q = q.where((eb) => eb.or([eb('i.fromClassId', '=', f.classId as string), eb('i.toClassId', '=', f.classId as string)]));
  const key = searchKey(f.search);
  if (key) q = q.where(likeContains(sql.ref('p.searchKey'), key));
  const rows = await q.orderBy('i.effectiveDate').orderBy('o.orderDate').orderBy('o.number').orderBy('i.ordinal').execute();
  const ab = await db.selectFrom('alphabetBookEntry').select(['pupilId', 'number', 'status']).execute();
  const abOf = new Map<string, number>();
  for (const e of ab) if (e.status === 'active' || !abOf.has(e.pupilId)) abOf.set(e.pupilId, Number(e.number));
  return rows.map((r, index) => {
    const info = ORDER_TYPE_INFO[r.orderType as OrderType];
    return {
      seq: index + 1,
      orderId: r.orderId,
      itemId: r.itemId,
      orderNumber: r.numberText,
      orderDate: r.orderDate,
      effectiveDate: r.effectiveDate,
      type: r.orderType as OrderType,
      event: info ? info.event[r.sex === 'Ж' ? 1 : 0] : r.orderType,
      pupilId: r.pupilId,
      pupilName: fullName(r),
      birthDate: r.birthDate,
      alphabetNumber: abOf.get(r.pupilId) ?? null,
      fromClassName: r.fromClassName ?? null,
      toClassName: r.toClassName ?? null,
      details: itemDetails(r),
      status: r.status as OrderStatus,
    };
  });
}

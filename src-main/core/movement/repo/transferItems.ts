import { fullName } from '../../../../src-shared/domain/names';
import type { Executor } from '../../foundation/executor';

/**
 * Pupils who came from or left for another school by a signed order — the federal transfer rules of
 * the deadline monitor count from these orders (Порядок перевода, приказ Минобрнауки № 177).
 */
export interface TransferItem {
  id: string;
  direction: 'in' | 'out';
  orderDate: string;
  orderNumber: string | null;
  pupilName: string;
  otherSchool: string | null;
}

export async function signedTransferItems(db: Executor): Promise<TransferItem[]> {
  const rows = await db
    .selectFrom('movementOrderItem as i')
    .innerJoin('movementOrder as o', 'o.id', 'i.orderId')
    .innerJoin('pupil as p', 'p.id', 'i.pupilId')
    .select(['i.id', 'o.orderType', 'o.orderDate', 'o.numberText', 'i.originSchool', 'i.destinationSchool', 'p.lastName', 'p.firstName', 'p.middleName'])
    .where('o.status', '=', 'signed')
    .where('o.source', '=', 'office')
    .where((eb) =>
      eb.or([
        eb.and([eb('o.orderType', '=', 'enroll'), eb('i.enrollKind', '=', 'otherSchool')]),
        eb.and([eb('o.orderType', '=', 'withdraw'), eb('i.destinationKind', 'in', ['sameRegion', 'otherRegion'])]),
      ]),
    )
    .orderBy('o.orderDate')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    direction: r.orderType === 'enroll' ? 'in' : 'out',
    orderDate: r.orderDate,
    orderNumber: r.numberText,
    pupilName: fullName(r),
    otherSchool: (r.orderType === 'enroll' ? r.originSchool : r.destinationSchool) ?? null,
  }));
}

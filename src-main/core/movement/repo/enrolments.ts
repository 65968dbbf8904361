import { sql } from 'kysely';
import type { Executor } from '../../foundation/executor';

/** The items of a signed enrolment or reinstatement order, in order. */
export async function signedEnrolmentItems(db: Executor, orderId: string) {
  return db
    .selectFrom('movementOrderItem as i')
    .innerJoin('movementOrder as o', 'o.id', 'i.orderId')
    .select(['i.pupilId', 'i.enrollKind', 'o.orderType', 'o.orderDate', 'o.numberText'])
    .where('o.id', '=', orderId)
    .where('o.status', '=', 'signed')
    .where('o.orderType', 'in', ['enroll', 'reinstate'])
    .orderBy('i.ordinal')
    .execute();
}

/**
 * Signed enrolments (latest first) whose pupil has no portal-account task yet, except the enrol
 * kinds given (they already have accounts); only these pupils when `pupilIds` is given.
 */
export async function enrolmentsWithoutAccountTask(db: Executor, exceptKinds: readonly string[], pupilIds?: readonly string[]) {
  let q = db
    .selectFrom('movementOrderItem as i')
    .innerJoin('movementOrder as o', 'o.id', 'i.orderId')
    .select(['i.pupilId', 'o.orderDate', 'o.numberText'])
    .where('o.status', '=', 'signed')
    .where('o.orderType', 'in', ['enroll', 'reinstate'])
    .where((eb) => eb.or([eb('i.enrollKind', 'is', null), eb('i.enrollKind', 'not in', [...exceptKinds])]))
    .where(sql<boolean>`not exists (select 1 from portal_account a where a.person_kind = 'pupil' and a.person_id = i.pupil_id)`)
    .orderBy('o.orderDate', 'desc')
    .orderBy('o.numberText');
  if (pupilIds) q = q.where('i.pupilId', 'in', [...pupilIds]);
  return q.execute();
}

import { sql } from 'kysely';
import type { HandlerContext } from '../foundation/context';
import { openAccountTasksForEnrolment } from './accountTasks';

/**
 * Work order 3.6 for pupils: an enrolment (or reinstatement) order of the movement book starts the
 * 3-working-day deadline of the pupil's and the parents' portal accounts. The movement book may
 * call `openAccountTasksForEnrolment` when it signs; this catches every signed order that has no
 * task yet (signed before the people module existed, or by code that does not call it), so the
 * deadline is never lost. Idempotent; runs before the accounts are listed.
 */
export async function syncEnrolmentTasks(ctx: HandlerContext, pupilIds?: readonly string[]): Promise<number> {
  const db = ctx.core.db;
  let q = db
    .selectFrom('movementOrderItem as i')
    .innerJoin('movementOrder as o', 'o.id', 'i.orderId')
    .select(['i.pupilId', 'o.orderDate', 'o.numberText'])
    .where('o.status', '=', 'signed')
    .where('o.orderType', 'in', ['enroll', 'reinstate'])
    // Pupils typed in from the paper book and this school's own 9th-graders going on to 10th
    // already have their accounts.
    .where((eb) => eb.or([eb('i.enrollKind', 'is', null), eb('i.enrollKind', 'not in', ['contingent', 'continuing'])]))
    .where(sql<boolean>`not exists (select 1 from portal_account a where a.person_kind = 'pupil' and a.person_id = i.pupil_id)`)
    .orderBy('o.orderDate', 'desc');
  if (pupilIds) {
    if (pupilIds.length === 0) return 0;
    q = q.where('i.pupilId', 'in', [...pupilIds]);
  }
  const rows = await q.execute();
  if (rows.length === 0) return 0;
  // The latest order counts: a pupil enrolled, withdrawn and enrolled again is due after the last one.
  const latest = new Map<string, { orderDate: string; numberText: string | null }>();
  for (const r of rows) if (!latest.has(r.pupilId)) latest.set(r.pupilId, { orderDate: r.orderDate, numberText: r.numberText });
  await db.transaction().execute(async (trx) => {
    for (const [pupilId, o] of latest) await openAccountTasksForEnrolment(ctx, trx, { pupilId, orderDate: o.orderDate, orderNumber: o.numberText });
  });
  return latest.size;
}

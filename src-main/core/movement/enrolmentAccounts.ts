import { sql } from 'kysely';
import { openAccountTasksForEnrolment } from '../accounts/index';
import type { HandlerContext } from '../foundation/context';
import type { Executor } from '../foundation/executor';

// Pupils typed in from the paper book and this school's own 9th-graders going on to 10th already
// have their portal accounts.
const HAVE_ACCOUNTS = new Set(['contingent', 'continuing']);

/**
 * Work order 3.6: a signed enrolment or reinstatement order starts the 3-working-day deadline of
 * its pupils' and their parents' portal accounts. Called inside the signing transaction by every
 * path that signs such an order (the sign method, the rollover, an order taken from the portal).
 */
export async function openEnrolmentAccountTasks(ctx: HandlerContext, trx: Executor, orderId: string): Promise<void> {
  const rows = await trx
    .selectFrom('movementOrderItem as i')
    .innerJoin('movementOrder as o', 'o.id', 'i.orderId')
    .select(['i.pupilId', 'i.enrollKind', 'o.orderType', 'o.orderDate', 'o.numberText'])
    .where('o.id', '=', orderId)
    .where('o.status', '=', 'signed')
    .where('o.orderType', 'in', ['enroll', 'reinstate'])
    .orderBy('i.ordinal')
    .execute();
  for (const r of rows) {
    if (r.enrollKind && HAVE_ACCOUNTS.has(r.enrollKind)) continue;
    await openAccountTasksForEnrolment(ctx, trx, { pupilId: r.pupilId, orderDate: r.orderDate, orderNumber: r.numberText });
  }
}

/**
 * The catch-up: every signed enrolment whose pupil has no account task yet gets one (orders signed
 * before signing opened them, orders taken from the portal). Idempotent; a write path, never run
 * by a read — the pull and the push run it inside their transactions, the app once at start.
 */
export async function openMissingEnrolmentAccountTasks(ctx: HandlerContext, trx: Executor, pupilIds?: readonly string[]): Promise<number> {
  let q = trx
    .selectFrom('movementOrderItem as i')
    .innerJoin('movementOrder as o', 'o.id', 'i.orderId')
    .select(['i.pupilId', 'o.orderDate', 'o.numberText'])
    .where('o.status', '=', 'signed')
    .where('o.orderType', 'in', ['enroll', 'reinstate'])
    .where((eb) => eb.or([eb('i.enrollKind', 'is', null), eb('i.enrollKind', 'not in', [...HAVE_ACCOUNTS])]))
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
  for (const [pupilId, o] of latest) await openAccountTasksForEnrolment(ctx, trx, { pupilId, orderDate: o.orderDate, orderNumber: o.numberText });
  return latest.size;
}

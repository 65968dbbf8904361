import { openAccountTasksForEnrolment } from '../accounts/index';
import type { HandlerContext } from '../foundation/context';
import type { Executor } from '../foundation/executor';
import { enrolmentsWithoutAccountTask, signedEnrolmentItems } from './repo/enrolments';

// Pupils typed in from the paper book and this school's own 9th-graders going on to 10th already
// have their portal accounts.
const HAVE_ACCOUNTS = new Set(['contingent', 'continuing']);

/**
 * Work order 3.6: a signed enrolment or reinstatement order starts the 3-working-day deadline of
 * its pupils' and their parents' portal accounts. Called inside the signing transaction by every
 * path that signs such an order (the sign method, the rollover, an order taken from the portal).
 */
export async function openEnrolmentAccountTasks(ctx: HandlerContext, trx: Executor, orderId: string): Promise<void> {
  for (const r of await signedEnrolmentItems(trx, orderId)) {
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
  if (pupilIds && pupilIds.length === 0) return 0;
  const rows = await enrolmentsWithoutAccountTask(trx, [...HAVE_ACCOUNTS], pupilIds);
  if (rows.length === 0) return 0;
  // The latest order counts: a pupil enrolled, withdrawn and enrolled again is due after the last one.
  const latest = new Map<string, { orderDate: string; numberText: string | null }>();
  for (const r of rows) if (!latest.has(r.pupilId)) latest.set(r.pupilId, { orderDate: r.orderDate, numberText: r.numberText });
  for (const [pupilId, o] of latest) await openAccountTasksForEnrolment(ctx, trx, { pupilId, orderDate: o.orderDate, orderNumber: o.numberText });
  return latest.size;
}

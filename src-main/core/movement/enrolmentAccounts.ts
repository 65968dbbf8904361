import { enrolmentCause, openAccountTasks, openAccountTasksForEnrolment } from '../accounts/index';
import type { HandlerContext } from '../foundation/context';
import type { Executor } from '../foundation/executor';
import { parentLinksOfPupils } from '../people/index';
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

/** Pupil id → the parents linked to them. */
async function parentsOfPupils(trx: Executor, pupilIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const r of await parentLinksOfPupils(trx, pupilIds)) out.set(r.pupilId, [...(out.get(r.pupilId) ?? []), r.parentId]);
  return out;
}

/** Whether signing an order of this type and enrolment kind opens the pupil's account task. */
export function opensAccountTask(orderType: string, enrollKind: string | null): boolean {
  return (orderType === 'enroll' || orderType === 'reinstate') && !(enrollKind && HAVE_ACCOUNTS.has(enrollKind));
}

/**
 * Pupils whose signed enrolment has not opened an account task (they have no account record), with
 * their latest such order: a pupil enrolled, withdrawn and enrolled again is due after the last one.
 */
export async function pupilsAwaitingAccountTasks(trx: Executor, pupilIds?: readonly string[]): Promise<Map<string, { orderDate: string; numberText: string | null }>> {
  const latest = new Map<string, { orderDate: string; numberText: string | null }>();
  if (pupilIds && pupilIds.length === 0) return latest;
  for (const r of await enrolmentsWithoutAccountTask(trx, [...HAVE_ACCOUNTS], pupilIds)) if (!latest.has(r.pupilId)) latest.set(r.pupilId, { orderDate: r.orderDate, numberText: r.numberText });
  return latest;
}

/**
 * The catch-up: every signed enrolment whose pupil has no account task yet gets one (orders signed
 * before signing opened them, orders taken from the portal). Idempotent; a write path, never run
 * by a read — the pull and the push run it inside their transactions, the app once at start.
 */
export async function openMissingEnrolmentAccountTasks(ctx: HandlerContext, trx: Executor, pupilIds?: readonly string[]): Promise<number> {
  const latest = await pupilsAwaitingAccountTasks(trx, pupilIds);
  if (latest.size === 0) return 0;
  // The pupil and then each parent linked by now, pupil by pupil, as `openAccountTasksForEnrolment` does.
  const parents = await parentsOfPupils(trx, [...latest.keys()]);
  const tasks = [...latest].flatMap(([pupilId, o]) => {
    const task = { orderDate: o.orderDate, orderNumber: o.numberText, cause: enrolmentCause(o.numberText) };
    return [{ ...task, personKind: 'pupil' as const, personId: pupilId }, ...(parents.get(pupilId) ?? []).map((parentId) => ({ ...task, personKind: 'parent' as const, personId: parentId }))];
  });
  await openAccountTasks(ctx, trx, tasks);
  return latest.size;
}

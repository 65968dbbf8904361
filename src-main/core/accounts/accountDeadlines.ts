import type { PersonKind } from '../../../src-shared/domain/personRules';
import type { HandlerContext } from '../foundation/context';
import type { Executor } from '../foundation/executor';
import { createPort } from '../foundation/port';
import { nowIso } from '../foundation/clock';
import { stale } from '../foundation/refusals';
import { accountTaskRecords, setAccountDueDate } from './repo/deadlineRecords';

/**
 * The deadline of an account task (work order 3.6) belongs to the deadline monitor's rule, which the
 * administrator may change; the monitor sits above accounts, so it answers through this port
 * (plugged in at src-main/core/wiring.ts). Without an answer the shipped 3 working days apply.
 */
export const accountDueDates = createPort<(db: Executor, personKind: PersonKind, orderDate: string) => Promise<string | null>>('accountDueDates');

export async function ruleDueDate(db: Executor, personKind: PersonKind, orderDate: string): Promise<string | null> {
  for (const ask of accountDueDates.plugs) {
    const due = await ask(db, personKind, orderDate);
    if (due) return due;
  }
  return null;
}

/**
 * After the rule changed: every account not yet handed over of the given kinds gets the due date
 * `dueOf(orderDate)` (null leaves it as it is); handed-over ones keep theirs as history. Audited per
 * record inside the caller's transaction; returns how many moved.
 */
export async function redateOpenAccounts(
  ctx: HandlerContext,
  trx: Executor,
  kinds: readonly PersonKind[],
  dueOf: (orderDate: string) => string | null,
  cause: string,
): Promise<number> {
  const at = nowIso();
  let moved = 0;
  for (const r of await accountTaskRecords(trx)) {
    if (!kinds.includes(r.personKind as PersonKind) || r.status === 'handedOver' || !r.orderDate) continue;
    const due = dueOf(r.orderDate);
    if (!due || due === r.dueDate) continue;
    if (!(await setAccountDueDate(trx, r.id, r.version, due, at))) throw stale('Учётная запись портала', r.version + 1);
    await ctx.audit.record(trx, { entity: 'portalAccount', recordId: r.id, action: 'update', changes: { dueDate: [r.dueDate, due] }, cause });
    moved++;
  }
  return moved;
}

import type { StaffCreateInput, StaffUpdateInput } from '../../../../src-shared/contract/staff';
import { STAFF_LABELS } from '../../../../src-shared/contract/staff';
import type { HistoryRow, StaffView } from '../../../../src-shared/contract/peopleViews';
import type { HandlerContext } from '../../foundation/context';
import { CARD_SPECS, assertNewCardValid, completeCard, notFound, readCard, type Card } from '../repo/cards';
import { createCardRecord, updateCardRecord } from '../cardWrites';
import { assertNoDuplicate } from '../duplicates';
import { cardHistory } from '../repo/history';
import { cardViewBase } from '../cardView';
import type { PositionInput } from '../../../../src-shared/contract/peopleStaffCard';
import { closePositionsOn } from '../repo/staffChildren';
import type { Executor } from '../../foundation/executor';
import { staffHired } from '../ports';
import { staffCardExtras } from '../repo/listRows';

/** The staff card kept by HR: view, create, update, history; hiring opens the portal-account task. */
const spec = CARD_SPECS.staff;

export async function getStaff(ctx: HandlerContext, id: string): Promise<StaffView> {
  const db = ctx.core.db;
  const stored = await readCard(db, spec, id);
  if (!stored) throw notFound(spec);
  const { position, classes, login } = await staffCardExtras(db, id);
  return {
    ...(await cardViewBase<StaffView>(db, 'staff', stored)),
    position,
    classesLed: classes.map((c) => ({ classId: c.id, name: c.name })),
    appUserLogin: login,
  };
}

/** Work order 3.6: the account is due 3 working days after the hiring order (accounts listens). */
async function openHireTask(ctx: HandlerContext, trx: Executor, staffId: string, hireDate: string, orderDate: string | null, orderNumber: string | null): Promise<void> {
  for (const tell of staffHired.plugs) await tell(ctx, trx, { staffId, hireDate, orderDate, orderNumber });
}

/** A dismissal recorded (or moved) ends every position still in force on that day. */
function endPositionsOnDismissal(after: Card, before: Card | null): void {
  const dismissal = after.dismissalDate as string | null;
  if (!dismissal || (before && before.dismissalDate === dismissal)) return;
  after.positions = closePositionsOn((after.positions as PositionInput[]) ?? [], dismissal);
}

export async function createStaff(ctx: HandlerContext, input: StaffCreateInput & Record<string, unknown>): Promise<StaffView> {
  const { photo, hireOrder, allowDuplicate, ...fields } = input;
  const card = completeCard(spec, fields);
  endPositionsOnDismissal(card, null);
  assertNewCardValid(spec, card, STAFF_LABELS);
  if (!allowDuplicate) await assertNoDuplicate(ctx, 'staff', card);
  const id = await createCardRecord(ctx, spec, card, photo, async (trx, staffId) => {
    const hireDate = card.hireDate as string | null;
    if (hireDate && !card.dismissalDate) await openHireTask(ctx, trx, staffId, hireDate, hireOrder?.orderDate ?? null, card.hireOrderNumber as string | null);
  });
  return getStaff(ctx, id);
}

export async function updateStaff(ctx: HandlerContext, input: StaffUpdateInput & Record<string, unknown>): Promise<StaffView> {
  const { id, version, photo, ...patch } = input;
  await updateCardRecord(ctx, spec, {
    id,
    version,
    patch,
    photo,
    labels: STAFF_LABELS,
    adjust: endPositionsOnDismissal,
    within: async (trx, changes, after) => {
      // A hire date recorded later (a card typed before the order) opens the task then.
      if ('hireDate' in changes && after.hireDate && !after.dismissalDate) {
        await openHireTask(ctx, trx, id, after.hireDate as string, null, after.hireOrderNumber as string | null);
      }
    },
  });
  return getStaff(ctx, id);
}

export async function staffHistory(ctx: HandlerContext, id: string): Promise<HistoryRow[]> {
  if (!(await readCard(ctx.core.db, spec, id))) throw notFound(spec);
  return cardHistory(ctx.core.db, 'staff', id);
}

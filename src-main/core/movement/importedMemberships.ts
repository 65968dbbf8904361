import { newId } from '../../../src-shared/domain/ids';
import { AppError } from '../../../src-shared/errors';
import type { HandlerContext } from '../foundation/context';
import type { Executor } from '../foundation/executor';
import { insertMemberships, membershipsNotEndedBy } from './repo/membership';

export interface ImportedMembership {
  pupilId: string;
  classId: string;
  /** The class's name, for the pupil's history («Класс: — → 5А»). */
  className: string;
  startDate: string;
  /** «Иванов Иван → 5А», for the error. */
  label: string;
}

/**
 * Class memberships a list from outside gives pupils who have no class (the portal's pupil list at
 * onboarding): no order starts them, so nothing is journaled as movement. The rule the movement
 * book keeps holds here too: a pupil is in one class at a time, so a pupil still in a class on the
 * start date (or later) is refused, and with it the whole import. Audited on the pupil's card.
 */
export async function startImportedMemberships(ctx: HandlerContext, trx: Executor, items: readonly ImportedMembership[], cause: string): Promise<void> {
  if (items.length === 0) return;
  const open = await membershipsNotEndedBy(trx, items.map((i) => i.pupilId), items.reduce((min, i) => (i.startDate < min ? i.startDate : min), items[0].startDate));
  const busy = new Map(open.map((m) => [m.pupilId, m]));
  const seen = new Set<string>();
  for (const i of items) {
    const m = busy.get(i.pupilId);
    if ((m && (m.endDate === null || m.endDate > i.startDate)) || seen.has(i.pupilId)) {
      throw new AppError('CONFLICT', `${i.label}: обучающийся уже в классе на эту дату — класс меняется приказом в книге движения. Ничего не сохранено.`);
    }
    seen.add(i.pupilId);
  }
  await insertMemberships(
    trx,
    items.map((i) => ({ id: newId(), pupilId: i.pupilId, classId: i.classId, startDate: i.startDate, endDate: null, cause, orderItemId: null, endOrderItemId: null })),
  );
  for (const i of items) await ctx.audit.record(trx, { entity: 'pupil', recordId: i.pupilId, action: 'update', changes: { class: [null, i.className] }, cause });
}

import type { OrderDetail } from '../../../src-shared/contract/movementFields';
import type { OrderType } from '../../../src-shared/domain/movement/orderTypes';
import { fullName } from '../../../src-shared/domain/names';
import { AppError } from '../../../src-shared/errors';
import type { AuditRecorder, HandlerContext } from '../foundation/context';
import { applyItem, type AppliedChange } from './applyItem';
import { callerName, classInfo, emitMovementChanged, orderLabel, orderNotFound, refuse, staleOrder } from './common';
import { assignOrderNumber } from './counters';
import { effectJournal } from './repo/effects';
import { openEnrolmentAccountTasks } from './enrolmentAccounts';
import { getOrder, loadItems } from './repo/orders';
import { revertOrder } from './revert';
import type { Executor } from '../foundation/executor';
import { nowIso } from '../foundation/clock';
import { isUniqueViolation } from '../foundation/dbErrors';
import { orderRow, orderWithYear, patchOrder } from './repo/orderStatus';

/** Where the audit rows of a signing go: the dispatcher's recorder, or nowhere (demo data). */
export type AuditSink = AuditRecorder['record'];
export const noAudit: AuditSink = async () => undefined;

export interface SignOptions {
  numberText: string | null;
  signedBy: string | null;
  audit: AuditSink;
  /** Checked version of the draft; omitted by code that created the draft in the same transaction. */
  version?: number;
  /** Called after each applied item (progress of long orders; may throw CANCELLED to roll back). */
  onItem?: () => void;
}

/**
 * Signs a draft inside the caller's transaction: number, then every item applied in order, then the
 * status. Used by the sign method, the rollover wizard and the demo data, so all three leave the
 * same records behind.
 */
export async function signWithin(db: Executor, orderId: string, opts: SignOptions): Promise<{ numberText: string; changes: AppliedChange[] }> {
  const row = await orderWithYear(db, orderId);
  if (!row) throw orderNotFound();
  if (row.status !== 'draft') throw refuse(`Приказ № ${row.numberText ?? ''} уже ${row.status === 'signed' ? 'подписан' : 'отменён'}`);
  if (opts.version !== undefined && Number(row.version) !== opts.version) throw staleOrder('Приказ', Number(row.version));
  const items = await loadItems(db, [orderId]);
  if (items.length === 0) throw refuse('В приказе нет ни одного пункта — добавьте обучающихся');
  const type = row.orderType as OrderType;
  const { number, numberText } = await assignOrderNumber(db, row.academicYearId, row.yearName, type, opts.numberText);
  const cause = orderLabel({ numberText, orderDate: row.orderDate });
  const classes = await classInfo(db, items.flatMap((i) => [i.fromClassId, i.toClassId]));
  const journal = effectJournal(orderId);
  const changes: AppliedChange[] = [];
  for (const i of items) {
    changes.push(
      await applyItem(
        db,
        type,
        cause,
        {
          id: i.id,
          ordinal: Number(i.ordinal),
          pupilId: i.pupilId,
          pupilName: fullName(i),
          lastName: i.lastName,
          fromClassId: i.fromClassId,
          toClassId: i.toClassId,
          effectiveDate: i.effectiveDate,
          subgroupIds: JSON.parse(i.subgroupIds) as string[],
        },
        classes,
        journal,
      ),
    );
    opts.onItem?.();
  }
  const at = nowIso();
  await patchOrder(db, orderId, { status: 'signed', number, numberText, signedAt: at, signedBy: opts.signedBy, version: Number(row.version) + 1, updatedAt: at });
  await opts.audit(db, { entity: 'movementOrder', recordId: orderId, action: 'sign', changes: { number: numberText, orderDate: row.orderDate, title: row.title, items: items.length } });
  for (const c of changes) {
    const diff: Record<string, [unknown, unknown]> = { class: [c.fromClass, c.toClass], date: [null, c.date] };
    if (c.register) {
      diff.alphabetBookNumber = [null, String(c.register.number)];
      diff.personalFileNumber = [null, c.register.personalFileNumber];
    }
    await opts.audit(db, { entity: 'pupil', recordId: c.pupilId, action: 'update', changes: diff, cause });
  }
  return { numberText, changes };
}

function raceToConflict(err: unknown): never {
  if (isUniqueViolation(err)) {
    throw new AppError('CONFLICT', 'Номер приказа или алфавитной книги только что занял другой пользователь. Повторите подписание — ничего не изменено.');
  }
  throw err;
}

export async function signOrder(ctx: HandlerContext, id: string, version: number, numberText: string | null): Promise<OrderDetail> {
  await ctx.core.db
    .transaction()
    .execute(async (trx) => {
      await signWithin(trx, id, { numberText, signedBy: callerName(ctx), audit: ctx.audit.record, version });
      await openEnrolmentAccountTasks(ctx, trx, id);
    })
    .catch(raceToConflict);
  emitMovementChanged(ctx, id);
  return getOrder(ctx.core.db, id);
}

export async function cancelOrder(ctx: HandlerContext, id: string, version: number, reason: string): Promise<OrderDetail> {
  await ctx.core.db.transaction().execute(async (trx) => {
    const row = await orderRow(trx, id);
    if (!row) throw orderNotFound();
    if (row.status === 'draft') throw refuse('Черновик не подписан — его можно изменить или удалить, отменять нечего');
    if (row.status === 'cancelled') throw refuse(`Приказ № ${row.numberText} уже отменён`);
    if (Number(row.version) !== version) throw staleOrder('Приказ', Number(row.version));
    if (row.source === 'portal') {
      // Its items changed nothing here (classes came from the portal's pupil list): undoing it would undo nothing.
      throw refuse(
        `${orderLabel(row)} перенесён из портала «Сетевой город» как история книги движения и ничего не менял в составе классов программы, поэтому отменить его здесь нельзя. Если приказ отменён в портале, оформите нужное движение приказом в программе`,
      );
    }
    const label = orderLabel(row);
    const items = await loadItems(trx, [id]);
    const byId = new Map(items.map((i) => [i.id, i]));
    const describe = (itemId: string | null) => {
      const i = itemId ? byId.get(itemId) : undefined;
      return i ? `Пункт ${i.ordinal} (${fullName(i)})` : label;
    };
    const at = nowIso();
    const reverted = await revertOrder(trx, id, `${label} отменён: ${reason}`, at, describe);
    await patchOrder(trx, id, { status: 'cancelled', cancelledAt: at, cancelledBy: callerName(ctx), cancelReason: reason, version: version + 1, updatedAt: at });
    await ctx.audit.record(trx, { recordId: id, action: 'cancel', changes: { number: row.numberText, reason, reverted: reverted.length }, cause: reason });
    const classNames = await classInfo(trx, reverted.map((r) => r.classId ?? null));
    for (const r of reverted) {
      const item = r.itemId ? byId.get(r.itemId) : undefined;
      if (!item || r.kind === 'annulled') continue;
      const cls = r.classId ? (classNames.get(r.classId)?.name ?? null) : null;
      const diff: Record<string, [unknown, unknown]> = r.kind === 'left' ? { class: [cls, null] } : { class: [null, cls] };
      await ctx.audit.record(trx, { entity: 'pupil', recordId: item.pupilId, action: 'update', changes: diff, cause: `Отмена: ${label} (${reason})` });
    }
  });
  emitMovementChanged(ctx, id);
  return getOrder(ctx.core.db, id);
}

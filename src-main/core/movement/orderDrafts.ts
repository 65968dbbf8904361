import type { OrderDetail, OrderInput, orderInput } from '../../../src-shared/contract/movementFields';
import type { z } from '../../../src-shared/contract/zodRu';
import { formatRu } from '../../../src-shared/domain/calendar/dates';
import { declineAll } from '../../../src-shared/domain/movement/declension';
import { ORDER_TYPE_INFO, needsFromClass } from '../../../src-shared/domain/movement/orderTypes';
import { newId } from '../../../src-shared/domain/ids';
import { fullName } from '../../../src-shared/domain/names';
import { diffFields } from '../foundation/auditLog';
import type { HandlerContext } from '../foundation/context';
import { callerName, emitMovementChanged, orderNotFound, refuse, staleOrder, yearForOrder } from './common';
import { currentClassOf } from './repo/membership';
import { getOrder } from './repo/orders';
import { classExists, deleteItemRow, deleteItemsOf, deleteOrderRow, findOrderRow, insertItemRow, itemRowsOf, itemWithPupil, pupilNames, updateItemRow, updateOrderRow } from './repo/drafts';
import { insertOrderRow } from './repo/orderInsert';
import { createPupilFromItem, dropCardIfUnused } from './pupilCards';
import type { Executor } from '../foundation/executor';
import { nowIso } from '../foundation/clock';

type ParsedOrder = z.output<typeof orderInput>;
export type { OrderInput };

const HEADER_FIELDS = ['type', 'orderDate', 'title', 'basis', 'signatoryPosition', 'signatoryName'] as const;

/** Creates or saves a draft order with all its items in one transaction. */
export async function saveDraft(ctx: HandlerContext, id: string | null, version: number, order: ParsedOrder): Promise<OrderDetail> {
  const savedId = await ctx.core.db.transaction().execute(async (trx) => {
    const year = await yearForOrder(trx, order.orderDate);
    if (!year) throw refuse(`Приказ: дата ${formatRu(order.orderDate)} не попадает ни в один учебный год — сначала создайте учебный год`);
    const at = nowIso();
    let orderId = id;
    let before: Record<string, unknown> | null = null;
    if (orderId === null) {
      if (version !== 0) throw refuse('Приказ: новый приказ сохраняется с версией 0');
      orderId = await insertOrderRow(
        trx,
        { yearId: year.id, type: order.type, orderDate: order.orderDate, title: order.title, basis: order.basis, signatoryPosition: order.signatoryPosition, signatoryName: order.signatoryName, createdBy: callerName(ctx) },
        at,
      );
    } else {
      const row = await findOrderRow(trx, orderId);
      if (!row) throw orderNotFound();
      if (row.status !== 'draft') throw refuse(`Приказ № ${row.numberText ?? ''} уже ${row.status === 'signed' ? 'подписан' : 'отменён'} и не редактируется — создайте новый приказ`);
      if (Number(row.version) !== version) throw staleOrder('Черновик приказа', Number(row.version));
      before = { type: row.orderType, orderDate: row.orderDate, title: row.title, basis: row.basis, signatoryPosition: row.signatoryPosition, signatoryName: row.signatoryName };
      await updateOrderRow(trx, orderId, { academicYearId: year.id, orderType: order.type, orderDate: order.orderDate, title: order.title, basis: order.basis, signatoryPosition: order.signatoryPosition, signatoryName: order.signatoryName, version: version + 1, updatedAt: at });
    }
    const itemChanges = await saveItems(ctx, trx, orderId, order);
    const after = Object.fromEntries(HEADER_FIELDS.map((f) => [f, order[f]]));
    await ctx.audit.record(trx, { recordId: orderId, action: before ? 'update' : 'create', changes: { ...diffFields(before, after), ...itemChanges } });
    return orderId;
  });
  emitMovementChanged(ctx, savedId);
  return getOrder(ctx.core.db, savedId);
}

async function saveItems(ctx: HandlerContext, trx: Executor, orderId: string, order: ParsedOrder): Promise<Record<string, [unknown, unknown]>> {
  const existing = await itemRowsOf(trx, orderId);
  const byId = new Map(existing.map((e) => [e.id, e]));
  const info = ORDER_TYPE_INFO[order.type];
  const kept = new Set<string>();
  const added: string[] = [];
  const seen = new Map<string, number>();
  const rows = [];

  for (const [index, item] of order.items.entries()) {
    const ordinal = index + 1;
    const where = `Пункт ${ordinal}`;
    const prior = item.id ? byId.get(item.id) : undefined;
    if (item.id && !prior) throw refuse(`${where}: пункт не найден в этом приказе — обновите приказ`);
    if (prior) kept.add(prior.id);
    let pupilId = item.pupilId;
    let createdPupil = prior && prior.pupilId === pupilId ? Number(prior.createdPupil) : 0;
    if (item.newPupil) {
      if (info.effect !== 'in') throw refuse(`${where}: новую карточку можно создать только в приказе о зачислении`);
      pupilId = await createPupilFromItem(ctx, trx, item.newPupil, ordinal);
      createdPupil = 1;
    }
    const pupil = await pupilNames(trx, pupilId as string);
    if (!pupil) throw refuse(`${where}: карточка обучающегося не найдена — возможно, её удалили; выберите обучающегося заново`);
    const twin = seen.get(pupil.id);
    if (twin) throw refuse(`${where}: обучающийся ${fullName(pupil)} уже указан в пункте ${twin}`);
    seen.set(pupil.id, ordinal);

    if (order.type === 'enroll' && !item.enrollKind) throw refuse(`${where}: укажите, откуда прибыл обучающийся`);
    if (order.type === 'withdraw' && !item.destinationKind) throw refuse(`${where}: укажите, куда выбыл обучающийся`);
    let fromClassId = item.fromClassId;
    if (needsFromClass(order.type) && !fromClassId) fromClassId = (await currentClassOf(trx, pupil.id, item.effectiveDate))?.classId ?? null;
    if (!needsFromClass(order.type)) fromClassId = null;
    const toClassId = info.effect === 'out' ? null : item.toClassId;
    for (const classId of [fromClassId, toClassId]) {
      if (classId && !(await classExists(trx, classId))) {
        throw refuse(`${where}: класс не найден — возможно, его удалили; выберите класс заново`);
      }
    }

    const auto = declineAll({ ...pupil, sex: pupil.sex });
    const typed = { nameGenitive: item.nameGenitive ?? auto.genitive, nameDative: item.nameDative ?? auto.dative, nameAccusative: item.nameAccusative ?? auto.accusative };
    const namesEdited = typed.nameGenitive !== auto.genitive || typed.nameDative !== auto.dative || typed.nameAccusative !== auto.accusative ? 1 : 0;
    const values = {
      orderId,
      ordinal,
      pupilId: pupil.id,
      createdPupil,
      fromClassId,
      toClassId,
      effectiveDate: item.effectiveDate,
      enrollKind: info.effect === 'in' ? item.enrollKind : null,
      originSchool: item.originSchool,
      originDocument: item.originDocument,
      destinationKind: order.type === 'withdraw' ? item.destinationKind : null,
      destinationSchool: item.destinationSchool,
      reason: item.reason,
      note: item.note,
      subgroupIds: JSON.stringify(toClassId ? item.subgroupIds : []),
      ...typed,
      namesEdited,
    };
    if (prior) rows.push({ id: prior.id, values });
    else {
      rows.push({ id: newId(), values });
      added.push(fullName(pupil));
    }
  }

  const removed: string[] = [];
  for (const e of existing) {
    if (kept.has(e.id)) continue;
    const p = await pupilNames(trx, e.pupilId);
    removed.push(p ? fullName(p) : e.pupilId);
    await deleteItemRow(trx, e.id);
    if (Number(e.createdPupil) === 1) await dropCardIfUnused(ctx, trx, e.pupilId, e.id);
  }
  for (const r of rows) {
    if (byId.has(r.id)) await updateItemRow(trx, r.id, r.values);
    else await insertItemRow(trx, r.id, r.values);
  }
  const changes: Record<string, [unknown, unknown]> = {};
  if (added.length) changes.itemsAdded = [null, added];
  if (removed.length) changes.itemsRemoved = [removed, null];
  return changes;
}

/** Deletes a draft and the untouched cards its items created. */
export async function deleteDraft(ctx: HandlerContext, id: string, version: number): Promise<{ deleted: boolean }> {
  await ctx.core.db.transaction().execute(async (trx) => {
    const row = await findOrderRow(trx, id);
    if (!row) throw orderNotFound();
    if (row.status !== 'draft') throw refuse(`Приказ № ${row.numberText ?? ''} подписан — его можно только отменить с указанием причины`);
    if (Number(row.version) !== version) throw staleOrder('Черновик приказа', Number(row.version));
    const items = await itemRowsOf(trx, id);
    await deleteItemsOf(trx, id);
    for (const i of items) if (Number(i.createdPupil) === 1) await dropCardIfUnused(ctx, trx, i.pupilId, i.id);
    await deleteOrderRow(trx, id);
    await ctx.audit.record(trx, { recordId: id, action: 'delete', changes: { title: [row.title, null], orderDate: [row.orderDate, null], items: [items.length, null] } });
  });
  emitMovementChanged(ctx, id);
  return { deleted: true };
}

/** Saves the ФИО forms of the items as they are to be printed (any status). */
export async function saveNames(
  ctx: HandlerContext,
  id: string,
  version: number,
  names: { itemId: string; nameGenitive: string; nameDative: string; nameAccusative: string }[],
): Promise<OrderDetail> {
  await ctx.core.db.transaction().execute(async (trx) => {
    const row = await findOrderRow(trx, id);
    if (!row) throw orderNotFound();
    if (Number(row.version) !== version) throw staleOrder('Приказ', Number(row.version));
    const changes: Record<string, [unknown, unknown]> = {};
    for (const n of names) {
      const item = await itemWithPupil(trx, id, n.itemId);
      if (!item) throw refuse('Падежи ФИО: пункт не найден в этом приказе — обновите приказ');
      const auto = declineAll(item);
      const edited = n.nameGenitive !== auto.genitive || n.nameDative !== auto.dative || n.nameAccusative !== auto.accusative ? 1 : 0;
      const diff = diffFields(
        { nameGenitive: item.nameGenitive, nameDative: item.nameDative, nameAccusative: item.nameAccusative },
        { nameGenitive: n.nameGenitive, nameDative: n.nameDative, nameAccusative: n.nameAccusative },
      );
      for (const [k, v] of Object.entries(diff)) changes[`${k}.${item.ordinal}`] = v;
      await updateItemRow(trx, n.itemId, { nameGenitive: n.nameGenitive, nameDative: n.nameDative, nameAccusative: n.nameAccusative, namesEdited: edited });
    }
    await updateOrderRow(trx, id, { version: version + 1, updatedAt: nowIso() });
    await ctx.audit.record(trx, { recordId: id, action: 'update', changes });
  });
  emitMovementChanged(ctx, id);
  return getOrder(ctx.core.db, id);
}

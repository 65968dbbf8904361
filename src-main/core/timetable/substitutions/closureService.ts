import { CLOSURE_REASON_LABEL, CLOSURE_REASONS, type ClosureOut } from '../../../../src-shared/contract/timetableSubs';
import { newId } from '../../../../src-shared/domain/ids';
import type { HandlerContext } from '../../foundation/context';
import { nowIso } from '../../foundation/clock';
import { notFound, refusal, stale } from '../../foundation/refusals';
import { closuresOfRoom, deleteClosureIf, findClosure, insertClosure, roomFacts, type ClosureRow } from './repo/closures';
import { formatRuDate as dmy } from '../../../../src-shared/domain/ruDate';
import { yearOfRange } from './dateRange';

/**
 * «Кабинет закрыт» (ремонт, проверка): a room closed for dates, in one transaction with its audit row.
 * Its lessons then appear on the «Замены» screen like a teacher's; deleting the closure takes back
 * the decisions made for them.
 */

export function closureOut(c: ClosureRow, numbers: ReadonlyMap<string, string>): ClosureOut {
  const reason = (CLOSURE_REASONS as readonly string[]).includes(c.reason) ? (c.reason as ClosureOut['reason']) : 'other';
  return { id: c.id, roomId: c.roomId, roomNumber: numbers.get(c.roomId) ?? '—', dateFrom: c.dateFrom, dateTo: c.dateTo, reason, note: c.note, version: Number(c.version) };
}

export async function createClosure(ctx: HandlerContext, input: { roomId: string; dateFrom: string; dateTo: string; reason: ClosureOut['reason']; note: string | null }): Promise<ClosureOut> {
  return ctx.core.db.transaction().execute(async (trx) => {
    const room = (await roomFacts(trx)).find((r) => r.id === input.roomId);
    if (!room) throw notFound('Кабинет');
    const what = `Кабинет ${room.number}`;
    const y1 = await yearOfRange(trx, what, input.dateFrom, input.dateTo);
    const overlap = await closuresOfRoom(trx, input.roomId, input.dateFrom, input.dateTo);
    if (overlap.length) throw refusal(`${what}: уже закрыт с ${dmy(overlap[0].dateFrom)} по ${dmy(overlap[0].dateTo)} — измените или удалите это закрытие`);
    const at = nowIso();
    const row = { id: newId(), academicYearId: y1.id, roomId: input.roomId, dateFrom: input.dateFrom, dateTo: input.dateTo, reason: input.reason, note: input.note, createdAt: at, createdBy: ctx.caller.user?.name ?? null, updatedAt: at, version: 1 };
    await insertClosure(trx, row);
    await ctx.audit.record(trx, {
      entity: 'timetableRoomClosure',
      recordId: row.id,
      action: 'create',
      changes: { room: [null, room.number], dates: [null, `${dmy(input.dateFrom)} – ${dmy(input.dateTo)}`], reason: [null, CLOSURE_REASON_LABEL[input.reason]], note: [null, input.note] },
    });
    return closureOut(row, new Map([[room.id, room.number]]));
  });
}

export async function deleteClosure(ctx: HandlerContext, input: { id: string; version: number }) {
  return ctx.core.db.transaction().execute(async (trx) => {
    const row = await findClosure(trx, input.id);
    if (!row) throw notFound('Закрытие кабинета');
    const r = await deleteClosureIf(trx, input.id, input.version);
    if (!r.deleted) throw stale('Закрытие кабинета', Number(row.version));
    const room = (await roomFacts(trx)).find((x) => x.id === row.roomId);
    await ctx.audit.record(trx, {
      entity: 'timetableRoomClosure',
      recordId: row.id,
      action: 'delete',
      changes: { room: [room?.number ?? row.roomId, null], dates: [`${dmy(row.dateFrom)} – ${dmy(row.dateTo)}`, null], substitutions: [r.substitutions, 0] },
    });
    return r;
  });
}

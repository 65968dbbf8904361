import type { DayTransfer } from '../../../../src-shared/contract/calendar';
import { formatRu } from '../../../../src-shared/domain/calendar/dates';
import { createSchoolCalendar } from '../../../../src-shared/domain/calendar/schoolCalendar';
import { newId } from '../../../../src-shared/domain/ids';
import { lateNoticeWarning, transferProblems } from '../../../../src-shared/domain/schoolSetup/calendarRules';
import { decodeGradeScope, encodeGradeScope, type GradeScope } from '../../../../src-shared/domain/schoolSetup/gradeScope';
import { diffFields } from '../../foundation/auditLog';
import type { HandlerContext } from '../../foundation/context';
import { writableYear, yearBounds } from '../repo/years';
import { loadEffectiveProductionCalendar } from '../repo/productionCalendar';
import { calendarRows, settingsOf } from '../repo/schoolCalendar';
import { nowIso, schoolToday } from '../../foundation/clock';
import { expectVersion, notFound, refusal, refusalOf } from '../../foundation/refusals';
import { emitChanged } from '../../foundation/events';
import { deleteCalendarRecord, findTransfer, insertTransfer, transferDto, updateTransfer } from '../repo/calendarRecords';

const RECORD = 'Перенос учебного дня';

type ParsedTransfer = { date: string; worksAs: number; dayOff: string | null; grades: GradeScope; reason: string | null; orderRef: string | null };

function sharesGrades(a: GradeScope, b: GradeScope): boolean {
  return a === 'all' || b === 'all' || a.some((g) => b.includes(g));
}

export async function saveTransfer(
  ctx: HandlerContext,
  yearId: string,
  id: string | null,
  input: ParsedTransfer,
  version: number,
): Promise<{ transfer: DayTransfer; warnings: string[] }> {
  const t: ParsedTransfer = { date: input.date, worksAs: input.worksAs, dayOff: input.dayOff, grades: input.grades, reason: input.reason, orderRef: input.orderRef };
  const warnings: string[] = [];
  const at = nowIso();
  const savedId = await ctx.core.db.transaction().execute(async (trx) => {
    const year = await writableYear(trx, yearId);
    const rows = await calendarRows(trx, yearId);
    const others = rows.transfers.filter((o) => o.id !== id);
    for (const o of others) {
      const g = decodeGradeScope(o.grades);
      if (!sharesGrades(g, t.grades)) continue;
      if (o.date === t.date) throw refusal(`${RECORD}: на ${formatRu(t.date)} уже есть перенос для тех же классов`);
      if (t.dayOff && o.dayOffDate === t.dayOff) throw refusal(`${RECORD}: день ${formatRu(t.dayOff)} уже освобождён другим переносом`);
    }
    const production = await loadEffectiveProductionCalendar(trx, ctx.core.logger);
    // Judge the transfer against the calendar without it: is there anything to move?
    const without = createSchoolCalendar(settingsOf(year, { entries: rows.entries, transfers: others }), production);
    const problems = transferProblems(t, without, yearBounds(year));
    if (problems.length) throw refusalOf(`${RECORD} на ${formatRu(t.date)}`, problems);
    const late = lateNoticeWarning('transfer', t.date, schoolToday(), production);
    if (late) warnings.push(late);

    const values = {
      date: t.date,
      worksAs: t.worksAs,
      dayOffDate: t.dayOff,
      grades: encodeGradeScope(t.grades),
      reason: t.reason,
      orderRef: t.orderRef,
      updatedAt: at,
    };
    if (id === null) {
      if (version !== 0) throw refusal(`${RECORD}: новая запись сохраняется с версией 0`);
      const newTransferId = newId();
      await insertTransfer(trx, newTransferId, yearId, values);
      await ctx.audit.record(trx, { recordId: newTransferId, action: 'create', changes: diffFields(null, t) });
      return newTransferId;
    }
    const before = rows.transfers.find((o) => o.id === id);
    if (!before) throw notFound(RECORD);
    expectVersion(before, version, `${RECORD} на ${formatRu(before.date)}`);
    await updateTransfer(trx, id, values, version);
    const { id: _i, yearId: _y, version: _v, ...plain } = transferDto(before);
    await ctx.audit.record(trx, { recordId: id, action: 'update', changes: diffFields(plain, t) });
    return id;
  });
  emitChanged(ctx, 'dayTransfer', savedId);
  const row = await findTransfer(ctx.core.db, savedId);
  if (!row) throw notFound(RECORD);
  return { transfer: transferDto(row), warnings };
}

export async function deleteTransfer(ctx: HandlerContext, id: string, version: number): Promise<{ deleted: boolean }> {
  await ctx.core.db.transaction().execute(async (trx) => {
    const row = await findTransfer(trx, id);
    if (!row) throw notFound(RECORD);
    await writableYear(trx, row.academicYearId);
    expectVersion(row, version, `${RECORD} на ${formatRu(row.date)}`);
    await deleteCalendarRecord(trx, 'dayTransfer', id);
    const { id: _i, yearId: _y, version: _v, ...plain } = transferDto(row);
    await ctx.audit.record(trx, { recordId: id, action: 'delete', changes: diffFields(plain, null) });
  });
  emitChanged(ctx, 'dayTransfer', id);
  return { deleted: true };
}

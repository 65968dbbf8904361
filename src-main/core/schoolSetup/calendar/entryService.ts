import type { CalendarEntry } from '../../../../src-shared/contract/calendar';
import { newId } from '../../../../src-shared/domain/ids';
import { entryOutsideYear, lateNoticeWarning, type CalendarEntryKind } from '../../../../src-shared/domain/schoolSetup/calendarRules';
import { encodeGradeScope, type GradeScope } from '../../../../src-shared/domain/schoolSetup/gradeScope';
import { describeRange } from '../../../../src-shared/domain/schoolSetup/studyPeriods';
import { diffFields } from '../../foundation/auditLog';
import type { HandlerContext } from '../../foundation/context';
import { writableYear, yearBounds } from '../repo/years';
import { loadEffectiveProductionCalendar } from '../repo/productionCalendar';
import { nowIso, schoolToday } from '../../foundation/clock';
import { expectVersion, notFound, refusal } from '../../foundation/refusals';
import { emitChanged } from '../../foundation/events';
import { deleteCalendarRecord, entryDto, findEntry, insertEntry, listEntries, updateEntry } from '../repo/calendarRecords';

const RECORD = 'Каникулы / выходной день';

type ParsedEntry = { kind: CalendarEntryKind; name: string; startDate: string; endDate: string; grades: GradeScope; note: string | null };

function overlaps(a: ParsedEntry, b: CalendarEntry): boolean {
  const sharedGrades = a.grades === 'all' || b.grades === 'all' || a.grades.some((g) => (b.grades as number[]).includes(g));
  return sharedGrades && a.startDate <= b.endDate && b.startDate <= a.endDate;
}

export async function saveEntry(
  ctx: HandlerContext,
  yearId: string,
  id: string | null,
  input: ParsedEntry,
  version: number,
): Promise<{ entry: CalendarEntry; warnings: string[] }> {
  const e: ParsedEntry = { kind: input.kind, name: input.name, startDate: input.startDate, endDate: input.endDate, grades: input.grades, note: input.note };
  const warnings: string[] = [];
  const at = nowIso();
  const savedId = await ctx.core.db.transaction().execute(async (trx) => {
    const year = await writableYear(trx, yearId);
    const outside = entryOutsideYear(e, yearBounds(year));
    if (outside) throw refusal(outside);
    const existing = await listEntries(trx, yearId);
    for (const o of existing) {
      if (o.id !== id && overlaps(e, o)) warnings.push(`Пересекается с записью «${o.name}» (${describeRange(o.startDate, o.endDate)})`);
    }
    if (e.kind === 'holiday') {
      const late = lateNoticeWarning('holiday', e.startDate, schoolToday(), await loadEffectiveProductionCalendar(trx, ctx.core.logger));
      if (late) warnings.push(late);
    }
    const values = { kind: e.kind, name: e.name, startDate: e.startDate, endDate: e.endDate, grades: encodeGradeScope(e.grades), note: e.note, updatedAt: at };
    if (id === null) {
      if (version !== 0) throw refusal(`${RECORD}: новая запись сохраняется с версией 0`);
      const newEntryId = newId();
      await insertEntry(trx, newEntryId, yearId, values);
      await ctx.audit.record(trx, { recordId: newEntryId, action: 'create', changes: diffFields(null, e) });
      return newEntryId;
    }
    const before = existing.find((o) => o.id === id);
    if (!before) throw notFound(RECORD);
    expectVersion(before, version, `${RECORD} «${before.name}»`);
    await updateEntry(trx, id, values, version);
    const { id: _i, yearId: _y, version: _v, ...plain } = before;
    await ctx.audit.record(trx, { recordId: id, action: 'update', changes: diffFields(plain, e) });
    return id;
  });
  emitChanged(ctx, 'calendarEntry', savedId);
  const row = await findEntry(ctx.core.db, savedId);
  if (!row) throw notFound(RECORD);
  return { entry: entryDto(row), warnings };
}

export async function deleteEntry(ctx: HandlerContext, id: string, version: number): Promise<{ deleted: boolean }> {
  await ctx.core.db.transaction().execute(async (trx) => {
    const row = await findEntry(trx, id);
    if (!row) throw notFound(RECORD);
    await writableYear(trx, row.academicYearId);
    expectVersion(row, version, `${RECORD} «${row.name}»`);
    await deleteCalendarRecord(trx, 'calendarEntry', id);
    const { id: _i, academicYearId: _y, version: _v, updatedAt: _u, ...plain } = row;
    await ctx.audit.record(trx, { recordId: id, action: 'delete', changes: diffFields(plain, null) });
  });
  emitChanged(ctx, 'calendarEntry', id);
  return { deleted: true };
}

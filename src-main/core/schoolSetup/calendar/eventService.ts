import type { SchoolEvent } from '../../../../src-shared/contract/calendar';
import { formatRu } from '../../../../src-shared/domain/calendar/dates';
import { newId } from '../../../../src-shared/domain/ids';
import { lateNoticeWarning } from '../../../../src-shared/domain/schoolSetup/calendarRules';
import { describeRange } from '../../../../src-shared/domain/schoolSetup/studyPeriods';
import { diffFields } from '../../foundation/auditLog';
import type { HandlerContext } from '../../foundation/context';
import type { SchoolEventTable } from '../../db/schema';
import { writableYear } from '../repo/years';
import { loadEffectiveProductionCalendar } from '../repo/productionCalendar';
import { nowIso, schoolToday } from '../../foundation/clock';
import { expectVersion, notFound, refusal } from '../../foundation/refusals';
import { emitChanged } from '../../foundation/events';
import { deleteCalendarRecord, findEvent, insertEvent, listEvents, updateEvent, yearOfClass } from '../repo/calendarRecords';
import { staffExists } from '../repo/classes';

const RECORD = 'Мероприятие';

type ParsedEvent = Omit<SchoolEventTable, 'id' | 'academicYearId' | 'version' | 'updatedAt'>;

export async function saveEvent(
  ctx: HandlerContext,
  yearId: string,
  id: string | null,
  input: ParsedEvent,
  version: number,
): Promise<{ event: SchoolEvent; warnings: string[] }> {
  const e: ParsedEvent = {
    title: input.title,
    date: input.date,
    startTime: input.startTime,
    endTime: input.endTime,
    place: input.place,
    classId: input.classId,
    responsibleStaffId: input.responsibleStaffId,
    description: input.description,
  };
  const warnings: string[] = [];
  const at = nowIso();
  const savedId = await ctx.core.db.transaction().execute(async (trx) => {
    const year = await writableYear(trx, yearId);
    if (e.date < year.startDate || e.date > year.endDate) {
      throw refusal(`${RECORD} «${e.title}»: дата ${formatRu(e.date)} вне учебного года ${year.name} (${describeRange(year.startDate, year.endDate)})`);
    }
    if (e.classId) {
      if ((await yearOfClass(trx, e.classId)) !== yearId) throw refusal(`${RECORD} «${e.title}»: класс не найден в учебном году ${year.name}`);
    }
    if (e.responsibleStaffId) {
      if (!(await staffExists(trx, e.responsibleStaffId))) throw refusal(`${RECORD} «${e.title}»: ответственный сотрудник не найден`);
    }
    const late = lateNoticeWarning(e.classId ? 'classEvent' : 'schoolEvent', e.date, schoolToday(), await loadEffectiveProductionCalendar(trx, ctx.core.logger));
    if (late) warnings.push(late);
    if (id === null) {
      if (version !== 0) throw refusal(`${RECORD}: новая запись сохраняется с версией 0`);
      const newEventId = newId();
      await insertEvent(trx, newEventId, yearId, { ...e, updatedAt: at });
      await ctx.audit.record(trx, { recordId: newEventId, action: 'create', changes: diffFields(null, e) });
      return newEventId;
    }
    const before = await findEvent(trx, id);
    if (!before || before.academicYearId !== yearId) throw notFound(RECORD);
    expectVersion(before, version, `${RECORD} «${before.title}»`);
    await updateEvent(trx, id, { ...e, updatedAt: at }, version);
    const { id: _i, academicYearId: _y, version: _v, updatedAt: _u, ...plain } = before;
    await ctx.audit.record(trx, { recordId: id, action: 'update', changes: diffFields(plain, e) });
    return id;
  });
  emitChanged(ctx, 'schoolEvent', savedId);
  const [event] = await listEvents(ctx.core.db, yearId, savedId);
  return { event, warnings };
}

export async function deleteEvent(ctx: HandlerContext, id: string, version: number): Promise<{ deleted: boolean }> {
  await ctx.core.db.transaction().execute(async (trx) => {
    const row = await findEvent(trx, id);
    if (!row) throw notFound(RECORD);
    await writableYear(trx, row.academicYearId);
    expectVersion(row, version, `${RECORD} «${row.title}»`);
    await deleteCalendarRecord(trx, 'schoolEvent', id);
    await ctx.audit.record(trx, { recordId: id, action: 'delete', changes: { title: [row.title, null], date: [row.date, null] } });
  });
  emitChanged(ctx, 'schoolEvent', id);
  return { deleted: true };
}

import type { SchoolEvent } from '../../../../src-shared/contract/calendar';
import { formatRu } from '../../../../src-shared/domain/calendar/dates';
import { newId } from '../../../../src-shared/domain/ids';
import { shortName } from '../../../../src-shared/domain/names';
import { lateNoticeWarning } from '../../../../src-shared/domain/schoolSetup/calendarRules';
import { describeRange } from '../../../../src-shared/domain/schoolSetup/studyPeriods';
import { diffFields } from '../../foundation/auditLog';
import type { HandlerContext } from '../../foundation/context';
import { writableYear } from '../repo/years';
import { loadEffectiveProductionCalendar } from '../repo/productionCalendar';
import type { Executor } from '../../foundation/executor';
import { nowIso, schoolToday } from '../../foundation/clock';
import { expectVersion, notFound, refusal } from '../../foundation/refusals';
import { emitChanged } from '../../foundation/events';

const RECORD = 'Мероприятие';

type ParsedEvent = {
  title: string;
  date: string;
  startTime: string | null;
  endTime: string | null;
  place: string | null;
  classId: string | null;
  responsibleStaffId: string | null;
  description: string | null;
};

export async function listEvents(db: Executor, yearId: string, id?: string): Promise<SchoolEvent[]> {
  let q = db
    .selectFrom('schoolEvent')
    .leftJoin('schoolClass', 'schoolClass.id', 'schoolEvent.classId')
    .leftJoin('staff', 'staff.id', 'schoolEvent.responsibleStaffId')
    .selectAll('schoolEvent')
    .select(['schoolClass.name as className', 'staff.lastName', 'staff.firstName', 'staff.middleName'])
    .where('schoolEvent.academicYearId', '=', yearId);
  if (id) q = q.where('schoolEvent.id', '=', id);
  const rows = await q.orderBy('schoolEvent.date').orderBy('schoolEvent.startTime').execute();
  return rows.map((r) => ({
    id: r.id,
    yearId: r.academicYearId,
    title: r.title,
    date: r.date,
    startTime: r.startTime,
    endTime: r.endTime,
    place: r.place,
    classId: r.classId,
    className: r.className ?? null,
    responsibleStaffId: r.responsibleStaffId,
    responsibleName: r.lastName ? shortName({ lastName: r.lastName, firstName: r.firstName ?? '', middleName: r.middleName }) : null,
    description: r.description,
    version: r.version,
  }));
}

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
      const cls = await trx.selectFrom('schoolClass').select(['academicYearId']).where('id', '=', e.classId).executeTakeFirst();
      if (!cls || cls.academicYearId !== yearId) throw refusal(`${RECORD} «${e.title}»: класс не найден в учебном году ${year.name}`);
    }
    if (e.responsibleStaffId) {
      const staff = await trx.selectFrom('staff').select('id').where('id', '=', e.responsibleStaffId).executeTakeFirst();
      if (!staff) throw refusal(`${RECORD} «${e.title}»: ответственный сотрудник не найден`);
    }
    const late = lateNoticeWarning(e.classId ? 'classEvent' : 'schoolEvent', e.date, schoolToday(), await loadEffectiveProductionCalendar(trx, ctx.core.logger));
    if (late) warnings.push(late);
    if (id === null) {
      if (version !== 0) throw refusal(`${RECORD}: новая запись сохраняется с версией 0`);
      const newEventId = newId();
      await trx.insertInto('schoolEvent').values({ id: newEventId, academicYearId: yearId, ...e, version: 1, updatedAt: at }).execute();
      await ctx.audit.record(trx, { recordId: newEventId, action: 'create', changes: diffFields(null, e) });
      return newEventId;
    }
    const before = await trx.selectFrom('schoolEvent').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before || before.academicYearId !== yearId) throw notFound(RECORD);
    expectVersion(before, version, `${RECORD} «${before.title}»`);
    await trx.updateTable('schoolEvent').set({ ...e, version: before.version + 1, updatedAt: at }).where('id', '=', id).where('version', '=', version).execute();
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
    const row = await trx.selectFrom('schoolEvent').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound(RECORD);
    await writableYear(trx, row.academicYearId);
    expectVersion(row, version, `${RECORD} «${row.title}»`);
    await trx.deleteFrom('schoolEvent').where('id', '=', id).execute();
    await ctx.audit.record(trx, { recordId: id, action: 'delete', changes: { title: [row.title, null], date: [row.date, null] } });
  });
  emitChanged(ctx, 'schoolEvent', id);
  return { deleted: true };
}

import type { AcademicYear, AcademicYearInput } from '../../../../src-shared/contract/years';
import { newId } from '../../../../src-shared/domain/ids';
import { describeRange } from '../../../../src-shared/domain/schoolSetup/studyPeriods';
import { formatRu } from '../../../../src-shared/domain/calendar/dates';
import { diffFields } from '../../foundation/auditLog';
import type { HandlerContext } from '../../foundation/context';
import { parseWeekLengthByGrade } from '../repo/schoolCalendar';
import { describeYear, findYear, type YearRow } from '../repo/years';
import type { Executor } from '../../foundation/executor';
import { nowIso } from '../../foundation/clock';
import { bool, expectVersion, notFound, refusal, refusalOf } from '../../foundation/refusals';
import { emitChanged } from '../../foundation/events';

const RECORD = 'Учебный год';

export function yearDto(row: YearRow): AcademicYear {
  return {
    id: row.id,
    name: row.name,
    startDate: row.startDate,
    endDate: row.endDate,
    isCurrent: bool(row.isCurrent),
    isClosed: bool(row.isClosed),
    weekLength: row.weekLength === 6 ? 6 : 5,
    weekLengthByGrade: parseWeekLengthByGrade(row.weekLengthByGrade),
    version: row.version,
    updatedAt: row.updatedAt,
  };
}

type ParsedYear = Required<Pick<AcademicYearInput, 'name' | 'startDate' | 'endDate'>> & { weekLength: 5 | 6; weekLengthByGrade: Record<string, 5 | 6> };

function auditable(y: ParsedYear | AcademicYear): Record<string, unknown> {
  return { name: y.name, startDate: y.startDate, endDate: y.endDate, weekLength: y.weekLength, weekLengthByGrade: y.weekLengthByGrade };
}

export async function listYears(db: Executor): Promise<AcademicYear[]> {
  const rows = await db.selectFrom('academicYear').selectAll().orderBy('startDate', 'desc').execute();
  return rows.map(yearDto);
}

/** Periods, holidays, transfers and events that would fall outside new year dates. */
async function outsideNewDates(db: Executor, yearId: string, start: string, end: string): Promise<string[]> {
  const out: string[] = [];
  const periods = await db
    .selectFrom('studyPeriod')
    .innerJoin('studyPeriodScheme', 'studyPeriodScheme.id', 'studyPeriod.schemeId')
    .select(['studyPeriod.name', 'studyPeriod.startDate', 'studyPeriod.endDate', 'studyPeriodScheme.name as scheme'])
    .where('studyPeriodScheme.academicYearId', '=', yearId)
    .execute();
  for (const p of periods) {
    if (p.startDate < start || p.endDate > end) out.push(`период «${p.name}» схемы «${p.scheme}» (${describeRange(p.startDate, p.endDate)})`);
  }
  const entries = await db.selectFrom('calendarEntry').select(['name', 'startDate', 'endDate']).where('academicYearId', '=', yearId).execute();
  for (const e of entries) if (e.startDate < start || e.endDate > end) out.push(`«${e.name}» (${describeRange(e.startDate, e.endDate)})`);
  const transfers = await db.selectFrom('dayTransfer').select(['date', 'dayOffDate']).where('academicYearId', '=', yearId).execute();
  for (const t of transfers) {
    if (t.date < start || t.date > end || (t.dayOffDate && (t.dayOffDate < start || t.dayOffDate > end))) {
      out.push(`перенос учебного дня на ${formatRu(t.date)}`);
    }
  }
  const events = await db.selectFrom('schoolEvent').select(['title', 'date']).where('academicYearId', '=', yearId).execute();
  for (const e of events) if (e.date < start || e.date > end) out.push(`мероприятие «${e.title}» ${formatRu(e.date)}`);
  return out;
}

async function checkAgainstOtherYears(db: Executor, id: string | null, y: ParsedYear): Promise<void> {
  const others = await db.selectFrom('academicYear').selectAll().execute();
  for (const o of others) {
    if (o.id === id) continue;
    if (o.name === y.name) throw refusal(`${RECORD} ${y.name} уже есть`);
    if (y.startDate <= o.endDate && o.startDate <= y.endDate) {
      throw refusal(`${RECORD} ${y.name} (${describeRange(y.startDate, y.endDate)}) пересекается с учебным годом ${describeYear(o)}`);
    }
  }
}

export async function saveYear(ctx: HandlerContext, id: string | null, y: ParsedYear, version: number): Promise<AcademicYear> {
  const at = nowIso();
  const savedId = await ctx.core.db.transaction().execute(async (trx) => {
    await checkAgainstOtherYears(trx, id, y);
    const values = {
      name: y.name,
      startDate: y.startDate,
      endDate: y.endDate,
      weekLength: y.weekLength,
      weekLengthByGrade: JSON.stringify(y.weekLengthByGrade),
      updatedAt: at,
    };
    if (id === null) {
      if (version !== 0) throw refusal(`${RECORD}: новая запись сохраняется с версией 0`);
      const hasCurrent = await trx.selectFrom('academicYear').select('id').where('isCurrent', '=', 1).executeTakeFirst();
      const newYearId = newId();
      await trx
        .insertInto('academicYear')
        .values({ id: newYearId, ...values, isCurrent: hasCurrent ? 0 : 1, isClosed: 0, version: 1 })
        .execute();
      await ctx.audit.record(trx, { recordId: newYearId, action: 'create', changes: diffFields(null, auditable(y)) });
      return newYearId;
    }
    const row = await findYear(trx, id);
    if (!row) throw notFound(RECORD);
    expectVersion(row, version, `${RECORD} ${row.name}`);
    if (row.isClosed === 1) throw refusal(`${RECORD} ${row.name} закрыт: его данные только для чтения`);
    const outside = await outsideNewDates(trx, id, y.startDate, y.endDate);
    if (outside.length) {
      throw refusalOf(`${RECORD} ${y.name}: в новые даты ${describeRange(y.startDate, y.endDate)} не помещаются записи`, outside);
    }
    const changes = diffFields(auditable(yearDto(row)), auditable(y));
    if (Object.keys(changes).length === 0) return id;
    await trx.updateTable('academicYear').set({ ...values, version: row.version + 1 }).where('id', '=', id).where('version', '=', version).execute();
    await ctx.audit.record(trx, { recordId: id, action: 'update', changes });
    return id;
  });
  emitChanged(ctx, 'academicYear', savedId);
  return yearDto((await findYear(ctx.core.db, savedId)) as YearRow);
}

export async function setCurrentYear(ctx: HandlerContext, id: string): Promise<{ years: AcademicYear[] }> {
  await ctx.core.db.transaction().execute(async (trx) => {
    const row = await findYear(trx, id);
    if (!row) throw notFound(RECORD);
    if (row.isClosed === 1) throw refusal(`${RECORD} ${row.name} закрыт — закрытый год нельзя сделать текущим`);
    if (row.isCurrent === 1) return;
    const previous = await trx.selectFrom('academicYear').select(['id', 'name', 'version']).where('isCurrent', '=', 1).execute();
    const at = nowIso();
    for (const p of previous) {
      await trx.updateTable('academicYear').set({ isCurrent: 0, version: p.version + 1, updatedAt: at }).where('id', '=', p.id).execute();
    }
    await trx.updateTable('academicYear').set({ isCurrent: 1, version: row.version + 1, updatedAt: at }).where('id', '=', id).execute();
    await ctx.audit.record(trx, { recordId: id, action: 'update', changes: { isCurrent: [false, true], previous: previous.map((p) => p.name) } });
  });
  emitChanged(ctx, 'academicYear', id);
  return { years: await listYears(ctx.core.db) };
}

export async function setYearClosed(ctx: HandlerContext, id: string, closed: boolean, version: number): Promise<AcademicYear> {
  await ctx.core.db.transaction().execute(async (trx) => {
    const row = await findYear(trx, id);
    if (!row) throw notFound(RECORD);
    expectVersion(row, version, `${RECORD} ${row.name}`);
    if (bool(row.isClosed) === closed) return;
    await trx.updateTable('academicYear').set({ isClosed: closed ? 1 : 0, version: row.version + 1, updatedAt: nowIso() }).where('id', '=', id).execute();
    await ctx.audit.record(trx, { recordId: id, action: closed ? 'close' : 'reopen', changes: { isClosed: [!closed, closed] } });
  });
  emitChanged(ctx, 'academicYear', id);
  return yearDto((await findYear(ctx.core.db, id)) as YearRow);
}

export async function deleteYear(ctx: HandlerContext, id: string, version: number): Promise<{ deleted: boolean }> {
  await ctx.core.db.transaction().execute(async (trx) => {
    const row = await findYear(trx, id);
    if (!row) throw notFound(RECORD);
    expectVersion(row, version, `${RECORD} ${row.name}`);
    if (row.isClosed === 1) throw refusal(`${RECORD} ${row.name} закрыт: удалить его нельзя`);
    const classes = await trx.selectFrom('schoolClass').select('name').where('academicYearId', '=', id).execute();
    if (classes.length) {
      throw refusal(
        `В учебном году ${row.name} есть классы (${classes.length}: ${classes.slice(0, 5).map((c) => c.name).join(', ')}${classes.length > 5 ? '…' : ''}) — сначала удалите их`,
      );
    }
    const schemes = trx.selectFrom('studyPeriodScheme').select('id').where('academicYearId', '=', id);
    await trx.deleteFrom('studyPeriod').where('schemeId', 'in', schemes).execute();
    await trx.deleteFrom('studyPeriodSchemeGrade').where('academicYearId', '=', id).execute();
    await trx.deleteFrom('studyPeriodScheme').where('academicYearId', '=', id).execute();
    const bells = trx.selectFrom('bellSchedule').select('id').where('academicYearId', '=', id);
    await trx.deleteFrom('bellLesson').where('scheduleId', 'in', bells).execute();
    await trx.deleteFrom('bellSchedule').where('academicYearId', '=', id).execute();
    for (const t of ['calendarEntry', 'dayTransfer', 'schoolEvent'] as const) await trx.deleteFrom(t).where('academicYearId', '=', id).execute();
    await trx.deleteFrom('academicYear').where('id', '=', id).execute();
    await ctx.audit.record(trx, { recordId: id, action: 'delete', changes: diffFields(auditable(yearDto(row)), null) });
  });
  emitChanged(ctx, 'academicYear', id);
  return { deleted: true };
}

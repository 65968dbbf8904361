import type { AcademicYear, AcademicYearInput } from '../../../../src-shared/contract/years';
import { newId } from '../../../../src-shared/domain/ids';
import { describeRange } from '../../../../src-shared/domain/schoolSetup/studyPeriods';
import { formatRu } from '../../../../src-shared/domain/calendar/dates';
import { diffFields } from '../../foundation/auditLog';
import type { HandlerContext } from '../../foundation/context';
import { parseWeekLengthByGrade } from '../repo/schoolCalendar';
import { classesForSetupCheck, currentYearRows, datedRecordsOfYear, deleteYearRows, describeYear, findYear, insertYear, updateYear, yearRows, type YearRow } from '../repo/years';
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
  return (await yearRows(db)).map(yearDto);
}

/** Periods, holidays, transfers and events that would fall outside new year dates. */
async function outsideNewDates(db: Executor, yearId: string, start: string, end: string): Promise<string[]> {
  const out: string[] = [];
  const { periods, entries, transfers, events } = await datedRecordsOfYear(db, yearId);
  for (const p of periods) {
    if (p.startDate < start || p.endDate > end) out.push(`период «${p.name}» схемы «${p.scheme}» (${describeRange(p.startDate, p.endDate)})`);
  }
  for (const e of entries) if (e.startDate < start || e.endDate > end) out.push(`«${e.name}» (${describeRange(e.startDate, e.endDate)})`);
  for (const t of transfers) {
    if (t.date < start || t.date > end || (t.dayOffDate && (t.dayOffDate < start || t.dayOffDate > end))) {
      out.push(`перенос учебного дня на ${formatRu(t.date)}`);
    }
  }
  for (const e of events) if (e.date < start || e.date > end) out.push(`мероприятие «${e.title}» ${formatRu(e.date)}`);
  return out;
}

async function checkAgainstOtherYears(db: Executor, id: string | null, y: ParsedYear): Promise<void> {
  const others = await yearRows(db);
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
      const hasCurrent = (await currentYearRows(trx)).length > 0;
      const newYearId = newId();
      await insertYear(trx, newYearId, values, !hasCurrent);
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
    await updateYear(trx, id, values, version, true);
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
    const previous = await currentYearRows(trx);
    const at = nowIso();
    for (const p of previous) {
      await updateYear(trx, p.id, { isCurrent: 0, updatedAt: at }, p.version);
    }
    await updateYear(trx, id, { isCurrent: 1, updatedAt: at }, row.version);
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
    await updateYear(trx, id, { isClosed: closed ? 1 : 0, updatedAt: nowIso() }, row.version);
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
    const classes = await classesForSetupCheck(trx, id);
    if (classes.length) {
      throw refusal(
        `В учебном году ${row.name} есть классы (${classes.length}: ${classes.slice(0, 5).map((c) => c.name).join(', ')}${classes.length > 5 ? '…' : ''}) — сначала удалите их`,
      );
    }
    await deleteYearRows(trx, id);
    await ctx.audit.record(trx, { recordId: id, action: 'delete', changes: diffFields(auditable(yearDto(row)), null) });
  });
  emitChanged(ctx, 'academicYear', id);
  return { deleted: true };
}

import type { ExportedFile } from '../../../../src-shared/contract/files';
import type { DrillResult, DrillTarget, ReportParams, ReportResult, ReportTable } from '../../../../src-shared/contract/reportResult';
import { REPORTS, reportDefaultDate, type ReportAudience, type ReportKey } from '../../../../src-shared/domain/reports/catalogue';
import { AppError } from '../../../../src-shared/errors';
import { assertCanSeeClass, visibleClassIds } from '../../access/index';
import { schoolToday } from '../../foundation/clock';
import type { HandlerContext } from '../../foundation/context';
import { cachedRun, rememberRun } from './cache';
import { drillKey, gridFactory, type BuiltTable } from './grid';
import { drillPeople } from './drillPeople';
import { reportWorkbook } from './excel';
import { REPORT_DEFS } from './registry';
import { schoolShortName } from './school';
import { classExists, classesInYearOf, currentYearId, findYear } from '../repo/lookups';
import type { ResolvedParams, RunOutcome } from './types';

/**
 * Runs a catalogue report for a caller: checks that the report belongs to the audience the method
 * was called for, resolves the parameters (defaults, the year, the caller's classes), computes,
 * remembers the members of every cell for drill-downs, and writes the personal-data export row
 * (152-ФЗ: a count of two children in a class identifies them).
 */
function refuseAudience(key: ReportKey, audience: ReportAudience): AppError {
  return new AppError('VALIDATION', `Отчёт «${REPORTS[key].title}» не относится к этому разделу каталога (${audience}).`);
}

async function resolveParams(ctx: HandlerContext, key: ReportKey, params: ReportParams): Promise<ResolvedParams> {
  const def = REPORT_DEFS[key];
  const info = REPORTS[key];
  const db = ctx.core.db;
  let yearId = params.yearId ?? null;
  if (def.needsYear) {
    if (!yearId) yearId = await currentYearId(db);
    if (!yearId) throw new AppError('VALIDATION', `Отчёт «${info.title}»: выберите учебный год (текущий год не задан).`, { issues: [{ path: 'params.yearId', message: 'выберите учебный год' }] });
    if (!(await findYear(db, yearId))) throw new AppError('NOT_FOUND', `Отчёт «${info.title}»: учебный год не найден — обновите список лет.`);
  }
  const date = params.date ?? reportDefaultDate(key, schoolToday());
  let classIds: string[] | null = null;
  if (info.audience === 'class') {
    if (params.classId) {
      if (!(await classExists(db, params.classId))) throw new AppError('NOT_FOUND', `Отчёт «${info.title}»: класс не найден — обновите список классов.`);
      await assertCanSeeClass(ctx, params.classId);
      classIds = [params.classId];
    } else {
      const visible = await visibleClassIds(ctx);
      // «My classes» on the report's day: a class teacher keeps the class into the next year too.
      classIds = visible ? await classesInYearOf(db, [...visible], date) : null;
      if (def.needsClass) {
        if (classIds && classIds.length === 1) return { date, classIds, yearId };
        throw new AppError('VALIDATION', `Отчёт «${info.title}»: выберите класс.`, { issues: [{ path: 'params.classId', message: 'выберите класс' }] });
      }
    }
  }
  return { date, classIds, yearId };
}

function cacheKey(ctx: HandlerContext, key: ReportKey, p: ResolvedParams, collect: string | null): string {
  return JSON.stringify([ctx.caller.user?.id ?? '', key, p.date, p.classIds, p.yearId, collect]);
}

function isBuilt(t: BuiltTable | ReportTable): t is BuiltTable {
  return 'members' in t;
}

/**
 * Computes a report. `collect` names the table whose cells keep their members (a drill-down opens
 * one of its numbers); otherwise the report only counts, which is what makes a district's report fast.
 */
export async function computeReport(ctx: HandlerContext, audience: ReportAudience, key: ReportKey, params: ReportParams, collect: string | null = null): Promise<RunOutcome> {
  if (REPORTS[key].audience !== audience) throw refuseAudience(key, audience);
  const resolved = await resolveParams(ctx, key, params);
  const ck = cacheKey(ctx, key, resolved, collect);
  const cached = cachedRun(ctx.core, ck);
  if (cached) return cached;
  const schoolName = await schoolShortName(ctx.core.db);
  const computed = await REPORT_DEFS[key].compute({ db: ctx.core.db, params: resolved, user: ctx.caller.user, schoolName, grid: gridFactory(collect) });
  const members: RunOutcome['members'] = new Map();
  const tables: ReportTable[] = [];
  for (const t of computed.tables) {
    if (isBuilt(t)) {
      tables.push(t.table);
      for (const [k, v] of t.members) members.set(k, v);
    } else tables.push(t);
  }
  const result: ReportResult = {
    key,
    title: REPORTS[key].title,
    subtitle: computed.subtitle,
    schoolName,
    tables,
    checks: computed.checks ?? [],
    notes: computed.notes ?? [],
  };
  const outcome: RunOutcome = { result, members, detailSheet: computed.detailSheet, params: { date: resolved.date, classId: params.classId ?? null, yearId: resolved.yearId } };
  rememberRun(ctx.core, ck, outcome);
  return outcome;
}

function peopleIn(result: ReportResult): number {
  return result.tables.reduce((n, t) => n + (t.kind === 'list' ? t.rows.length : 0), 0);
}

/** The report on screen; its audit row says which report, with what parameters, and how many named rows. */
export async function runReport(ctx: HandlerContext, audience: ReportAudience, key: ReportKey, params: ReportParams): Promise<ReportResult> {
  const { result, params: used } = await computeReport(ctx, audience, key, params);
  await ctx.audit.record(ctx.core.db, { entity: 'report', recordId: key, action: 'export', changes: { report: result.title, format: 'screen', params: used, namedRows: peopleIn(result) } });
  return result;
}

export async function drillReport(ctx: HandlerContext, audience: ReportAudience, key: ReportKey, params: ReportParams, target: DrillTarget): Promise<DrillResult> {
  const { result, members, params: used } = await computeReport(ctx, audience, key, params, target.table);
  const table = result.tables.find((t) => t.id === target.table);
  const row = table?.rows.find((r) => r.key === target.row);
  const column = table?.columns.find((c) => c.key === target.column);
  if (!table || !row || !column) throw new AppError('NOT_FOUND', `Отчёт «${result.title}»: такой ячейки нет — обновите отчёт.`);
  const cell = members.get(drillKey(target.table, target.row, target.column));
  const title = `${table.title}: ${row.label} — ${column.group ? `${column.group}, ` : ''}${column.title}`;
  const people = cell ? await drillPeople(ctx, cell, used.date ?? schoolToday()) : [];
  await ctx.audit.record(ctx.core.db, {
    entity: 'report',
    recordId: key,
    action: 'export',
    changes: { report: result.title, format: 'drill', params: used, cell: title, people: people.length },
  });
  return { title, personKind: cell?.kind ?? (table.personKind ?? 'pupil'), people };
}

/** The report as a print-ready Excel workbook; its audit row counts the named rows it carries. */
export async function exportReport(ctx: HandlerContext, audience: ReportAudience, key: ReportKey, params: ReportParams): Promise<ExportedFile> {
  const { result, detailSheet, params: used } = await computeReport(ctx, audience, key, params);
  const file = await reportWorkbook(result, detailSheet?.(), schoolToday());
  await ctx.audit.record(ctx.core.db, { entity: 'report', recordId: key, action: 'export', changes: { report: result.title, format: 'xlsx', params: used, fileName: file.fileName, rows: file.rows } });
  return file;
}

import type ExcelJS from 'exceljs';
import type { BuilderResult } from '../../../../src-shared/contract/reportBuilder';
import type { ExportedFile } from '../../../../src-shared/contract/files';
import { RIGHTS } from '../../../../src-shared/contract/rights';
import { formatRu } from '../../../../src-shared/domain/calendar/dates';
import { ENTITY_INFO, fieldOf, type BuilderField } from '../../../../src-shared/domain/reports/builderFields';
import { evaluate, type BuilderDefinition } from '../../../../src-shared/domain/reports/builderEval';
import { AppError } from '../../../../src-shared/errors';
import { hasRight } from '../../access/index';
import { visibleClassIds } from '../../access/index';
import { schoolToday } from '../../foundation/clock';
import type { HandlerContext } from '../../foundation/context';
import { newWorkbook, toFile } from '../../foundation/xlsxSheet';
import { schoolShortName } from '../engine/school';
import { getSaved } from './savedReports';
import { SOURCES } from './sources';

/**
 * Runs a builder definition for the caller: the entity's read right, the caller's class scope, and
 * the field rights (a column the caller may not see is blanked and marked; a filter or grouping on
 * it is refused, since it would reveal the hidden values). The screen gets the first rows; the Excel
 * file gets all of them with group headers, counts and totals.
 */
const SCREEN_ROWS = 2000;

function assertEntityRight(ctx: HandlerContext, def: BuilderDefinition): void {
  const info = ENTITY_INFO[def.entity];
  if (!hasRight(ctx.caller.user, info.right)) {
    throw new AppError('FORBIDDEN', `Недостаточно прав: отчёт о «${info.title.toLowerCase()}» строится с правом «${RIGHTS[info.right]}».`);
  }
}

function hiddenFields(ctx: HandlerContext, def: BuilderDefinition): Set<string> {
  const out = new Set<string>();
  for (const f of ENTITY_INFO[def.entity].fields) if (f.needs && !hasRight(ctx.caller.user, f.needs)) out.add(f.key);
  return out;
}

export interface BuilderRun {
  result: BuilderResult;
  date: string;
}

export async function runDefinition(ctx: HandlerContext, def: BuilderDefinition, title: string, dateOverride?: string | null, limit: number | null = SCREEN_ROWS): Promise<BuilderRun> {
  assertEntityRight(ctx, def);
  const hidden = hiddenFields(ctx, def);
  for (const key of [...def.filters.map((f) => f.field), ...def.groupBy, ...def.sort.map((s) => s.field)]) {
    if (hidden.has(key)) {
      const f = fieldOf(def.entity, key) as BuilderField;
      throw new AppError('FORBIDDEN', `Недостаточно прав: условие, группировка или сортировка по полю «${f.label}» требуют права «${RIGHTS[f.needs as keyof typeof RIGHTS]}».`);
    }
  }
  const date = dateOverride ?? def.date ?? schoolToday();
  const info = ENTITY_INFO[def.entity];
  const visible = def.entity === 'pupils' || def.entity === 'parents' || def.entity === 'classes' ? await visibleClassIds(ctx) : null;
  const used = new Set([...def.columns, ...def.filters.map((f) => f.field), ...def.groupBy, ...def.sort.map((s) => s.field)]);
  const source = await SOURCES[def.entity](ctx.core.db, { date, classIds: visible ? [...visible] : null, used });
  for (const row of source) for (const key of hidden) row.values[key] = null;
  const evaluated = evaluate(source, def);
  const rows = limit === null ? evaluated.rows : evaluated.rows.slice(0, limit);
  const schoolName = await schoolShortName(ctx.core.db);
  return {
    date,
    result: {
      title,
      subtitle: `${schoolName}; ${info.title.toLowerCase()}${info.dated ? ` на ${formatRu(date)}` : ''}`,
      entity: def.entity,
      columns: def.columns.map((k) => {
        const f = fieldOf(def.entity, k) as BuilderField;
        return { key: k, label: hidden.has(k) ? `${f.label} (нет доступа)` : f.label, type: f.type, hidden: hidden.has(k) };
      }),
      rows,
      groups: evaluated.groups.filter((g) => g.start < rows.length),
      totals: evaluated.totals,
      total: evaluated.rows.length,
      truncated: rows.length < evaluated.rows.length,
    },
  };
}

export async function auditRun(ctx: HandlerContext, recordId: string | null, title: string, format: 'screen' | 'xlsx', date: string, rows: number, def: BuilderDefinition): Promise<void> {
  await ctx.audit.record(ctx.core.db, { entity: 'report', recordId, action: 'export', changes: { report: title, format, date, rows, entity: def.entity, columns: def.columns } });
}

const BORDER = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } } as const;

/** The builder's result as Excel: title, school and date, a frozen header, group headers with counts and totals. */
export async function builderWorkbook(r: BuilderResult, made: string): Promise<ExportedFile> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('Отчёт', { pageSetup: { paperSize: 9, orientation: r.columns.length > 5 ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const span = r.columns.length + 1;
  for (const [i, line] of [r.title, r.subtitle].entries()) {
    const row = ws.addRow([line]);
    row.font = i === 0 ? { bold: true, size: 13 } : { italic: true };
    ws.mergeCells(row.number, 1, row.number, span);
  }
  ws.addRow([]);
  const head = ws.addRow(['№', ...r.columns.map((c) => c.label)]);
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  head.eachCell((c) => ((c.border = BORDER), (c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } })));
  ws.getColumn(1).width = 6;
  r.columns.forEach((c, i) => (ws.getColumn(i + 2).width = c.type === 'text' || c.type === 'list' ? 30 : 14));
  const groupAt = new Map<number, typeof r.groups>();
  for (const g of r.groups) groupAt.set(g.start, [...(groupAt.get(g.start) ?? []), g]);
  const bodyRow = (values: (string | number | null)[], bold = false, fill?: string): ExcelJS.Row => {
    const row = ws.addRow(values.map((v) => (v === null ? '' : v)));
    row.alignment = { wrapText: true, vertical: 'top' };
    row.eachCell({ includeEmpty: true }, (c) => {
      c.border = BORDER;
      if (fill) c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
    });
    if (bold) row.font = { bold: true };
    return row;
  };
  r.rows.forEach((row, i) => {
    for (const g of groupAt.get(i) ?? []) bodyRow([`${g.label} — ${g.count}`, ...g.totals.map((t) => t)], true, g.level === 0 ? 'FFF0F5FF' : 'FFF7F7F7');
    bodyRow([i + 1, ...row.cells]);
  });
  bodyRow([`Итого: ${r.total}`, ...r.totals], true, 'FFE6F4FF');
  ws.views = [{ state: 'frozen', ySplit: head.number }];
  ws.pageSetup.printTitlesRow = `${head.number}:${head.number}`;
  ws.headerFooter.oddFooter = `&LСформировано ${formatRu(made)} в программе «Школьный офис»&RСтраница &P из &N`;
  return toFile(wb, `${r.title}.xlsx`, r.rows.length);
}

/** A saved report as Excel with all its rows; runs in the core's job worker (workerJobs.ts). */
export async function exportSavedReport(ctx: HandlerContext, id: string, date: string | null | undefined): Promise<ExportedFile> {
  const saved = await getSaved(ctx, id);
  const run = await runDefinition(ctx, saved.definition, saved.name, date, null);
  const file = await builderWorkbook(run.result, schoolToday());
  await auditRun(ctx, id, saved.name, 'xlsx', run.date, run.result.total, saved.definition);
  return file;
}

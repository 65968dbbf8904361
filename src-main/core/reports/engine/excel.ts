import type ExcelJS from 'exceljs';
import type { ExportedFile } from '../../../../src-shared/contract/files';
import type { ReportResult, ReportTable } from '../../../../src-shared/contract/reportResult';
import { formatRu } from '../../../../src-shared/domain/calendar/dates';
import { newWorkbook, toFile } from '../../foundation/xlsxSheet';
import type { DetailSheet } from './types';

/**
 * Any catalogue report as a print-ready workbook: one sheet per table with the report's title, the
 * school, the date and the table's own title above a frozen header that repeats on every printed
 * page, A4 fitted to the page width (landscape for wide tables), page numbers in the footer; the
 * form's checks on a sheet of their own; the people behind the numbers on the last sheet.
 */
const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } } as const;
const SUBTOTAL_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF5F5F5' } } as const;
const TOTAL_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F4FF' } } as const;

function sheetName(title: string, used: Set<string>): string {
  const base = title.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 28) || 'Лист';
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 27)} ${i}`;
  used.add(name.toLowerCase());
  return name;
}

function pageSetup(landscape: boolean): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: 9,
    orientation: landscape ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.2, footer: 0.3 },
  };
}

function footer(ws: ExcelJS.Worksheet, made: string): void {
  ws.headerFooter.oddFooter = `&LСформировано ${made} в программе «Школьный офис»&RСтраница &P из &N`;
}

function titleRows(ws: ExcelJS.Worksheet, lines: string[], span: number): void {
  lines.forEach((line, i) => {
    const row = ws.addRow([line]);
    row.font = i === 0 ? { bold: true, size: 13 } : i === lines.length - 1 ? { bold: true, size: 11 } : { italic: true };
    ws.mergeCells(row.number, 1, row.number, Math.max(1, span));
  });
  ws.addRow([]);
}

/** The header: groups over their columns, titles, the form's column numbers when it has them. */
function header(ws: ExcelJS.Worksheet, table: ReportTable, withCode: boolean): { first: number; last: number } {
  const lead = withCode ? [table.labelTitle, '№ строки'] : [table.labelTitle];
  const hasGroups = table.columns.some((c) => c.group);
  const hasCodes = table.columns.some((c) => c.code);
  const span = lead.length + table.columns.length;
  const rows: ExcelJS.Row[] = [];
  if (hasGroups) rows.push(ws.addRow([...lead, ...table.columns.map((c) => c.group ?? c.title)]));
  rows.push(ws.addRow([...lead, ...table.columns.map((c) => c.title)]));
  if (hasCodes) rows.push(ws.addRow([...lead.map((_, i) => String(i + 1)), ...table.columns.map((c) => c.code ?? '')]));
  for (const r of rows) {
    r.font = { bold: true };
    r.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    for (let c = 1; c <= span; c++) {
      const cell = r.getCell(c);
      cell.border = BORDER;
      cell.fill = HEADER_FILL;
    }
  }
  if (hasGroups) {
    const top = rows[0].number;
    const titleRow = rows[1].number;
    // Lead columns span the group row and the title row.
    for (let c = 1; c <= lead.length; c++) ws.mergeCells(top, c, titleRow, c);
    let c = 0;
    while (c < table.columns.length) {
      const group = table.columns[c].group;
      let end = c;
      while (group && end + 1 < table.columns.length && table.columns[end + 1].group === group) end++;
      const col = lead.length + c + 1;
      if (!group) ws.mergeCells(top, col, titleRow, col);
      else if (end > c) ws.mergeCells(top, col, top, lead.length + end + 1);
      c = end + 1;
    }
  }
  rows[rows.length - (hasCodes ? 2 : 1)].height = 42;
  return { first: rows[0].number, last: rows[rows.length - 1].number };
}

function tableSheet(wb: ExcelJS.Workbook, result: ReportResult, table: ReportTable, used: Set<string>, made: string, notes: string[]): void {
  const withCode = table.rows.some((r) => r.code);
  const ws = wb.addWorksheet(sheetName(table.title, used), { pageSetup: pageSetup(table.landscape) });
  const span = (withCode ? 2 : 1) + table.columns.length;
  titleRows(ws, [result.title, `${result.schoolName}; ${result.subtitle}`, table.title], span);
  const h = header(ws, table, withCode);
  ws.getColumn(1).width = table.kind === 'list' ? 34 : Math.min(60, Math.max(14, ...table.rows.map((r) => r.label.length * 0.9)));
  if (withCode) ws.getColumn(2).width = 8;
  table.columns.forEach((c, i) => (ws.getColumn((withCode ? 3 : 2) + i).width = c.width));
  for (const r of table.rows) {
    const row = ws.addRow([r.label, ...(withCode ? [r.code ?? ''] : []), ...r.cells.map((v) => (v === null ? '' : v))]);
    row.alignment = { wrapText: true, vertical: 'top' };
    for (let c = 1; c <= span; c++) {
      const cell = row.getCell(c);
      cell.border = BORDER;
      if (r.level === 1) cell.fill = SUBTOTAL_FILL;
      if (r.level === 2) cell.fill = TOTAL_FILL;
      if (c > 1 && typeof cell.value === 'number') cell.alignment = { horizontal: 'center', vertical: 'top' };
    }
    if (r.level > 0) row.font = { bold: true };
  }
  if (table.rows.length === 0) ws.addRow(['Нет данных']);
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: h.last }];
  ws.pageSetup.printTitlesRow = `${h.first}:${h.last}`;
  for (const line of [table.note, ...notes].filter((x): x is string => Boolean(x))) {
    ws.addRow([]);
    const row = ws.addRow([line]);
    row.font = { italic: true };
    ws.mergeCells(row.number, 1, row.number, span);
    row.alignment = { wrapText: true, vertical: 'top' };
    row.height = Math.min(90, 15 * Math.ceil(line.length / 110));
  }
  footer(ws, made);
}

export async function reportWorkbook(result: ReportResult, detail: DetailSheet | undefined, made: string): Promise<ExportedFile> {
  const wb = newWorkbook();
  const used = new Set<string>();
  const today = formatRu(made);
  result.tables.forEach((t, i) => tableSheet(wb, result, t, used, today, i === 0 ? result.notes : []));
  if (result.tables.length === 0) {
    const ws = wb.addWorksheet(sheetName(result.title, used), { pageSetup: pageSetup(false) });
    titleRows(ws, [result.title, `${result.schoolName}; ${result.subtitle}`, 'Нет данных'], 4);
  }
  if (result.checks.length > 0) {
    const ws = wb.addWorksheet(sheetName('Контрольные соотношения', used), { pageSetup: pageSetup(false) });
    titleRows(ws, [result.title, `${result.schoolName}; ${result.subtitle}`, 'Контрольные соотношения формы'], 3);
    const hr = ws.addRow(['Проверка', 'Результат', 'Подробности']);
    hr.font = { bold: true };
    hr.eachCell((c) => ((c.border = BORDER), (c.fill = HEADER_FILL)));
    [60, 14, 70].forEach((w, i) => (ws.getColumn(i + 1).width = w));
    for (const c of result.checks) {
      const row = ws.addRow([c.label, c.passed ? 'выполнено' : 'НЕ ВЫПОЛНЕНО', c.detail]);
      row.alignment = { wrapText: true, vertical: 'top' };
      row.eachCell((cell) => (cell.border = BORDER));
      if (!c.passed) row.font = { bold: true, color: { argb: 'FFC00000' } };
    }
    ws.views = [{ state: 'frozen', ySplit: hr.number }];
    footer(ws, today);
  }
  let rows = result.tables.reduce((n, t) => n + (t.kind === 'list' ? t.rows.length : 0), 0);
  if (detail) {
    const ws = wb.addWorksheet(sheetName(detail.title, used), { pageSetup: pageSetup(detail.columns.length > 7) });
    titleRows(ws, [`${result.title}: ${detail.title.toLowerCase()} за числами отчёта`, `${result.schoolName}; ${result.subtitle}`, detail.title], detail.columns.length);
    const hr = ws.addRow(detail.columns);
    hr.font = { bold: true };
    hr.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    hr.eachCell((c) => ((c.border = BORDER), (c.fill = HEADER_FILL)));
    detail.columns.forEach((title, i) => (ws.getColumn(i + 1).width = title === 'ФИО' ? 34 : Math.max(9, Math.min(40, title.length + 2))));
    for (const r of detail.rows) {
      const row = ws.addRow(r.map((v) => (v === null ? '' : v)));
      row.alignment = { wrapText: true, vertical: 'top' };
      row.eachCell({ includeEmpty: true }, (c) => (c.border = BORDER));
    }
    ws.views = [{ state: 'frozen', ySplit: hr.number }];
    ws.pageSetup.printTitlesRow = `${hr.number}:${hr.number}`;
    footer(ws, today);
    rows += detail.rows.length;
  }
  const stamp = result.subtitle.match(/\d{2}\.\d{2}\.\d{4}/)?.[0];
  return toFile(wb, `${result.title}${stamp ? ` на ${stamp}` : ''}.xlsx`, rows);
}

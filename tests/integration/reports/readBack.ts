import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { ReportResult, ReportTable } from '../../../src-shared/contract/reportResult';
import { hasTool, tempFile } from '../movement/readers';
import { parseCsv } from '../timetable/officeSheets';

/**
 * Reading generated report files back with independent readers (DESIGN.md §10): exceljs, and
 * LibreOffice converting every sheet to CSV, so a figure on screen is checked against the file.
 */
export const SOFFICE = hasTool('soffice');

export async function workbookOf(base64: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  return wb;
}

/** The row of a sheet whose first cell is `label`, as displayed values (numbers stay numbers). */
export function sheetRow(ws: ExcelJS.Worksheet, label: string | number): (string | number)[] {
  let found: (string | number)[] = [];
  ws.eachRow((row) => {
    const v = (row.values as (string | number)[]).slice(1);
    if (v[0] === label && found.length === 0) found = v;
  });
  return found;
}

/** Every sheet of the workbook as LibreOffice reads it: sheet name → rows of cells (CSV, UTF-8). */
export function sofficeSheets(base64: string, name = 'report.xlsx'): Map<string, string[][]> {
  const { dir, file } = tempFile(name, Buffer.from(base64, 'base64'));
  execFileSync(
    'soffice',
    ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', dir, file],
    { stdio: 'pipe', timeout: 180_000 },
  );
  const base = path.basename(file, '.xlsx');
  const out = new Map<string, string[][]>();
  for (const f of fs.readdirSync(dir)) {
    if (!f.startsWith(`${base}-`) || !f.endsWith('.csv')) continue;
    out.set(f.slice(base.length + 1, -4), parseCsv(fs.readFileSync(path.join(dir, f), 'utf8')));
  }
  if (out.size === 0) throw new Error(`LibreOffice produced no CSV for ${file}`);
  return out;
}

/** The sheet whose name starts with the table's title (sheet names are cut to 28 characters). */
export function sheetFor<T>(sheets: Map<string, T>, title: string): T {
  const key = [...sheets.keys()].find((k) => title.replace(/[[\]:*?/\\]/g, ' ').startsWith(k.replace(/ \d+$/, '').trim()));
  if (!key) throw new Error(`no sheet for «${title}» among ${[...sheets.keys()].join(', ')}`);
  return sheets.get(key) as T;
}

/** A table cell by row key and column key. */
export function cell(result: ReportResult | ReportTable, table: string | null, row: string, column: string): string | number | null {
  const t = 'tables' in result ? result.tables.find((x) => x.id === table) : result;
  if (!t) throw new Error(`no table ${table}`);
  const r = t.rows.find((x) => x.key === row);
  const c = t.columns.findIndex((x) => x.key === column);
  if (!r || c < 0) throw new Error(`no cell ${table}/${row}/${column}`);
  return r.cells[c];
}

/** A whole row of a table by key: column key → value. */
export function rowOf(result: ReportResult, table: string, row: string): Record<string, string | number | null> {
  const t = result.tables.find((x) => x.id === table);
  const r = t?.rows.find((x) => x.key === row);
  if (!t || !r) throw new Error(`no row ${table}/${row}`);
  return Object.fromEntries(t.columns.map((c, i) => [c.key, r.cells[i]]));
}

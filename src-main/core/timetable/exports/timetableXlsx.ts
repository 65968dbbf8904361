import type ExcelJS from 'exceljs';
import { newWorkbook } from '../../foundation/xlsxSheet';
import type { PrintTable } from './printModel';

/**
 * Print-ready Excel: a sheet per table with the school, what it is and the version in the title,
 * a frozen header repeated on every printed page, landscape A4 or A3 fitted to the page width
 * (the master timetable to one page per shift).
 */

const THIN = { style: 'thin' as const };
const MEDIUM = { style: 'medium' as const };

function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 28) || 'Лист';
  let n = base;
  for (let i = 2; used.has(n); i++) n = `${base} ${i}`;
  used.add(n);
  return n;
}

function drawTable(ws: ExcelJS.Worksheet, t: PrintTable): void {
  const span = t.header.length;
  for (const [i, line] of t.title.entries()) {
    const row = ws.addRow([line]);
    row.font = i === 1 ? { bold: true, size: 14 } : { size: i === 0 ? 11 : 9, italic: i > 1 };
    ws.mergeCells(row.number, 1, row.number, span);
  }
  const header = ws.addRow(t.header);
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  header.eachCell((c) => {
    c.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
  });
  t.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: 'frozen', ySplit: header.number, xSplit: t.labelColumns }];
  const starts = new Set(t.dayStarts);
  t.rows.forEach((cells, r) => {
    const row = ws.addRow(cells);
    const lines = Math.max(1, ...cells.map((c, i) => c.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / Math.max(4, (t.widths[i] ?? 10) * 0.9))), 0)));
    row.height = Math.min(120, 13 * lines + 2);
    row.alignment = { wrapText: true, vertical: 'top' };
    for (let c = 1; c <= span; c++) {
      const cell = row.getCell(c);
      cell.border = { top: starts.has(r) ? MEDIUM : THIN, left: THIN, bottom: THIN, right: THIN };
      if (c <= t.labelColumns) cell.font = { bold: c === 1 };
    }
  });
}

export async function timetableWorkbook(tables: readonly PrintTable[], paper: 'A4' | 'A3'): Promise<Buffer> {
  const wb = newWorkbook();
  const used = new Set<string>();
  for (const t of tables) {
    const ws = wb.addWorksheet(sheetName(t.name, used), {
      pageSetup: {
        // OOXML paper codes: 9 = A4, 8 = A3 (exceljs's enum lists no A3).
        paperSize: (paper === 'A3' ? 8 : 9) as unknown as ExcelJS.PageSetup['paperSize'],
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: t.wide ? 1 : 0,
        horizontalCentered: true,
        margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.2, footer: 0.2 },
        printTitlesRow: `${t.title.length + 1}:${t.title.length + 1}`,
      },
      headerFooter: { oddFooter: '&LШкольный офис&Rстр. &P из &N' },
    });
    drawTable(ws, t);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

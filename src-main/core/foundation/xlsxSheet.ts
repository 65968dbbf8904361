import ExcelJS from 'exceljs';
import { XLSX_MIME, type ExportedFile } from '../../../src-shared/contract/files';

/** Small shared habits of the movement Excel files: title rows, a bold frozen header, borders. */

export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Школьный офис';
  wb.created = new Date();
  return wb;
}

export function addTitle(ws: ExcelJS.Worksheet, lines: string[], span: number): void {
  for (const [i, line] of lines.entries()) {
    const row = ws.addRow([line]);
    row.font = i === 0 ? { bold: true, size: 13 } : { italic: true };
    ws.mergeCells(row.number, 1, row.number, Math.max(1, span));
  }
  ws.addRow([]);
}

export function addHeader(ws: ExcelJS.Worksheet, titles: string[], widths: number[]): ExcelJS.Row {
  const row = ws.addRow(titles);
  row.font = { bold: true };
  row.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  row.eachCell((c) => {
    c.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
  });
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: 'frozen', ySplit: row.number }];
  return row;
}

export function addBodyRow(ws: ExcelJS.Worksheet, values: (string | number | null)[], bold = false): ExcelJS.Row {
  const row = ws.addRow(values.map((v) => (v === null ? '' : v)));
  row.eachCell({ includeEmpty: true }, (c) => {
    c.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
  });
  row.alignment = { wrapText: true, vertical: 'top' };
  if (bold) row.font = { bold: true };
  return row;
}

export async function toFile(wb: ExcelJS.Workbook, fileName: string, rows: number): Promise<ExportedFile> {
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: fileName.replace(/[\\/:*?"<>|]/g, '_'), mimeType: XLSX_MIME, contentBase64: buffer.toString('base64'), rows };
}

export function ru(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
}

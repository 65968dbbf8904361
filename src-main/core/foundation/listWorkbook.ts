import ExcelJS from 'exceljs';
import type { ListColumn } from '../../../src-shared/contract/peopleColumns';
import { XLSX_MIME, type ExportedFile } from '../../../src-shared/contract/files';

/**
 * A people list as an Excel sheet: «№» and the columns the user has on screen, a bold frozen header,
 * an autofilter; the filters used are written on a second sheet.
 */
export async function listWorkbook<R>(sheet: string, fileName: string, columns: readonly ListColumn<R>[], rows: readonly R[], note: string | null): Promise<ExportedFile> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Школьный офис';
  wb.created = new Date();
  const ws = wb.addWorksheet(sheet);
  const header = ws.addRow(['№', ...columns.map((c) => c.title)]);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  rows.forEach((r, i) => ws.addRow([i + 1, ...columns.map((c) => c.value(r) ?? '')]));
  ws.getColumn(1).width = 6;
  columns.forEach((c, i) => (ws.getColumn(i + 2).width = c.width));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length + 1 } };
  // What was exported goes on its own sheet, so the list's sheet holds nothing but the table.
  const about = wb.addWorksheet('Параметры выгрузки');
  about.addRow(['Выгружено', new Date().toLocaleString('ru-RU')]);
  about.addRow(['Строк', rows.length]);
  if (note) about.addRow(['Отбор', note]);
  about.getColumn(1).width = 14;
  about.getColumn(2).width = 60;
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName, mimeType: XLSX_MIME, contentBase64: buffer.toString('base64'), rows: rows.length };
}

import { FORMATS, detectFormat, type FormatId } from '../formats/catalog';
import { parseExportCm } from '../formats/exportCm';
import { issueAt, readRecords } from '../formats/records';
import { readTable } from '../formats/readTable';
import { AppError } from '../../../../src-shared/errors';
import type { ParsedFile } from './planTypes';

/** Reads one uploaded file: container and encoding by content, format by layout, then its records. */
export async function parseFile(id: string, fileName: string, bytes: Uint8Array, today: string, formatHint?: FormatId | null): Promise<ParsedFile> {
  const base = { id, fileName, columns: [], headerRows: [], records: [], exportCm: null, issues: [] };
  let table;
  try {
    table = await readTable(bytes);
  } catch (err) {
    const why = err instanceof AppError ? err.message : 'файл не прочитан: это не CSV, не таблица Excel (xls/xlsx) и не XML портала';
    return { ...base, formatId: null, container: 'unknown', encoding: null, issues: [issueAt(1, null, why)] };
  }
  if (table.container === 'xml') {
    let cm;
    try {
      cm = parseExportCm(table.text ?? '');
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      return { ...base, formatId: 'exportCm', container: 'xml', encoding: table.encoding, issues: [issueAt(1, null, err.message)] };
    }
    const { data, issues } = cm;
    return { ...base, formatId: 'exportCm', container: 'xml', encoding: table.encoding, exportCm: data, issues: issues.map((i) => issueAt(1, null, `${i.path}: ${i.message}`, 'warning')) };
  }
  const formatId = formatHint && formatHint !== 'exportCm' ? formatHint : detectFormat(table.rows);
  if (!formatId) {
    const width = Math.max(0, ...table.rows.slice(0, 50).map((r) => r.length));
    return {
      ...base,
      formatId: null,
      container: table.container,
      encoding: table.encoding,
      issues: [issueAt(1, null, `формат файла не распознан (${width} столбцов): ожидаются выгрузки портала или файлы его импорта — 7, 15, 25, 30, 48 или 96–99 столбцов, либо таблица с заголовками «Фамилия», «Имя», «Класс»`)],
    };
  }
  const read = readRecords(FORMATS[formatId], table.rows, today);
  return { ...base, formatId, container: table.container, encoding: table.encoding, columns: read.columns, headerRows: read.headerRows, records: read.records, issues: read.fileIssues };
}

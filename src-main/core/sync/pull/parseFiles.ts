import { AppError } from '../../../../src-shared/errors';
import { FORMATS, detectFormat, type FormatId } from '../formats/catalog';
import { parseExportCm } from '../formats/exportCm';
import { issueAt, readRecords } from '../formats/records';
import { readTable, unreadable, type RawTable } from '../formats/readTable';
import { cmFacts, cmNotImported } from './cmFacts';
import type { ParsedFile } from './planTypes';

/**
 * A file the pull cannot read whole is refused whole, before anything is planned: the message
 * names the file, the line and what is wrong. Any other failure of a reader is reported the same
 * way (never as an internal error): the file is the cause, and nothing has been written.
 */
export function fileRefused(fileName: string, cause: unknown): AppError {
  const line = cause instanceof AppError && typeof cause.details?.line === 'number' ? cause.details.line : null;
  const what = cause instanceof AppError && cause.code === 'VALIDATION' ? cause.message : 'файл не прочитан: это не CSV, не таблица Excel (xls/xlsx) и не XML портала, либо он повреждён';
  return new AppError('VALIDATION', `Файл «${fileName}» не загружен: ${what}. Ничего не изменено.`, { fileName, line, issues: [{ path: fileName, message: what }] });
}

async function readOrRefuse(fileName: string, bytes: Uint8Array): Promise<RawTable> {
  try {
    return await readTable(bytes);
  } catch (e) {
    throw fileRefused(fileName, e);
  }
}

/** Reads one uploaded file: container and encoding by content, format by layout, then its records. */
export async function parseFile(id: string, fileName: string, bytes: Uint8Array, today: string, formatHint?: FormatId | null): Promise<ParsedFile> {
  const base = { id, fileName, columns: [], headerRows: [], records: [], exportCm: null, issues: [], notImported: [] };
  const table = await readOrRefuse(fileName, bytes);
  if (table.container === 'xml') {
    let read: ReturnType<typeof parseExportCm>;
    try {
      read = parseExportCm(table.text ?? '');
    } catch (e) {
      throw fileRefused(fileName, e);
    }
    const { data, issues } = read;
    return { ...base, formatId: 'exportCm', container: 'xml', encoding: table.encoding, exportCm: data, notImported: cmNotImported(data, cmFacts(data)), issues: issues.map((i) => issueAt(1, null, `${i.path}: ${i.message}`, 'warning')) };
  }
  const formatId = formatHint && formatHint !== 'exportCm' ? formatHint : detectFormat(table.rows);
  if (!formatId) {
    const width = Math.max(0, ...table.rows.slice(0, 50).map((r) => r.length));
    throw fileRefused(
      fileName,
      unreadable(null, `формат файла не распознан (${width} столбцов): ожидаются выгрузки портала или файлы его импорта — 7, 15, 25, 30, 48 или 96–99 столбцов, либо таблица с заголовками «Фамилия», «Имя», «Класс»`),
    );
  }
  const read = readRecords(FORMATS[formatId], table.rows, today);
  if (read.fileIssues.some((i) => i.severity === 'error')) {
    const first = read.fileIssues.find((i) => i.severity === 'error')!;
    throw fileRefused(fileName, unreadable(first.row > 1 ? first.row : null, first.message));
  }
  return { ...base, formatId, container: table.container, encoding: table.encoding, columns: read.columns, headerRows: read.headerRows, records: read.records, issues: read.fileIssues };
}

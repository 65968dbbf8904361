import type { FileFormat } from './columns';
import { movementBookExport, pupilListSimple, staffListExport } from './exportLists';
import { movementSimple, movementWithDocs } from './movementFormats';
import { parentsExtended } from './parentsExtended';
import { pupilsExtended } from './pupilsExtended';
import { staffExtended, staffSimple } from './staffFormats';

/** Every portal file format we read or write, by id. */
export const FORMATS = {
  staffSimple,
  staffExtended,
  movementSimple,
  movementWithDocs,
  pupilsExtended,
  parentsExtended,
  pupilListSimple,
  staffListExport,
  movementBookExport,
} as const satisfies Record<string, FileFormat>;

export type FormatId = keyof typeof FORMATS | 'exportCm';
export const FORMAT_IDS = [...Object.keys(FORMATS), 'exportCm'] as FormatId[];

/** Formats a pull can read (the portal writes them or they are its own import files). */
export const PULL_FORMATS: readonly FormatId[] = ['exportCm', 'pupilsExtended', 'pupilListSimple', 'movementSimple', 'movementWithDocs', 'staffExtended', 'staffSimple', 'staffListExport', 'parentsExtended', 'movementBookExport'];

export function formatTitle(id: FormatId): string {
  return id === 'exportCm' ? 'Данные для расписания ExportCM.nsxml (TimeTableExchange)' : FORMATS[id].title;
}

const WIDTHS: [number[], keyof typeof FORMATS][] = [
  [[96, 97, 98, 99], 'pupilsExtended'],
  [[48], 'staffExtended'],
  [[30], 'parentsExtended'],
  [[25], 'movementWithDocs'],
  [[15], 'movementSimple'],
  [[7], 'staffSimple'],
];

function norm(s: string): string {
  return s.toLowerCase().replace(/ё/g, 'е').replace(/[^a-zа-я0-9№]/g, '');
}

/**
 * Which format a table is: caption-matched exports by their header row, position-matched files by
 * the width of their rows (every line of a portal CSV has the same N−1 separators).
 */
export function detectFormat(rows: string[][]): keyof typeof FORMATS | null {
  const head = rows.slice(0, 8).map((r) => r.map(norm));
  const has = (...names: string[]) => head.some((r) => names.every((n) => r.includes(norm(n))));
  if (has('Тип документа', 'Фамилия') || has('Дата документа', 'Фамилия')) return 'movementBookExport';
  const widths = new Map<number, number>();
  for (const r of rows.slice(0, 200)) if (r.some((c) => c.trim() !== '')) widths.set(r.length, (widths.get(r.length) ?? 0) + 1);
  const width = [...widths.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
  // The simple staff import has no header line; a captioned 7-column table is a list export.
  for (const [list, id] of WIDTHS) if (list.includes(width) && !(id === 'staffSimple' && has('Фамилия', 'Имя'))) return id;
  if (has('Фамилия', 'Имя', 'Класс')) return 'pupilListSimple';
  if (has('Фамилия', 'Имя', 'Должность')) return 'staffListExport';
  return null;
}

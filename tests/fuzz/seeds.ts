import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { FORMATS } from '../../src-main/core/sync/formats/catalog';
import type { ColumnDef, FileFormat } from '../../src-main/core/sync/formats/columns';
import { demoPortal, exportCmOf, movementBookXls, pupilExportXls, pupilListXls, staffExportCsv } from '../helpers/portalFiles';

/**
 * Well-formed portal files the fuzzer starts from, one or more per reader: the portal's own exports
 * made from a small demo school (HTML-xls in cp1251, CSV, ExportCM.nsxml), a CSV of every
 * position-matched import format, real xlsx re-saves and a UTF-8 copy with a BOM.
 */
export interface Seed {
  name: string;
  /** What the bytes are, so mutators that need text know how to decode them. */
  encoding: 'windows-1251' | 'utf-8' | 'binary';
  bytes: Buffer;
}

const SAMPLE: Record<string, string[]> = {
  name: ['Иванова', 'Пётр', 'Ёлкин', 'Салтыков-Щедрин', 'Анна'],
  date: ['01.09.2014', '5.3.2015', '2013-12-31', '31.12.99'],
  sex: ['М', 'Ж'],
  flag: ['Да', 'Нет'],
  className: ['5А', '11Б', '1В'],
  multi: ['инвалидность|многодетная семья', 'сирота'],
  dateWithOrder: ['01.09.2020(15-к)'],
  text: ['Барнаул', '112-233-445 95', 'ул. Школьная, д. 6', '№ 123456', 'Российская Федерация'],
};

function cell(c: ColumnDef, row: number): string {
  const pool = SAMPLE[c.kind ?? 'text'] ?? SAMPLE.text;
  return pool[(row + c.pos) % pool.length];
}

/** A CSV of a position-matched format: its header lines, then `rows` rows of plausible values. */
function positionCsv(format: FileFormat, rows: number): Buffer {
  const width = format.columns.length;
  const header = format.header?.({ schoolName: 'МБОУ «СОШ № 6»', today: '2026-09-01' }, format.columns) ?? [];
  const lines = [...header.map((h) => [...h, ...Array(Math.max(0, width - h.length)).fill('')].slice(0, width))];
  for (let r = 0; r < rows; r++) lines.push(format.columns.map((c) => cell(c, r)));
  return iconv.encode(`${lines.map((l) => l.join(';')).join('\r\n')}\r\n`, 'win1251');
}

async function xlsxOf(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Лист1');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function makeSeeds(seed = 20260901): Promise<Seed[]> {
  const d = demoPortal({ classesPerGrade: 1, classSize: 3, seed });
  const pupils = d.school.pupils.slice(0, 12).map((p) => p.id);
  const out: Seed[] = [
    { name: 'pupils-export.xls', encoding: 'windows-1251', bytes: pupilExportXls(d, pupils) },
    { name: 'pupil-list.xls', encoding: 'windows-1251', bytes: pupilListXls(d, (id) => `u${id.slice(-6)}`) },
    { name: 'staff-export.csv', encoding: 'windows-1251', bytes: staffExportCsv(d) },
    { name: 'ExportCM.nsxml', encoding: 'utf-8', bytes: exportCmOf(d).bytes },
    { name: 'movement-book.xls', encoding: 'windows-1251', bytes: movementBookXls(d, pupils.slice(0, 6)) },
  ];
  for (const [id, format] of Object.entries(FORMATS)) {
    if (format.match !== 'position') continue;
    out.push({ name: `${id}.csv`, encoding: 'windows-1251', bytes: positionCsv(format, 6) });
  }
  const staff = out.find((s) => s.name === 'staff-export.csv')!;
  out.push({ name: 'staff-export-utf8.csv', encoding: 'utf-8', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(iconv.decode(staff.bytes, 'win1251'), 'utf8')]) });
  const pupilsCsv = iconv.decode(positionCsv(FORMATS.pupilsExtended, 6), 'win1251');
  out.push({ name: 'pupils-resaved.xlsx', encoding: 'binary', bytes: await xlsxOf(pupilsCsv.trim().split('\r\n').map((l) => l.split(';'))) });
  const list = [['№', 'Класс', 'Фамилия', 'Имя', 'Отчество', 'Дата рождения'], ...d.school.pupils.slice(0, 8).map((p, i) => [String(i + 1), '5А', p.lastName, p.firstName, p.middleName ?? '', p.birthDate])];
  out.push({ name: 'pupil-list-resaved.xlsx', encoding: 'binary', bytes: await xlsxOf(list) });
  return out;
}

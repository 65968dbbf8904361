import type ExcelJS from 'exceljs';
import type { ExportedFile } from '../../../src-shared/contract/files';
import type { MovementReport } from '../../../src-shared/contract/movementReports';
import {
  ARRIVAL_COLUMNS,
  ARRIVAL_KEYS,
  DEPARTURE_COLUMNS,
  DEPARTURE_KEYS,
  arrivedTotal,
  leftTotal,
  reconciles,
  sumMovement,
  type MovementRowData,
} from '../../../src-shared/domain/movement/reportColumns';
import { addBodyRow, addHeader, addTitle, newWorkbook, ru, toFile } from '../foundation/xlsxSheet';

/**
 * «Движение учащихся по школе» as Excel. Sheet 1 holds the numbers (classes, grade subtotals, the
 * school) with a reconciliation column; sheet 2 lists the pupils behind every number.
 */
function numbers(r: MovementRowData): (number | string)[] {
  return [
    r.start.length,
    ...ARRIVAL_KEYS.map((k) => r.arrivals[k].length),
    arrivedTotal(r),
    ...DEPARTURE_KEYS.map((k) => r.departures[k].length),
    leftTotal(r),
    r.end.length,
    reconciles(r) ? 'да' : 'НЕТ',
  ];
}

function twoLevelHeader(ws: ExcelJS.Worksheet, from: string, to: string): void {
  const firstArr = 3;
  const lastArr = firstArr + ARRIVAL_KEYS.length;
  const firstDep = lastArr + 1;
  const lastDep = firstDep + DEPARTURE_KEYS.length;
  const top = ws.addRow(['Класс', `На начало (${ru(from)})`, 'Прибыло', ...Array(lastArr - firstArr).fill(''), 'Выбыло', ...Array(lastDep - firstDep).fill(''), `На конец (${ru(to)})`, 'Сходится']);
  top.font = { bold: true };
  ws.mergeCells(top.number, firstArr, top.number, lastArr);
  ws.mergeCells(top.number, firstDep, top.number, lastDep);
  const widths = [10, 11, ...ARRIVAL_KEYS.map(() => 11), 9, ...DEPARTURE_KEYS.map(() => 11), 9, 11, 10];
  const second = addHeader(ws, ['', '', ...ARRIVAL_KEYS.map((k) => ARRIVAL_COLUMNS[k]), 'Всего', ...DEPARTURE_KEYS.map((k) => DEPARTURE_COLUMNS[k]), 'Всего', '', ''], widths);
  for (const c of [1, 2, lastDep + 1, lastDep + 2]) ws.mergeCells(top.number, c, second.number, c);
  top.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  top.eachCell((c) => (c.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } }));
  second.height = 48;
}

export async function movementReportExcel(report: MovementReport, schoolName: string): Promise<ExportedFile> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('Движение', { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  addTitle(ws, ['Движение учащихся по школе', `${schoolName}; за период с ${ru(report.from)} по ${ru(report.to)}`], 10);
  twoLevelHeader(ws, report.from, report.to);
  const groups = [...new Map(report.rows.map((r) => [`${r.yearName}|${r.grade}`, { yearName: r.yearName, grade: r.grade }])).values()];
  const years = new Set(report.rows.map((r) => r.yearName));
  for (const g of groups) {
    const rows = report.rows.filter((r) => r.yearName === g.yearName && r.grade === g.grade);
    for (const r of rows) addBodyRow(ws, [years.size > 1 ? `${r.name} (${r.yearName})` : r.name, ...numbers(r)]);
    addBodyRow(ws, [`Итого ${g.grade} кл.${years.size > 1 ? ` (${g.yearName})` : ''}`, ...numbers(sumMovement(rows))], true);
  }
  addBodyRow(ws, ['Итого по школе', ...numbers(sumMovement(report.rows))], true);
  ws.addRow([]);
  ws.addRow(['Проверка: на начало + прибыло − выбыло = на конец по каждому классу и по школе. Список обучающихся за каждым числом — на листе «Обучающиеся».']);

  const list = wb.addWorksheet('Обучающиеся');
  addTitle(list, [`Обучающиеся за числами отчёта (${ru(report.from)} — ${ru(report.to)})`], 7);
  addHeader(list, ['Класс', 'Показатель', 'ФИО', 'Дата рождения', 'Дата движения', 'Приказ №', 'Подробности'], [12, 34, 36, 14, 14, 11, 50]);
  let count = 0;
  const person = (id: string) => report.pupils[id];
  for (const r of report.rows) {
    const cls = years.size > 1 ? `${r.name} (${r.yearName})` : r.name;
    for (const id of r.start) addBodyRow(list, [cls, `На начало (${ru(report.from)})`, person(id)?.fullName ?? id, ru(person(id)?.birthDate), '', '', '']);
    for (const k of ARRIVAL_KEYS) {
      for (const e of r.arrivals[k]) addBodyRow(list, [cls, `Прибыло: ${ARRIVAL_COLUMNS[k]}`, person(e.pupilId)?.fullName ?? e.pupilId, ru(person(e.pupilId)?.birthDate), ru(e.date), e.orderNumber, e.detail]);
    }
    for (const k of DEPARTURE_KEYS) {
      for (const e of r.departures[k]) addBodyRow(list, [cls, `Выбыло: ${DEPARTURE_COLUMNS[k]}`, person(e.pupilId)?.fullName ?? e.pupilId, ru(person(e.pupilId)?.birthDate), ru(e.date), e.orderNumber, e.detail]);
    }
    for (const id of r.end) addBodyRow(list, [cls, `На конец (${ru(report.to)})`, person(id)?.fullName ?? id, ru(person(id)?.birthDate), '', '', '']);
    count++;
  }
  return toFile(wb, `Движение учащихся с ${ru(report.from)} по ${ru(report.to)}.xlsx`, Object.keys(report.pupils).length || count);
}

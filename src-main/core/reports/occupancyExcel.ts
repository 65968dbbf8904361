import type { ExportedFile } from '../../../src-shared/contract/files';
import type { OccupancyReport } from '../../../src-shared/contract/movementReports';
import { OCCUPANCY_COLUMNS, OCCUPANCY_KEYS, sumOccupancy } from '../../../src-shared/domain/movement/reportColumns';
import { addBodyRow, addHeader, addTitle, newWorkbook, ru, toFile } from '../foundation/xlsxSheet';

/** «Наполняемость классов» as Excel: classes, grade subtotals, school total; the pupils on sheet 2. */
export async function occupancyExcel(report: OccupancyReport, schoolName: string): Promise<ExportedFile> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('Наполняемость', { pageSetup: { orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  addTitle(ws, ['Наполняемость классов', `${schoolName}; на ${ru(report.date)}${report.yearName ? ` (${report.yearName} учебный год)` : ''}`], 8);
  addHeader(ws, ['Класс', 'Классный руководитель', ...OCCUPANCY_KEYS.map((k) => OCCUPANCY_COLUMNS[k])], [10, 34, 9, 11, 10, 8, 10, 12]);
  const grades = [...new Set(report.rows.map((r) => r.grade))].sort((a, b) => a - b);
  for (const g of grades) {
    const rows = report.rows.filter((r) => r.grade === g);
    for (const r of rows) addBodyRow(ws, [r.name, r.classTeacherName, ...OCCUPANCY_KEYS.map((k) => r.cells[k].length)]);
    const sum = sumOccupancy(rows.map((r) => r.cells));
    addBodyRow(ws, [`Итого ${g} кл.`, `классов: ${rows.length}`, ...OCCUPANCY_KEYS.map((k) => sum[k].length)], true);
  }
  const total = sumOccupancy(report.rows.map((r) => r.cells));
  addBodyRow(ws, ['Итого по школе', `классов: ${report.rows.length}`, ...OCCUPANCY_KEYS.map((k) => total[k].length)], true);

  const list = wb.addWorksheet('Обучающиеся');
  addTitle(list, [`Обучающиеся по классам на ${ru(report.date)}`], 8);
  addHeader(list, ['Класс', '№', 'ФИО', 'Дата рождения', 'Пол', 'ОВЗ', 'Интернат', 'На дому'], [10, 6, 36, 14, 6, 7, 10, 10]);
  let rows = 0;
  for (const r of report.rows) {
    r.cells.total.forEach((id, i) => {
      const p = report.pupils[id];
      const mark = (k: 'ovz' | 'boarding' | 'homeSchooling') => (r.cells[k].includes(id) ? 'да' : '');
      addBodyRow(list, [r.name, i + 1, p?.fullName ?? id, ru(p?.birthDate), p?.sex ?? '', mark('ovz'), mark('boarding'), mark('homeSchooling')]);
      rows++;
    });
  }
  return toFile(wb, `Наполняемость классов на ${ru(report.date)}.xlsx`, rows);
}

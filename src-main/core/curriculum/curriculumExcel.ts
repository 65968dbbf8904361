import type ExcelJS from 'exceljs';
import type { ExportedFile } from '../../../src-shared/contract/files';
import { activeRows, rowKey, type PlanRow } from '../../../src-shared/domain/curriculum/effectivePlan';
import { annualHours, formatHoursList, normaliseHours, round2 } from '../../../src-shared/domain/curriculum/hours';
import { FEDERAL_LEVEL_RANGES, SANPIN_WEEKLY_SOURCE, sanpinWeeklyMax } from '../../../src-shared/domain/curriculum/norms';
import { PART_KEYS, PLAN_PARTS, isClassroom, type PlanPart } from '../../../src-shared/domain/curriculum/parts';
import { compareRu } from '../../../src-shared/domain/names';
import { newWorkbook, toFile } from '../foundation/xlsxSheet';
import { classEffective, gradeWeekOf, weeksOf, type YearData } from './repo/yearData';

/**
 * «Учебный план» in the usual layout: предметная область, учебный предмет, hours a week and a year by
 * column (grades of a level, or classes of a grade), each part with its subtotal, then the classroom
 * total against the SanPiN maximum, then внеурочная деятельность.
 */
interface Column {
  title: string;
  grade: number;
  rows: PlanRow[];
  weeks: number[];
  weekLength: 5 | 6;
}

const BORDER: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };

function styleRow(row: ExcelJS.Row, width: number, opts: { bold?: boolean; fill?: string } = {}): void {
  for (let c = 1; c <= width; c++) {
    const cell = row.getCell(c);
    cell.border = BORDER;
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: c <= 2 ? 'left' : 'center' };
    if (opts.bold) cell.font = { bold: true };
    if (opts.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: opts.fill } };
  }
}

/** Hours a week as a number (so the sheet can sum them, 2,5 included); «2 / 0» text only when they differ by period. */
function weekly(r: PlanRow | undefined): string | number {
  if (!r) return '';
  const hours = normaliseHours(r.hours);
  return hours.length === 1 ? hours[0] : formatHoursList(hours);
}

/** «при 5-дневной учебной неделе», or which columns study six days when the columns differ. */
function weekNote(columns: Column[]): string {
  const six = columns.filter((c) => c.weekLength === 6).map((c) => c.title);
  if (six.length === 0) return 'при 5-дневной учебной неделе';
  if (six.length === columns.length) return 'при 6-дневной учебной неделе';
  return `при 5-дневной учебной неделе; 6-дневная: ${six.join(', ')}`;
}

function sheetFor(wb: ExcelJS.Workbook, data: YearData, name: string, title: string[], columns: Column[]): number {
  const ws = wb.addWorksheet(name, { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const width = 2 + columns.length * 2 + 2;
  for (const [i, line] of title.entries()) {
    const row = ws.addRow([line]);
    row.font = i === 0 ? { bold: true, size: 13 } : { italic: true };
    ws.mergeCells(row.number, 1, row.number, width);
  }
  ws.addRow([]);
  const h1 = ws.addRow(['Предметная область', 'Учебный предмет', ...columns.flatMap((c) => [c.title, '']), 'Всего', '']);
  const h2 = ws.addRow(['', '', ...columns.flatMap(() => ['в неделю', 'в год']), 'в неделю', 'в год']);
  ws.mergeCells(h1.number, 1, h2.number, 1);
  ws.mergeCells(h1.number, 2, h2.number, 2);
  for (let i = 0; i <= columns.length; i++) ws.mergeCells(h1.number, 3 + i * 2, h1.number, 4 + i * 2);
  styleRow(h1, width, { bold: true, fill: 'FFEFEFEF' });
  styleRow(h2, width, { bold: true, fill: 'FFEFEFEF' });
  ws.getColumn(1).width = 30;
  ws.getColumn(2).width = 34;
  for (let c = 3; c <= width; c++) ws.getColumn(c).width = 9;
  ws.views = [{ state: 'frozen', ySplit: h2.number, xSplit: 2 }];

  let count = 0;
  const addSection = (part: PlanPart) => {
    const keys = new Map<string, PlanRow>();
    for (const c of columns) for (const r of c.rows) if (r.part === part && !keys.has(rowKey(r))) keys.set(rowKey(r), r);
    if (keys.size === 0) return;
    const head = ws.addRow([PLAN_PARTS[part]]);
    ws.mergeCells(head.number, 1, head.number, width);
    styleRow(head, width, { bold: true, fill: 'FFF7F7F7' });
    const sorted = [...keys.values()].sort((a, b) => {
      const sa = data.subjects.get(a.subjectId);
      const sb = data.subjects.get(b.subjectId);
      return (sa?.sortOrder ?? 0) - (sb?.sortOrder ?? 0) || compareRu(sa?.name ?? '', sb?.name ?? '');
    });
    for (const key of sorted) {
      const s = data.subjects.get(key.subjectId);
      let week = 0;
      let year = 0;
      const cells = columns.flatMap((c) => {
        const r = c.rows.find((x) => rowKey(x) === rowKey(key));
        if (!r) return ['', ''];
        const a = annualHours(r.hours, c.weeks);
        year += a;
        week += a / c.weeks.reduce((x, y) => x + y, 0);
        return [weekly(r), a];
      });
      styleRow(ws.addRow([s?.areaName ?? '', s?.name ?? '?', ...cells, round2(week), round2(year)]), width);
      count++;
    }
    totalRow(`Итого: ${PLAN_PARTS[part].toLowerCase()}`, (r) => r.part === part);
  };
  const totalRow = (label: string, pick: (r: PlanRow) => boolean) => {
    let week = 0;
    let year = 0;
    const cells = columns.flatMap((c) => {
      const rows = c.rows.filter(pick);
      const a = round2(rows.reduce((s, r) => s + annualHours(r.hours, c.weeks), 0));
      const w = round2(a / c.weeks.reduce((x, y) => x + y, 0));
      week += w;
      year += a;
      return [w, a];
    });
    const row = ws.addRow([label, '', ...cells, round2(week), round2(year)]);
    ws.mergeCells(row.number, 1, row.number, 2);
    styleRow(row, width, { bold: true });
  };
  for (const part of PART_KEYS.filter(isClassroom)) addSection(part);
  totalRow('Итого аудиторная нагрузка (обязательная и формируемая части)', (r) => isClassroom(r.part));
  const max = ws.addRow(['Максимально допустимая недельная нагрузка', '', ...columns.flatMap((c) => [sanpinWeeklyMax(c.grade, c.weekLength) ?? '—', '']), '', '']);
  ws.mergeCells(max.number, 1, max.number, 2);
  styleRow(max, width, { bold: true });
  const weeks = ws.addRow(['Учебных недель в году', '', ...columns.flatMap((c) => [c.weeks.reduce((a, b) => a + b, 0), '']), '', '']);
  ws.mergeCells(weeks.number, 1, weeks.number, 2);
  styleRow(weeks, width);
  addSection('extracurricular');
  ws.addRow([]);
  ws.addRow([`Максимум — ${SANPIN_WEEKLY_SOURCE}, ${weekNote(columns)}.`]).font = { italic: true };
  return count;
}

function assessmentSheet(wb: ExcelJS.Workbook, data: YearData, name: string, columns: Column[]): void {
  const ws = wb.addWorksheet(name);
  ws.addRow(['Формы промежуточной аттестации']).font = { bold: true, size: 13 };
  ws.addRow([]);
  const head = ws.addRow(['Учебный предмет', ...columns.map((c) => c.title)]);
  styleRow(head, columns.length + 1, { bold: true, fill: 'FFEFEFEF' });
  ws.getColumn(1).width = 34;
  for (let i = 0; i < columns.length; i++) ws.getColumn(i + 2).width = 22;
  const subjects = new Map<string, string>();
  for (const c of columns) for (const r of c.rows) if (isClassroom(r.part)) subjects.set(r.subjectId, data.subjects.get(r.subjectId)?.name ?? '?');
  for (const [id, name] of [...subjects].sort((a, b) => (data.subjects.get(a[0])?.sortOrder ?? 0) - (data.subjects.get(b[0])?.sortOrder ?? 0))) {
    const row = ws.addRow([name, ...columns.map((c) => c.rows.find((r) => r.subjectId === id && isClassroom(r.part) && r.assessment)?.assessment ?? (c.rows.some((r) => r.subjectId === id) ? '' : '—'))]);
    styleRow(row, columns.length + 1);
  }
}

const LEVEL_TITLES: Record<string, string> = { НОО: 'начального общего', ООО: 'основного общего', СОО: 'среднего общего' };

export async function curriculumExcel(data: YearData, schoolName: string, by: 'grade' | 'class'): Promise<ExportedFile> {
  const wb = newWorkbook();
  let rows = 0;
  if (by === 'grade') {
    for (const range of Object.values(FEDERAL_LEVEL_RANGES)) {
      const columns: Column[] = range.grades
        .filter((g) => data.gradePlans.has(g))
        .map((g) => ({ title: `${g} класс`, grade: g, rows: data.gradePlans.get(g)?.rows.filter((r) => !r.excluded) ?? [], weeks: weeksOf(data, g), weekLength: gradeWeekOf(data, g) }));
      if (columns.length === 0) continue;
      rows += sheetFor(wb, data, `${range.level} (${range.grades[0]}–${range.grades[range.grades.length - 1]} кл.)`, [`Учебный план ${LEVEL_TITLES[range.level]} образования`, `${schoolName}; ${data.year.name} учебный год`], columns);
      assessmentSheet(wb, data, `Аттестация ${range.level}`, columns);
    }
  } else {
    for (const g of [...new Set(data.classes.map((c) => c.grade))].sort((a, b) => a - b)) {
      const columns: Column[] = data.classes
        .filter((c) => c.grade === g)
        .map((c) => ({ title: data.classPlans.has(c.id) ? `${c.name} (свой план)` : c.name, grade: g, rows: activeRows(classEffective(data, c)), weeks: weeksOf(data, g), weekLength: c.weekLength }));
      if (columns.every((c) => c.rows.length === 0)) continue;
      rows += sheetFor(wb, data, `${g} классы`, [`Учебный план ${g}-х классов`, `${schoolName}; ${data.year.name} учебный год`], columns);
      assessmentSheet(wb, data, `Аттестация ${g} кл.`, columns);
    }
  }
  if (wb.worksheets.length === 0) wb.addWorksheet('Учебный план').addRow([`В ${data.year.name} учебном году ещё нет учебных планов.`]);
  return toFile(wb, `Учебный план ${by === 'grade' ? 'по параллелям' : 'по классам'} ${data.year.name.replace('/', '-')}.xlsx`, rows);
}

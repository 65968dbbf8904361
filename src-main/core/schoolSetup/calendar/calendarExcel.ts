import ExcelJS from 'exceljs';
import { XLSX_MIME, type ExportedFile } from '../../../../src-shared/contract/files';
import { dateRange, daysInMonth, formatIsoDate, isWeekend, parseIsoDate } from '../../../../src-shared/domain/calendar/dates';
import { weekLengthOf } from '../../../../src-shared/domain/calendar/schoolCalendar';
import { WEEKDAY_SHORT, checkBellSchedule } from '../../../../src-shared/domain/schoolSetup/bellSchedule';
import { classifyDay, summarisePeriods, weeksText, type DayKind } from '../../../../src-shared/domain/schoolSetup/calendarDays';
import { describeGradeScope, formatGradeList } from '../../../../src-shared/domain/schoolSetup/gradeScope';
import { GRADES } from '../../../../src-shared/domain/schoolSetup/sanpinDifficulty';
import type { HandlerContext } from '../../foundation/context';
import { listBellSchedules } from '../repo/bells';
import { listSchemes } from '../repo/periods';
import { listEntries, listEvents, listTransfers } from '../repo/calendarRecords';
import { loadSchoolCalendar } from '../repo/schoolCalendar';
import { classGradesOfYear } from '../repo/classes';
import { findSchoolCard } from '../repo/schoolCard';

const MONTHS = ['Январь', 'Февраль', 'Март', 'Апрель', 'Май', 'Июнь', 'Июль', 'Август', 'Сентябрь', 'Октябрь', 'Ноябрь', 'Декабрь'];
const DATE_FMT = 'dd.mm.yyyy';

/** A calendar date as an Excel date (UTC midnight: exceljs counts serial days in UTC). */
function xlDate(iso: string): Date {
  const { year, month, day } = parseIsoDate(iso);
  return new Date(Date.UTC(year, month - 1, day));
}

const FILL: Record<DayKind, string | null> = {
  school: 'FFE9F5E1',
  holiday: 'FFFFE0B2',
  dayOff: 'FFD6E4FF',
  federal: 'FFFFCDD2',
  weekend: 'FFE0E0E0',
  outside: null,
};
const CODE: Record<DayKind, string> = { school: '', holiday: 'К', dayOff: 'Д', federal: 'П', weekend: 'В', outside: '' };

function section(ws: ExcelJS.Worksheet, title: string): void {
  ws.addRow([]);
  const r = ws.addRow([title]);
  r.font = { bold: true, size: 12 };
}

function header(ws: ExcelJS.Worksheet, cells: string[]): void {
  const r = ws.addRow(cells);
  r.font = { bold: true };
  r.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    c.border = { bottom: { style: 'thin' } };
    c.alignment = { wrapText: true, vertical: 'middle' };
  });
}

function dateRow(ws: ExcelJS.Worksheet, values: (string | number | Date | null)[], dateCols: number[]): void {
  const r = ws.addRow(values);
  for (const col of dateCols) r.getCell(col).numFmt = DATE_FMT;
}

/** «Календарный учебный график» of a year: the summary sheet, a month-by-grade grid, the events. */
export async function calendarWorkbook(ctx: HandlerContext, yearId: string): Promise<ExportedFile> {
  const db = ctx.core.db;
  const { year, calendar, production } = await loadSchoolCalendar(db, yearId, { logger: ctx.core.logger });
  const [schemes, entries, transfers, events, bells, classes, card] = await Promise.all([
    listSchemes(db, yearId),
    listEntries(db, yearId),
    listTransfers(db, yearId),
    listEvents(db, yearId),
    listBellSchedules(db, yearId),
    classGradesOfYear(db, yearId),
    findSchoolCard(db),
  ]);
  const grades = classes.length ? [...new Set(classes.map((c) => c.grade))].sort((a, b) => a - b) : [...GRADES];
  const schoolDaysOf = (g: number, from: string, to: string) => dateRange(from, to).filter((d) => classifyDay(calendar, g, d).kind === 'school').length;

  const wb = new ExcelJS.Workbook();
  wb.creator = 'Школьный офис';
  wb.created = new Date();
  const ws = wb.addWorksheet('График');
  ws.columns = [{ width: 34 }, { width: 16 }, { width: 16 }, { width: 16 }, { width: 18 }, { width: 30 }];
  ws.addRow(['Календарный учебный график']).font = { bold: true, size: 14 };
  ws.addRow([`${card?.shortName ?? ''}${card ? ' — ' : ''}${year.name} учебный год`]);

  section(ws, '1. Даты начала и окончания учебного года');
  dateRow(ws, ['Начало учебного года', xlDate(year.startDate)], [2]);
  dateRow(ws, ['Окончание учебного года', xlDate(year.endDate)], [2]);

  section(ws, '2. Режим работы и продолжительность учебного года');
  header(ws, ['Параллель', 'Учебная неделя, дней', 'Учебных дней', 'Учебных недель', 'Смена', 'Классы']);
  for (const g of grades) {
    const inGrade = classes.filter((c) => c.grade === g);
    const days = schoolDaysOf(g, year.startDate, year.endDate);
    const wl = weekLengthOf(calendar, g);
    const shifts = [...new Set(inGrade.map((c) => c.shift))].sort().join(', ');
    ws.addRow([`${g} кл.`, wl, days, weeksText(days, wl), shifts || '—', inGrade.map((c) => c.name).join(', ')]);
  }

  section(ws, '3. Учебные периоды');
  if (schemes.length === 0) ws.addRow(['Учебные периоды не заданы']);
  for (const s of schemes) {
    ws.addRow([`${s.name} — ${formatGradeList(s.grades)} кл.`]).font = { italic: true };
    header(ws, ['Период', 'Начало', 'Окончание', 'Учебных дней', 'Учебных недель', 'Примечание']);
    const perGrade = s.grades.map((g) => ({ g, sums: summarisePeriods(calendar, g, s.periods) }));
    s.periods.forEach((p, i) => {
      const main = perGrade[perGrade.length - 1].sums[i];
      const differing = perGrade.filter((x) => x.sums[i].schoolDays !== main.schoolDays).map((x) => `${x.g} кл.: ${x.sums[i].schoolDays} дн.`);
      dateRow(ws, [p.name, xlDate(p.startDate), xlDate(p.endDate), main.schoolDays, main.weeks, differing.join('; ')], [2, 3]);
    });
  }

  section(ws, '4. Каникулы');
  header(ws, ['Каникулы', 'Начало', 'Окончание', 'Дней', 'Классы', 'Примечание']);
  for (const e of entries.filter((x) => x.kind === 'holiday')) {
    dateRow(ws, [e.name, xlDate(e.startDate), xlDate(e.endDate), dateRange(e.startDate, e.endDate).length, describeGradeScope(e.grades), e.note ?? ''], [2, 3]);
  }

  section(ws, '5. Выходные и нерабочие праздничные дни в учебное время');
  header(ws, ['Основание', 'Начало', 'Окончание', 'Дней', 'Классы']);
  for (const e of entries.filter((x) => x.kind === 'dayOff')) {
    dateRow(ws, [e.name, xlDate(e.startDate), xlDate(e.endDate), dateRange(e.startDate, e.endDate).length, describeGradeScope(e.grades)], [2, 3]);
  }
  for (const d of dateRange(year.startDate, year.endDate)) {
    if (!production.nonWorking.has(d) || isWeekend(d)) continue;
    const why = production.holidays.has(d) ? 'Нерабочий праздничный день (ст. 112 ТК РФ)' : 'Выходной день (перенос по постановлению Правительства РФ)';
    dateRow(ws, [why, xlDate(d), xlDate(d), 1, 'все классы'], [2, 3]);
  }

  section(ws, '6. Переносы учебных дней');
  header(ws, ['Учебный день', 'По расписанию дня', 'Освобождаемый день', 'Классы', 'Основание', 'Приказ']);
  for (const t of transfers) {
    dateRow(ws, [xlDate(t.date), WEEKDAY_SHORT[t.worksAs - 1], t.dayOff ? xlDate(t.dayOff) : '—', describeGradeScope(t.grades), t.reason ?? '', t.orderRef ?? ''], [1, 3]);
  }
  if (transfers.length === 0) ws.addRow(['Переносов нет']);

  section(ws, '7. Расписание звонков');
  for (const b of bells) {
    ws.addRow([`${b.name}: ${b.shift} смена, ${b.weekdays.map((d) => WEEKDAY_SHORT[d - 1]).join(', ')}`]).font = { italic: true };
    header(ws, ['Урок', 'Начало', 'Окончание', 'Перемена после, мин']);
    const breaks = checkBellSchedule(b.lessons).breaks;
    for (const l of b.lessons) ws.addRow([l.number, l.start, l.end, breaks.find((x) => x.after === l.number)?.minutes ?? '']);
  }
  if (bells.length === 0) ws.addRow(['Расписание звонков не задано']);

  // The grid: a block per month, a row per grade, a column per day of the month.
  const grid = wb.addWorksheet('Календарь');
  grid.columns = [{ width: 12 }, ...Array.from({ length: 31 }, () => ({ width: 4.2 })), { width: 10 }];
  grid.addRow([`Календарь ${year.name} учебного года`]).font = { bold: true, size: 14 };
  const start = parseIsoDate(year.startDate);
  const end = parseIsoDate(year.endDate);
  const months: [number, number][] = [];
  for (let k = start.year * 12 + start.month - 1; k <= end.year * 12 + end.month - 1; k++) months.push([Math.floor(k / 12), (k % 12) + 1]);
  for (const [y, m] of months) {
    grid.addRow([]);
    const last = daysInMonth(y, m);
    const head = grid.addRow([`${MONTHS[m - 1]} ${y}`, ...Array.from({ length: 31 }, (_, i) => (i < last ? i + 1 : '')), 'Уч. дней']);
    head.font = { bold: true };
    for (let d = 1; d <= last; d++) {
      if (isWeekend(formatIsoDate(y, m, d))) head.getCell(d + 1).font = { bold: true, color: { argb: 'FFC62828' } };
    }
    for (const g of grades) {
      const cells: (string | number)[] = [`${g} кл.`];
      const kinds: (DayKind | null)[] = [];
      let count = 0;
      for (let d = 1; d <= 31; d++) {
        if (d > last) {
          cells.push('');
          kinds.push(null);
          continue;
        }
        const info = classifyDay(calendar, g, formatIsoDate(y, m, d));
        if (info.kind === 'school') count++;
        cells.push(info.kind === 'school' && info.worksAs ? WEEKDAY_SHORT[info.worksAs - 1] : CODE[info.kind]);
        kinds.push(info.kind);
      }
      cells.push(count);
      const row = grid.addRow(cells);
      kinds.forEach((k, i) => {
        const fill = k ? FILL[k] : null;
        const cell = row.getCell(i + 2);
        cell.alignment = { horizontal: 'center' };
        if (fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
      });
    }
  }
  grid.addRow([]);
  grid.addRow(['Обозначения: пусто — учебный день; Пн…Сб — учебный день по расписанию этого дня (перенос); К — каникулы; Д — выходной день школы; П — нерабочий праздничный день; В — выходной']);

  const ev = wb.addWorksheet('Мероприятия');
  ev.columns = [{ width: 12 }, { width: 13 }, { width: 44 }, { width: 10 }, { width: 24 }, { width: 24 }];
  header(ev, ['Дата', 'Время', 'Мероприятие', 'Класс', 'Место', 'Ответственный']);
  for (const e of events) {
    dateRow(ev, [xlDate(e.date), [e.startTime, e.endTime].filter(Boolean).join('–'), e.title, e.className ?? 'вся школа', e.place ?? '', e.responsibleName ?? ''], [1]);
  }

  const buffer = await wb.xlsx.writeBuffer();
  return {
    fileName: `Календарный учебный график ${year.name.replace('/', '-')}.xlsx`,
    mimeType: XLSX_MIME,
    contentBase64: Buffer.from(buffer as ArrayBuffer).toString('base64'),
    rows: entries.length + transfers.length + events.length,
  };
}

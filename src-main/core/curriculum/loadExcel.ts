import type { ExportedFile } from '../../../src-shared/contract/files';
import { formatHours, round2 } from '../../../src-shared/domain/curriculum/hours';
import { groupLabel, vacanciesBySubject, vacancies } from '../../../src-shared/domain/curriculum/loadRows';
import { LOAD_STATUS_LABELS, ratesOf } from '../../../src-shared/domain/curriculum/rates';
import { compareRu } from '../../../src-shared/domain/names';
import { plural } from '../../../src-shared/domain/plural';
import { addBodyRow, addHeader, addTitle, newWorkbook, toFile } from '../foundation/xlsxSheet';
import { gridTeachers, rowOut, type LoadModel } from './loadView';

/** «Тарификация / нагрузка учителей» and «Вакансии» as Excel, from the same model the screen shows. */

function classesBySubject(rows: { subjectName: string; className: string; groupNo: number }[]): { subjects: string; classes: string } {
  const by = new Map<string, string[]>();
  for (const r of [...rows].sort((a, b) => compareRu(a.subjectName, b.subjectName))) {
    const list = by.get(r.subjectName) ?? [];
    list.push(r.groupNo ? `${r.className} (гр. ${r.groupNo})` : r.className);
    by.set(r.subjectName, list);
  }
  return { subjects: [...by.keys()].join(', '), classes: [...by.entries()].map(([s, cl]) => `${s}: ${cl.join(', ')}`).join('; ') };
}

export async function tarificationExcel(m: LoadModel, schoolName: string): Promise<ExportedFile> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('Тарификация', { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  addTitle(ws, [`Тарификация / нагрузка учителей на ${m.data.year.name} учебный год`, `${schoolName}; 1 ставка = ${formatHours(m.settings.hoursPerRate)} ч в неделю`], 10);
  addHeader(ws, ['№', 'ФИО', 'Должность', 'Предметы', 'Классы', 'Урочная, ч/нед', 'Внеурочная, ч/нед', 'Всего, ч/нед', 'Ставок', 'Отметка'], [5, 32, 24, 30, 50, 11, 12, 11, 9, 13]);
  const teachers = gridTeachers(m).filter((t) => t.hours > 0);
  const sum = { classroom: 0, extra: 0, hours: 0, rates: 0 };
  teachers.forEach((t, i) => {
    const rows = m.totals.get(t.id)?.rows ?? [];
    const { subjects, classes } = classesBySubject(rows);
    addBodyRow(ws, [i + 1, t.fullName, t.position, subjects, classes, t.classroomHours, t.extracurricularHours, t.hours, t.rates, t.status === 'ok' ? '' : LOAD_STATUS_LABELS[t.status]]);
    sum.classroom += t.classroomHours;
    sum.extra += t.extracurricularHours;
    sum.hours += t.hours;
    sum.rates += t.rates;
  });
  addBodyRow(ws, ['', `Итого: ${plural(teachers.length, ['учитель', 'учителя', 'учителей'])}`, '', '', '', round2(sum.classroom), round2(sum.extra), round2(sum.hours), round2(sum.rates), ''], true);
  const vacant = vacancies(m.rows, m.data.assignments);
  const vacantHours = round2(vacant.reduce((s, r) => s + r.hours, 0));
  addBodyRow(ws, ['', 'Вакансии (часы без учителя)', '', '', '', '', '', vacantHours, ratesOf(vacantHours, m.settings.hoursPerRate), ''], true);

  const detail = wb.addWorksheet('Подробно');
  addTitle(detail, [`Нагрузка учителей по классам, ${m.data.year.name}`], 7);
  addHeader(detail, ['ФИО', 'Предмет', 'Класс', 'Группа', 'Урочная, ч/нед', 'Внеурочная, ч/нед', 'Часов в год'], [32, 30, 8, 12, 12, 12, 12]);
  let count = 0;
  for (const t of teachers) {
    for (const r of [...(m.totals.get(t.id)?.rows ?? [])].sort((a, b) => compareRu(a.subjectName, b.subjectName) || a.grade - b.grade || compareRu(a.className, b.className))) {
      addBodyRow(detail, [t.fullName, r.subjectName, r.className, groupLabel(r.groupNo), r.classroomHours, r.extracurricularHours, rowOut(m, r).annualHours]);
      count++;
    }
  }
  return toFile(wb, `Тарификация ${m.data.year.name.replace('/', '-')}.xlsx`, count);
}

export async function vacanciesExcel(m: LoadModel, schoolName: string): Promise<ExportedFile> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('Вакансии', { pageSetup: { orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  addTitle(ws, [`Вакансии: часы без учителя, ${m.data.year.name} учебный год`, `${schoolName}; 1 ставка = ${formatHours(m.settings.hoursPerRate)} ч в неделю`], 6);
  addHeader(ws, ['Предмет', 'Класс', 'Группа', 'Часов в неделю', 'Часов в год', 'Ставок'], [32, 10, 14, 14, 12, 10]);
  const list = vacancies(m.rows, m.data.assignments);
  let total = 0;
  let annual = 0;
  for (const s of vacanciesBySubject(list)) {
    const rows = list.filter((r) => r.subjectId === s.subjectId).sort((a, b) => a.grade - b.grade || compareRu(a.className, b.className) || a.groupNo - b.groupNo);
    for (const r of rows) addBodyRow(ws, [r.subjectName, r.className, groupLabel(r.groupNo), r.hours, rowOut(m, r).annualHours, '']);
    addBodyRow(ws, [`Итого «${s.subjectName}»`, '', '', s.hours, round2(rows.reduce((a, r) => a + rowOut(m, r).annualHours, 0)), ratesOf(s.hours, m.settings.hoursPerRate)], true);
    total += s.hours;
    annual += rows.reduce((a, r) => a + rowOut(m, r).annualHours, 0);
  }
  addBodyRow(ws, ['Всего вакантных часов', '', '', round2(total), round2(annual), ratesOf(round2(total), m.settings.hoursPerRate)], true);
  return toFile(wb, `Вакансии ${m.data.year.name.replace('/', '-')}.xlsx`, list.length);
}

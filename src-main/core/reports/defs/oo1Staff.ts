import type { ReportCheck } from '../../../../src-shared/contract/reportResult';
import { formatRu } from '../../../../src-shared/domain/calendar/dates';
import { addYears } from '../../../../src-shared/domain/documents';
import { ageOn } from '../../../../src-shared/domain/personRules';
import { AGE_BANDS, EXPERIENCE_BANDS, STAFF_ROWS, ageBand, experienceBand, languageRow, staffRowOf } from '../../../../src-shared/domain/reports/oo1Edition';
import { ageDayFor } from '../../../../src-shared/domain/reports/pupilCategories';
import type { BuiltTable, ColumnSpec, Grid, GridFactory } from '../engine/grid';
import { highestEducation, isHigher, isVocational, yearsSince, type StaffOn } from '../repo/staffOn';
import { allOf, atMostCheck, equalityCheck } from './checks';

/**
 * ОО-1 section 3 from the staff cards on the report's day: 3.1 education, category and sex, 3.2
 * experience, 3.3 age and sex, «Справка 2» (trained in the last three years). External part-timers
 * (only an additional position here) are left out, as the form says. Each person is classified once
 * (src-shared/domain/reports/oo1Edition.ts) into a leaf row; the sum rows are unions of their parts
 * and row 01 is everybody counted, so the form's control relations test the classification.
 */
function rowsOf(s: StaffOn): string[] {
  const leaf = staffRowOf(s.mainPosition, s.employeeCategory, s.subjects[0]);
  const out = [leaf];
  const def = STAFF_ROWS.find((r) => r.code === leaf);
  // «из них» rows count in their parent too; a parent that is a sum row (02) gets them by the sum.
  const parent = def?.partOf ? STAFF_ROWS.find((r) => r.code === def.partOf) : undefined;
  if (parent && !parent.sumOf) out.push(parent.code);
  const lang = leaf === '18' ? languageRow(s.subjects[0]) : null;
  if (lang) out.push(lang);
  return out;
}

function staffGrid(grid: GridFactory, id: string, title: string, columns: ColumnSpec[], note?: string): Grid {
  const g = grid({ id, title, labelTitle: 'Наименование показателя', kind: 'staff', columns, landscape: true, note });
  for (const r of STAFF_ROWS) g.row({ key: r.code, code: r.code, label: r.label, level: r.sumOf ? 1 : 0 });
  return g;
}

/** Fills sum rows (02, 07, 06) from their parts; row 01 already holds everybody. */
function closeSums(g: Grid): void {
  for (const code of ['02', '07', '06']) g.unionRows(code, STAFF_ROWS.find((r) => r.code === code)?.sumOf ?? []);
}

const sumRowChecks = (g: Grid, table: string, col: string): ReportCheck[] =>
  STAFF_ROWS.filter((r) => r.sumOf).map((r) => equalityCheck(`${table}: стр. ${r.code} = сумма строк ${(r.sumOf ?? []).join(', ')} (гр. ${col.replace('c', '')})`, g.count(r.code, col), (r.sumOf ?? []).reduce((n, p) => n + g.count(p, col), 0)));

const partChecks = (g: Grid, table: string, col: string): ReportCheck[] =>
  ['18', '29', '41'].map((parent) => {
    const parts = STAFF_ROWS.filter((r) => r.partOf === parent).map((r) => r.code);
    return atMostCheck(`${table}: стр. ${parts.join(' + ')} ≤ стр. ${parent}`, parts.reduce((n, p) => n + g.count(p, col), 0), g.count(parent, col));
  });

export function oo1Staff(grid: GridFactory, all: readonly StaffOn[], date: string): { tables: BuiltTable[]; checks: ReportCheck[]; notes: string[] } {
  const staff = all.filter((s) => !s.externalOnly);
  const codes = STAFF_ROWS.map((r) => r.code);
  const checks: ReportCheck[] = [];
  const notes: string[] = [];

  const t31 = staffGrid(
    grid,
    '3.1',
    '3.1. Распределение численности персонала по уровню образования и полу (без внешних совместителей)',
    [
      { key: 'c3', code: '3', title: 'Всего, человек', width: 8 },
      { key: 'c4', code: '4', title: 'Высшее образование', width: 9 },
      { key: 'c5', code: '5', title: 'из них (гр. 4) педагогическое', width: 10 },
      { key: 'c6', code: '6', title: 'учёная степень доктора наук', group: 'Из гр. 4 имеют', width: 8 },
      { key: 'c7', code: '7', title: 'учёная степень кандидата наук', group: 'Из гр. 4 имеют', width: 8 },
      { key: 'c8', code: '8', title: 'учёное звание профессора', group: 'Из гр. 4 имеют', width: 8 },
      { key: 'c9', code: '9', title: 'учёное звание доцента', group: 'Из гр. 4 имеют', width: 8 },
      { key: 'c10', code: '10', title: 'СПО по программам подготовки специалистов среднего звена', width: 12 },
      { key: 'c11', code: '11', title: 'из них (гр. 10) педагогическое', width: 10 },
      { key: 'c12', code: '12', title: 'СПО по программам подготовки квалифицированных рабочих', width: 12 },
      { key: 'c13', code: '13', title: 'высшую', group: 'Имеют квалификационную категорию', width: 8 },
      { key: 'c14', code: '14', title: 'первую', group: 'Имеют квалификационную категорию', width: 8 },
      { key: 'c15', code: '15', title: 'Женщины', width: 8 },
      { key: 'c16', code: '16', title: 'В пересчёте на полную занятость, единиц', width: 10 },
    ],
    'Образование — высшее из указанных в карточке; педагогическое — по отметке в записи об образовании. Среднее профессиональное считается по программам подготовки специалистов среднего звена (гр. 10): программа не различает подготовку рабочих (гр. 12). Гр. 16 — сумма ставок на дату.',
  );
  const t32 = staffGrid(
    grid,
    '3.2',
    '3.2. Распределение численности персонала по стажу работы',
    [
      { key: 'c3', code: '3', title: 'Всего (сумма граф 4–9)', width: 9 },
      ...EXPERIENCE_BANDS.map((b, i) => ({ key: `t${b.key}`, code: String(4 + i), title: b.label, group: 'Общий стаж работы', width: 8 })),
      { key: 'c10', code: '10', title: 'Педагогический стаж — всего (сумма граф 11–16)', width: 11 },
      ...EXPERIENCE_BANDS.map((b, i) => ({ key: `p${b.key}`, code: String(11 + i), title: b.label, group: 'Стаж педагогической работы', width: 8 })),
      { key: 'c17', code: '17', title: 'Не имеют стажа педагогической работы', width: 10 },
    ],
  );
  const t33 = staffGrid(grid, '3.3', `3.3. Распределение численности персонала по полу и возрасту (полных лет на ${formatRu(ageDayFor(date))})`, [
    { key: 'c3', code: '3', title: 'Всего', width: 8 },
    ...AGE_BANDS.flatMap((b) => [
      { key: `${b.key}`, title: 'всего', group: b.label, width: 6 },
      { key: `${b.key}w`, title: 'женщины', group: b.label, width: 7 },
    ]),
  ]);
  const since = addYears(date, -3);
  const trained = grid({
    id: 'справка2',
    title: 'Справка 2. Прошли повышение квалификации и (или) профессиональную переподготовку за последние три года',
    labelTitle: 'Наименование показателя',
    kind: 'staff',
    columns: [{ key: 'c3', code: '3', title: 'Человек', width: 10 }],
  });
  trained.row({ key: '54', code: '54', label: 'Руководящие работники (из стр. 02)' });
  trained.row({ key: '55', code: '55', label: 'из них директор' });
  trained.row({ key: '56', code: '56', label: 'Педагогические работники (из стр. 06)' });
  trained.row({ key: '57', code: '57', label: 'из них учителя' });

  const ageDay = ageDayFor(date);
  const rates = new Map<string, number>();
  for (const s of staff) {
    const rows = rowsOf(s);
    const rate = s.active.reduce((n, p) => n + (p.rate ?? 0), 0);
    for (const r of ['01', ...rows]) rates.set(r, (rates.get(r) ?? 0) + rate);
    const high = highestEducation(s.educations);
    const higherPed = s.educations.some((e) => isHigher(e) && e.pedagogical === true);
    const vocPed = s.educations.some((e) => isVocational(e) && e.pedagogical === true);
    const degree = (s.academicDegree ?? '').toLowerCase();
    const total = yearsSince(s.totalExperienceStart ?? s.hireDate, date);
    const ped = yearsSince(s.pedExperienceStart, date);
    const age = s.birthDate ? ageOn(s.birthDate, ageDay) : null;
    const recent = s.trainings.some((t) => t.endDate >= since && t.endDate <= date);
    for (const r of ['01', ...rows]) {
      t31.add(r, 'c3', s.id, s.mainPosition ?? undefined);
      if (isHigher(high)) t31.add(r, 'c4', s.id, high?.level ?? undefined);
      if (isHigher(high) && higherPed) t31.add(r, 'c5', s.id);
      if (isHigher(high) && degree.includes('доктор')) t31.add(r, 'c6', s.id, s.academicDegree ?? undefined);
      if (isHigher(high) && degree.includes('кандидат')) t31.add(r, 'c7', s.id, s.academicDegree ?? undefined);
      if (isHigher(high) && degree.includes('профессор')) t31.add(r, 'c8', s.id, s.academicDegree ?? undefined);
      if (isHigher(high) && degree.includes('доцент')) t31.add(r, 'c9', s.id, s.academicDegree ?? undefined);
      if (isVocational(high)) t31.add(r, 'c10', s.id);
      if (isVocational(high) && vocPed) t31.add(r, 'c11', s.id);
      if (s.qualificationCategory === 'высшая') t31.add(r, 'c13', s.id);
      if (s.qualificationCategory === 'первая') t31.add(r, 'c14', s.id);
      if (s.sex === 'Ж') t31.add(r, 'c15', s.id);

      t32.add(r, 'c3', s.id);
      if (total !== null) t32.add(r, `t${experienceBand(total)}`, s.id, `${total} лет`);
      if (ped !== null) {
        t32.add(r, 'c10', s.id);
        t32.add(r, `p${experienceBand(ped)}`, s.id, `${ped} лет`);
      } else t32.add(r, 'c17', s.id);

      t33.add(r, 'c3', s.id);
      if (age !== null) {
        t33.add(r, ageBand(age), s.id, `${age} лет`);
        if (s.sex === 'Ж') t33.add(r, `${ageBand(age)}w`, s.id, `${age} лет`);
      }
    }
    if (recent && rows.some((r) => ['03', '04', '05'].includes(r))) trained.add('54', 'c3', s.id);
    if (recent && rows.includes('03')) trained.add('55', 'c3', s.id);
    const pedRow = STAFF_ROWS.find((x) => x.code === '06')?.sumOf ?? [];
    const teacherRow = STAFF_ROWS.find((x) => x.code === '07')?.sumOf ?? [];
    const inPed = rows.some((r) => pedRow.includes(r) || teacherRow.includes(r) || r === '30' || r === '31' || r === '32');
    if (recent && inPed) trained.add('56', 'c3', s.id);
    if (recent && rows.some((r) => teacherRow.includes(r))) trained.add('57', 'c3', s.id);
  }
  for (const g of [t31, t32, t33]) closeSums(g);
  // Column 16: the sum of rates, only where the form asks for it (sum rows add their parts' sums).
  for (const code of ['02', '07', '06']) rates.set(code, (STAFF_ROWS.find((r) => r.code === code)?.sumOf ?? []).reduce((n, p) => n + (rates.get(p) ?? 0), 0));
  for (const r of STAFF_ROWS) t31.set(r.code, 'c16', r.fte ? Math.round((rates.get(r.code) ?? 0) * 10) / 10 : 'х');

  checks.push(...sumRowChecks(t31, '3.1', 'c3'), ...partChecks(t31, '3.1', 'c3'));
  checks.push(
    allOf(
      '3.1: гр. 5 ≤ гр. 4, гр. 11 ≤ гр. 10, гр. 13, 14, 15 ≤ гр. 3 (по каждой строке)',
      codes.flatMap((r) => [
        atMostCheck('', t31.count(r, 'c5'), t31.count(r, 'c4'), `стр. ${r}, гр. 5/4`),
        atMostCheck('', t31.count(r, 'c11'), t31.count(r, 'c10'), `стр. ${r}, гр. 11/10`),
        atMostCheck('', t31.count(r, 'c13'), t31.count(r, 'c3'), `стр. ${r}, гр. 13/3`),
        atMostCheck('', t31.count(r, 'c14'), t31.count(r, 'c3'), `стр. ${r}, гр. 14/3`),
        atMostCheck('', t31.count(r, 'c15'), t31.count(r, 'c3'), `стр. ${r}, гр. 15/3`),
      ]),
    ),
  );
  checks.push(allOf('3.2: гр. 3 = сумма граф 4–9 (по каждой строке)', codes.map((r) => equalityCheck('', t32.count(r, 'c3'), EXPERIENCE_BANDS.reduce((n, b) => n + t32.count(r, `t${b.key}`), 0), `стр. ${r}`))));
  checks.push(allOf('3.2: гр. 10 = сумма граф 11–16 (по каждой строке)', codes.map((r) => equalityCheck('', t32.count(r, 'c10'), EXPERIENCE_BANDS.reduce((n, b) => n + t32.count(r, `p${b.key}`), 0), `стр. ${r}`))));
  checks.push(allOf('3.2: гр. 17 = гр. 3 − гр. 10 (по каждой строке)', codes.map((r) => equalityCheck('', t32.count(r, 'c17'), t32.count(r, 'c3') - t32.count(r, 'c10'), `стр. ${r}`))));
  checks.push(allOf('3.2: гр. 3 = гр. 3 подраздела 3.1 (строки 01–44)', codes.map((r) => equalityCheck('', t32.count(r, 'c3'), t31.count(r, 'c3'), `стр. ${r}`))));
  checks.push(allOf('3.3: «Всего» = сумма возрастных групп (по каждой строке)', codes.map((r) => equalityCheck('', t33.count(r, 'c3'), AGE_BANDS.reduce((n, b) => n + t33.count(r, b.key), 0), `стр. ${r}`))));
  checks.push(allOf('3.3: «Всего» = гр. 3 подраздела 3.1', codes.map((r) => equalityCheck('', t33.count(r, 'c3'), t31.count(r, 'c3'), `стр. ${r}`))));
  checks.push(allOf('3.3: женщины по возрасту = гр. 15 подраздела 3.1', codes.map((r) => equalityCheck('', AGE_BANDS.reduce((n, b) => n + t33.count(r, `${b.key}w`), 0), t31.count(r, 'c15'), `стр. ${r}`))));
  checks.push(atMostCheck('Справка 2: стр. 55 ≤ стр. 54, стр. 57 ≤ стр. 56', trained.count('55', 'c3') + trained.count('57', 'c3'), trained.count('54', 'c3') + trained.count('56', 'c3')));
  const unknown = staff.filter((s) => s.educations.length > 0 && s.educations.every((e) => e.pedagogical === null)).length;
  if (unknown > 0) notes.push(`У ${unknown} сотрудников в записях об образовании не отмечено, педагогическое ли оно: гр. 5 и 11 подраздела 3.1 их не считают. Отметьте в карточке сотрудника (вкладка «Образование»).`);
  const noSubject = staff.filter((s) => rowsOf(s)[0] === '27' && s.subjects.length === 0).length;
  if (noSubject > 0) notes.push(`${noSubject} учителей без нагрузки и предметов отнесены к строке 27 «прочих предметов»: укажите их предметы в нагрузке.`);
  return { tables: [t31.build(), t32.build(), t33.build(), trained.build()], checks, notes };
}

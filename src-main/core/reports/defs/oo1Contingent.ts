import type { ReportCheck } from '../../../../src-shared/contract/reportResult';
import { formatRu } from '../../../../src-shared/domain/calendar/dates';
import { OVZ_CATEGORIES } from '../../../../src-shared/domain/peopleDictionaries';
import { ageOn } from '../../../../src-shared/domain/personRules';
import { GRADE_COLUMNS, TERM_ROWS, normativeTerm, oo1ClassSection } from '../../../../src-shared/domain/reports/oo1Edition';
import { LEVELS, ageDayFor, levelKeyOf } from '../../../../src-shared/domain/reports/pupilCategories';
import type { BuiltTable, ColumnSpec, Grid, GridFactory } from '../engine/grid';
import type { ClassOn, PupilOn } from '../repo/pupilsOn';
import { allOf, atMostCheck, equalityCheck } from './checks';

/**
 * ОО-1 section 2 from the class lists of the report's day (20 September): classes and pupils by
 * grade and the programme's normative term (2.1.1 general, 2.1.2 for pupils with ОВЗ, 2.1.3 for
 * pupils with intellectual disability), inclusive classes (2.2), classes and класс-комплекты (2.4),
 * pupils by age and sex, pupils with ОВЗ and disability. Every cell is a set of classes or pupils.
 */
const SECTION_TITLES = {
  '2.1.1': '2.1.1. Общеобразовательные классы (по основным образовательным программам)',
  '2.1.2': '2.1.2. Классы для обучающихся с ОВЗ (по адаптированным программам)',
  '2.1.3': '2.1.3. Классы для обучающихся с умственной отсталостью (интеллектуальными нарушениями)',
} as const;

const GRID_COLUMNS: ColumnSpec[] = [
  { key: 'c3', code: '3', title: 'Всего (сумма граф 4–17)', width: 9 },
  ...GRADE_COLUMNS.map((c) => ({ key: c.key, code: c.code, title: c.title, width: c.grade === null ? 10 : 7 })),
];

function numbers(g: Grid, row: string, keys: readonly string[]): number {
  return keys.reduce((n, k) => n + g.count(row, k), 0);
}

export interface ContingentOut {
  tables: BuiltTable[];
  checks: ReportCheck[];
  notes: string[];
}

export function oo1Contingent(grid: GridFactory, classes: readonly ClassOn[], pupils: readonly PupilOn[], date: string, rural: boolean): ContingentOut {
  const checks: ReportCheck[] = [];
  const notes: string[] = [];
  const tables: BuiltTable[] = [];
  const bySection = new Map<string, Grid>();
  for (const section of ['2.1.1', '2.1.2', '2.1.3'] as const) {
    const g = grid({ id: section, title: SECTION_TITLES[section], labelTitle: 'Наименование показателя', kind: 'pupil', columns: GRID_COLUMNS, landscape: true });
    for (const t of TERM_ROWS) {
      g.row({ key: t.classes, code: t.classes, label: `Число классов с нормативным сроком освоения программ ${t.years} лет, ед.`, kind: 'class' });
      g.row({ key: t.pupils, code: t.pupils, label: 'В них обучающихся, чел.' });
    }
    bySection.set(section, g);
  }
  const pupilsByClass = new Map<string, PupilOn[]>();
  for (const p of pupils) {
    const list = pupilsByClass.get(p.classId);
    if (list) list.push(p);
    else pupilsByClass.set(p.classId, [p]);
  }
  for (const c of classes) {
    const members = pupilsByClass.get(c.id) ?? [];
    // An empty class on the day is not a class of the form.
    if (members.length === 0) continue;
    const section = oo1ClassSection(c.programme, c.programmeVariant);
    const term = TERM_ROWS.find((t) => t.years === normativeTerm(c.programme, c.programmeVariant)) ?? TERM_ROWS[2];
    const g = bySection.get(section) as Grid;
    const col = `g${Math.min(c.grade, 12)}`;
    g.add(term.classes, col, c.id, `${members.length} обучающихся`);
    for (const p of members) g.add(term.pupils, col, p.id);
  }
  const gradeKeys = GRADE_COLUMNS.map((c) => c.key);
  for (const [section, g] of bySection) {
    g.unionColumns('c3', gradeKeys);
    // General programmes have no second year of grade 1: the form crosses these cells out.
    if (section === '2.1.1') for (const key of ['g1y1', 'g1y2']) for (const t of TERM_ROWS) g.set(t.classes, key, 'х').set(t.pupils, key, 'х');
    checks.push(allOf(`${section}: графа 3 = сумма граф 4–17 (по каждой строке)`, TERM_ROWS.flatMap((t) => [t.classes, t.pupils]).map((r) => equalityCheck('', g.count(r, 'c3'), numbers(g, r, gradeKeys), `стр. ${r}`))));
    checks.push(
      allOf(
        `${section}: есть классы ⇔ есть обучающиеся; обучающихся не меньше, чем классов`,
        TERM_ROWS.flatMap((t) => gradeKeys.map((k) => ({ t, k }))).map(({ t, k }) => {
          const cls = g.count(t.classes, k);
          const ppl = g.count(t.pupils, k);
          return { label: '', passed: (cls > 0) === (ppl > 0) && ppl >= cls, detail: `стр. ${t.classes}/${t.pupils}, ${k}: ${cls} кл., ${ppl} чел.` };
        }),
      ),
    );
    tables.push(g.build());
  }
  const pupilsIn21 = [...bySection.values()].reduce((n, g) => n + TERM_ROWS.reduce((m, t) => m + g.count(t.pupils, 'c3'), 0), 0);

  // 2.2: general classes with pupils with ОВЗ learning together with the others.
  const inclusive = grid({
    id: '2.2',
    title: '2.2. Классы, имеющие в своём составе обучающихся с ОВЗ, находящихся на совместном обучении',
    labelTitle: 'Наименование показателя',
    kind: 'pupil',
    columns: [{ key: 'c3', code: '3', title: 'Всего', width: 8 }, ...GRADE_COLUMNS.filter((c) => c.grade !== null).map((c) => ({ key: c.key, code: c.code, title: c.title, width: 7 }))],
    landscape: true,
  });
  inclusive.row({ key: '01', code: '01', label: 'Число классов, ед.', kind: 'class' });
  inclusive.row({ key: '02', code: '02', label: 'В них обучающихся с ОВЗ, чел.' });
  for (const c of classes) {
    if (c.programme === 'АООП') continue;
    const ovz = (pupilsByClass.get(c.id) ?? []).filter((p) => p.hasOvz);
    if (ovz.length === 0) continue;
    inclusive.add('01', `g${Math.min(c.grade, 12)}`, c.id, `обучающихся с ОВЗ: ${ovz.length}`);
    for (const p of ovz) inclusive.add('02', `g${Math.min(c.grade, 12)}`, p.id, p.ovzCategory ?? 'категория не указана');
  }
  inclusive.unionColumns('c3', GRADE_COLUMNS.filter((c) => c.grade !== null).map((c) => c.key));
  tables.push(inclusive.build());

  // 2.4: classes and класс-комплекты (очная форма, without the classes for pupils with ОВЗ).
  const threshold = rural ? 14 : 25;
  const sets = grid({
    id: '2.4',
    title: '2.4. Сведения о классах и классах-комплектах (очная форма обучения, без классов для обучающихся с ОВЗ)',
    labelTitle: 'Наименование показателя',
    kind: 'class',
    note: `Классы-комплекты (несколько классов, которые ведёт один учитель) в программе не отмечаются: графы 5 и 6 заполните вручную, если они есть. Строка 05 — классы, где меньше ${threshold} обучающихся (${rural ? 'сельская' : 'городская'} местность — по адресу в карточке ОО).`,
    columns: [
      { key: 'c3', code: '3', title: 'Всего классов и классов-комплектов (сумма гр. 4, 5)', width: 14 },
      { key: 'c4', code: '4', title: 'Классов, не объединённых в классы-комплекты', width: 14 },
      { key: 'c5', code: '5', title: 'Классов-комплектов', width: 11 },
      { key: 'c6', code: '6', title: 'В них классов', width: 9 },
    ],
    landscape: false,
  });
  sets.row({ key: '01', code: '01', label: 'Всего (сумма строк 02–04)' });
  for (const [i, level] of LEVELS.entries()) sets.row({ key: `0${i + 2}`, code: `0${i + 2}`, label: level.label });
  sets.row({ key: '05', code: '05', label: `Из строки 01 — классы с численностью обучающихся менее ${threshold} человек` });
  for (const c of classes) {
    if (c.programme === 'АООП') continue;
    const size = (pupilsByClass.get(c.id) ?? []).length;
    if (size === 0) continue;
    const row = `0${LEVELS.findIndex((l) => l.key === levelKeyOf(c.grade)) + 2}`;
    sets.add(row, 'c4', c.id, `${size} обучающихся`);
    if (size < threshold) sets.add('05', 'c4', c.id, `${size} обучающихся`);
  }
  sets.unionRows('01', ['02', '03', '04']);
  sets.unionColumns('c3', ['c4', 'c5']);
  sets.set('05', 'c6', 'х');
  tables.push(sets.build());
  checks.push(allOf('2.4: графа 3 = графа 4 + графа 5', ['01', '02', '03', '04', '05'].map((r) => equalityCheck('', sets.count(r, 'c3'), sets.count(r, 'c4') + sets.count(r, 'c5'), `стр. ${r}`))));
  checks.push(allOf('2.4: графа 6 ≥ 2 × графа 5', ['01', '02', '03', '04'].map((r) => atMostCheck('', 2 * sets.count(r, 'c5'), sets.count(r, 'c6'), `стр. ${r}`))));
  checks.push(equalityCheck('2.4: строка 01 = сумма строк 02–04 (графа 3)', sets.count('01', 'c3'), sets.count('02', 'c3') + sets.count('03', 'c3') + sets.count('04', 'c3')));
  checks.push(atMostCheck('2.4: строка 05 ≤ строка 01', sets.count('05', 'c3'), sets.count('01', 'c3')));
  checks.push(equalityCheck('2.4: строка 01 графы 3 = число общеобразовательных классов в 2.1.1 и 2.2', sets.count('01', 'c3'), TERM_ROWS.reduce((n, t) => n + (bySection.get('2.1.1') as Grid).count(t.classes, 'c3'), 0)));

  // Pupils by age (full years on 1 January) and sex.
  const ageDay = ageDayFor(date);
  const grades = GRADE_COLUMNS.filter((c) => c.grade !== null && pupils.some((p) => Math.min(p.grade, 12) === c.grade));
  const age = grid({
    id: 'age',
    title: `Распределение обучающихся по возрасту (полных лет на ${formatRu(ageDay)}) и полу`,
    labelTitle: 'Возраст',
    kind: 'pupil',
    columns: [{ key: 'total', code: '3', title: 'Всего', width: 8 }, { key: 'girls', code: '4', title: 'из них девочки', width: 9 }, ...grades.map((c) => ({ key: c.key, title: c.title.replace('-й класс', ' кл.'), group: 'в том числе в классах', width: 6 }))],
    landscape: true,
  });
  age.row({ key: 'under6', label: 'моложе 6 лет' });
  for (let a = 6; a <= 18; a++) age.row({ key: `a${a}`, label: `${a} лет` });
  age.row({ key: 'over18', label: '19 лет и старше' });
  age.row({ key: 'unknown', label: 'дата рождения не указана' });
  age.row({ key: 'total', label: 'Всего (сумма строк)', level: 2 });
  for (const p of pupils) {
    const a = p.birthDate ? ageOn(p.birthDate, ageDay) : null;
    const row = a === null ? 'unknown' : a < 6 ? 'under6' : a > 18 ? 'over18' : `a${a}`;
    age.add(row, 'total', p.id, p.birthDate ? formatRu(p.birthDate) : undefined);
    if (p.sex === 'Ж') age.add(row, 'girls', p.id);
    age.add(row, `g${Math.min(p.grade, 12)}`, p.id);
  }
  age.unionRows('total', ['under6', ...Array.from({ length: 13 }, (_, i) => `a${i + 6}`), 'over18', 'unknown']);
  tables.push(age.build());
  checks.push(equalityCheck('Всего обучающихся по возрасту = всего обучающихся в 2.1.1–2.1.3', age.count('total', 'total'), pupilsIn21));
  checks.push(atMostCheck('Девочки ≤ всего (по возрасту)', age.count('total', 'girls'), age.count('total', 'total')));
  if (age.count('unknown', 'total') > 0) notes.push(`У ${age.count('unknown', 'total')} обучающихся не указана дата рождения: возрастная таблица их не распределяет.`);

  // Pupils with ОВЗ by category and pupils with disability.
  const ovz = grid({
    id: 'ovz',
    title: 'Обучающиеся с ОВЗ и дети-инвалиды',
    labelTitle: 'Показатель',
    kind: 'pupil',
    columns: [{ key: 'total', title: 'Всего', width: 8 }, { key: 'girls', title: 'из них девочки', width: 9 }, ...LEVELS.map((l) => ({ key: l.key, title: l.label, width: 10 }))],
  });
  ovz.row({ key: 'ovz', label: 'Обучающиеся с ОВЗ — всего', level: 1 });
  OVZ_CATEGORIES.forEach((c, i) => ovz.row({ key: `o${i}`, label: `из них: ${c}` }));
  ovz.row({ key: 'oOther', label: 'из них: категория не указана или иная' });
  ovz.row({ key: 'disabled', label: 'Дети-инвалиды — всего', level: 1 });
  ovz.row({ key: 'disabledOvz', label: 'из них с ОВЗ' });
  ovz.row({ key: 'home', label: 'Обучаются на дому' });
  for (const p of pupils) {
    const rows: string[] = [];
    if (p.hasOvz) {
      rows.push('ovz');
      const i = OVZ_CATEGORIES.indexOf(p.ovzCategory as (typeof OVZ_CATEGORIES)[number]);
      rows.push(i >= 0 ? `o${i}` : 'oOther');
    }
    if (p.disabilityGroup) rows.push('disabled');
    if (p.disabilityGroup && p.hasOvz) rows.push('disabledOvz');
    if (p.homeSchooling) rows.push('home');
    for (const r of rows) {
      ovz.add(r, 'total', p.id, p.ovzCategory ?? p.disabilityGroup ?? undefined);
      if (p.sex === 'Ж') ovz.add(r, 'girls', p.id);
      ovz.add(r, levelKeyOf(p.grade), p.id);
    }
  }
  tables.push(ovz.build());
  checks.push(equalityCheck('ОВЗ: всего = сумма по категориям', ovz.count('ovz', 'total'), [...OVZ_CATEGORIES.map((_, i) => `o${i}`), 'oOther'].reduce((n, r) => n + ovz.count(r, 'total'), 0)));
  return { tables, checks, notes };
}

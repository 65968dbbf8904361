/**
 * Form ОО-1, the parts a school fills from its own data, as a versioned data table (row and column
 * numbers live here, never in code: a later edition may renumber them). Edition: the 2016–2019
 * Rosstat form as reproduced in the NetSchool templates (`/work/shared/domain/school-reports.md`
 * §1.3–1.8); the current edition's order was not found, so the collector's own form must be checked
 * before filing.
 */
import { SCHOOL_POSITIONS } from '../positions';

export const OO1_EDITION = 'Росстат, редакция 2016–2019 гг. (разделы 2.1, 2.2, 2.4, 3.1–3.3)';

export interface StaffRow {
  code: string;
  label: string;
  /** Rows this one is the sum of (the form's «сумма строк …»). */
  sumOf?: readonly string[];
  /** «из них» rows: each ≤ this parent, together ≤ it. */
  partOf?: string;
  /** Whether column 16 (FTE) is filled; elsewhere it is «х». */
  fte?: boolean;
}

export const STAFF_ROWS: readonly StaffRow[] = [
  { code: '01', label: 'Численность работников — всего (сумма строк 02, 06, 40, 41)', sumOf: ['02', '06', '40', '41'] },
  { code: '02', label: 'руководящие работники — всего', sumOf: ['03', '04', '05'] },
  { code: '03', label: 'директор', partOf: '02' },
  { code: '04', label: 'заместители директора', partOf: '02' },
  { code: '05', label: 'руководитель филиала', partOf: '02' },
  { code: '06', label: 'педагогические работники — всего (сумма строк 07, 28, 29, 33–39)', sumOf: ['07', '28', '29', '33', '34', '35', '36', '37', '38', '39'], fte: true },
  { code: '07', label: 'учителя — всего (сумма строк 08–18, 22–27)', sumOf: ['08', '09', '10', '11', '12', '13', '14', '15', '16', '17', '18', '22', '23', '24', '25', '26', '27'], fte: true },
  { code: '08', label: 'учителя, реализующие программы начального общего образования', fte: true },
  { code: '09', label: 'русского языка и литературы' },
  { code: '10', label: 'языка народов России и литературы' },
  { code: '11', label: 'истории, экономики, права, обществознания' },
  { code: '12', label: 'информатики и ИКТ' },
  { code: '13', label: 'физики' },
  { code: '14', label: 'математики' },
  { code: '15', label: 'химии' },
  { code: '16', label: 'географии' },
  { code: '17', label: 'биологии' },
  { code: '18', label: 'иностранных языков' },
  { code: '19', label: 'из них английского языка', partOf: '18' },
  { code: '20', label: 'из них немецкого языка', partOf: '18' },
  { code: '21', label: 'из них французского языка', partOf: '18' },
  { code: '22', label: 'физической культуры' },
  { code: '23', label: 'трудового обучения (технологии)' },
  { code: '24', label: 'музыки и пения' },
  { code: '25', label: 'изобразительного искусства, черчения' },
  { code: '26', label: 'основ безопасности жизнедеятельности (защиты Родины)' },
  { code: '27', label: 'прочих предметов' },
  { code: '28', label: 'учителя-логопеды', fte: true },
  { code: '29', label: 'учителя-дефектологи', fte: true },
  { code: '30', label: 'из них олигофренопедагоги', partOf: '29', fte: true },
  { code: '31', label: 'из них тифлопедагоги', partOf: '29', fte: true },
  { code: '32', label: 'из них сурдопедагоги', partOf: '29', fte: true },
  { code: '33', label: 'социальные педагоги', fte: true },
  { code: '34', label: 'педагоги дополнительного образования', fte: true },
  { code: '35', label: 'педагоги-психологи', fte: true },
  { code: '36', label: 'воспитатели', fte: true },
  { code: '37', label: 'мастера производственного обучения', fte: true },
  { code: '38', label: 'тьюторы', fte: true },
  { code: '39', label: 'другие педагогические работники', fte: true },
  { code: '40', label: 'учебно-вспомогательный персонал' },
  { code: '41', label: 'иной персонал' },
  { code: '42', label: 'из них ассистенты (помощники)', partOf: '41', fte: true },
  { code: '43', label: 'из них сурдопереводчики', partOf: '41', fte: true },
  { code: '44', label: 'из них тифлосурдопереводчики', partOf: '41', fte: true },
];

/** Rows that are sums, expanded to the leaves a person is counted in. */
export const SUM_ROWS: Record<string, readonly string[]> = Object.fromEntries(STAFF_ROWS.filter((r) => r.sumOf).map((r) => [r.code, r.sumOf as readonly string[]]));

/** Subject teachers: the row of a subject name (the teacher's main subject in the load). */
const SUBJECT_ROWS: readonly [RegExp, string][] = [
  [/русск|литератур/i, '09'],
  [/родн/i, '10'],
  [/истор|обществ|прав|эконом/i, '11'],
  [/информат|икт/i, '12'],
  [/физик/i, '13'],
  [/математ|алгебр|геометр|вероятн/i, '14'],
  [/хими/i, '15'],
  [/географ/i, '16'],
  [/биолог|естествозн/i, '17'],
  [/английск|немецк|французск|испанск|китайск|итальянск|иностран/i, '18'],
  [/физическ.*культур|физкульт/i, '22'],
  [/труд|технолог/i, '23'],
  [/музык|пени/i, '24'],
  [/изобраз|изо\b|черчен/i, '25'],
  [/обж|обзр|безопасност/i, '26'],
];

export function subjectRow(subject: string | undefined): string {
  if (!subject) return '27';
  for (const [re, code] of SUBJECT_ROWS) if (re.test(subject)) return code;
  return '27';
}

export function languageRow(subject: string | undefined): string | null {
  if (!subject) return null;
  if (/английск/i.test(subject)) return '19';
  if (/немецк/i.test(subject)) return '20';
  if (/французск/i.test(subject)) return '21';
  return null;
}

/** Positions named in the ЕКС, by the row they are counted in. */
const POSITION_ROWS: readonly [RegExp, string][] = [
  [/^директор/i, '03'],
  [/^заместитель директора/i, '04'],
  [/руководитель филиала/i, '05'],
  [/учитель начальных классов/i, '08'],
  [/учитель-логопед|логопед/i, '28'],
  [/олигофренопедагог/i, '30'],
  [/тифлопедагог/i, '31'],
  [/сурдопедагог/i, '32'],
  [/учитель-дефектолог|дефектолог/i, '29'],
  [/социальный педагог/i, '33'],
  [/педагог дополнительного образования/i, '34'],
  [/педагог-психолог|психолог/i, '35'],
  [/воспитатель/i, '36'],
  [/мастер производственного обучения/i, '37'],
  [/тьютор/i, '38'],
  [/преподаватель-организатор основ безопасности/i, '26'],
  [/ассистент|помощник/i, '42'],
  [/тифлосурдопереводчик/i, '44'],
  [/сурдопереводчик/i, '43'],
  [/^учитель/i, 'teacher'],
];

export type StaffCategory = 'руководитель' | 'педагогический работник' | 'учебно-вспомогательный персонал' | 'обслуживающий персонал' | 'специалист';

/**
 * The ОО-1 row of a staff member by the main position (and, for a subject teacher, the main
 * subject); «х»-free: every person lands in exactly one leaf row, so row 01 equals 02 + 06 + 40 + 41.
 */
export function staffRowOf(position: string | null, employeeCategory: string | null, mainSubject: string | undefined): string {
  const name = (position ?? '').trim();
  for (const [re, code] of POSITION_ROWS) {
    if (!re.test(name)) continue;
    return code === 'teacher' ? subjectRow(mainSubject) : code;
  }
  const ref = SCHOOL_POSITIONS.find((p) => p.name.toLowerCase() === name.toLowerCase());
  const category = ref?.category ?? employeeCategory;
  if (category === 'руководитель') return '04';
  if (category === 'педагогический работник' || ref?.pedagogical) return '39';
  if (category === 'учебно-вспомогательный персонал') return '40';
  return '41';
}

/** Pedagogical by the ЕКС position (or the card's category when the position is not in the list). */
export function isPedagogicalPosition(position: string | null, employeeCategory: string | null): boolean {
  const row = staffRowOf(position, employeeCategory, undefined);
  return row !== '03' && row !== '04' && row !== '05' && row !== '40' && row !== '41' && row !== '42' && row !== '43' && row !== '44';
}

/** Experience bands of 3.2 (columns 4–9 and 11–16). */
export const EXPERIENCE_BANDS = [
  { key: 'e0', label: 'до 3 лет', from: 0, to: 2 },
  { key: 'e3', label: 'от 3 до 5 лет', from: 3, to: 4 },
  { key: 'e5', label: 'от 5 до 10 лет', from: 5, to: 9 },
  { key: 'e10', label: 'от 10 до 15 лет', from: 10, to: 14 },
  { key: 'e15', label: 'от 15 до 20 лет', from: 15, to: 19 },
  { key: 'e20', label: '20 лет и более', from: 20, to: 200 },
] as const;

export function experienceBand(years: number): (typeof EXPERIENCE_BANDS)[number]['key'] {
  return (EXPERIENCE_BANDS.find((b) => years >= b.from && years <= b.to) ?? EXPERIENCE_BANDS[EXPERIENCE_BANDS.length - 1]).key;
}

/** Age bands of 3.3. */
export const AGE_BANDS = [
  { key: 'u25', label: 'моложе 25 лет', from: 0, to: 24 },
  { key: 'a25', label: '25–29', from: 25, to: 29 },
  { key: 'a30', label: '30–34', from: 30, to: 34 },
  { key: 'a35', label: '35–39', from: 35, to: 39 },
  { key: 'a40', label: '40–44', from: 40, to: 44 },
  { key: 'a45', label: '45–49', from: 45, to: 49 },
  { key: 'a50', label: '50–54', from: 50, to: 54 },
  { key: 'a55', label: '55–59', from: 55, to: 59 },
  { key: 'a60', label: '60–64', from: 60, to: 64 },
  { key: 'a65', label: '65 лет и более', from: 65, to: 200 },
] as const;

export function ageBand(age: number): (typeof AGE_BANDS)[number]['key'] {
  return (AGE_BANDS.find((b) => age >= b.from && age <= b.to) ?? AGE_BANDS[0]).key;
}

/** 2.1.x: rows by the programme's normative term (pairs «классов» / «в них обучающихся»). */
export const TERM_ROWS = [
  { years: 9, classes: '01', pupils: '02' },
  { years: 10, classes: '03', pupils: '04' },
  { years: 11, classes: '05', pupils: '06' },
  { years: 12, classes: '07', pupils: '08' },
] as const;

/** 2.1.x columns: 3 = all, 4 = grade 1, 5–6 = first/second year of grade 1 (АООП), 7…17 = grades 2…12. */
export const GRADE_COLUMNS: readonly { key: string; code: string; title: string; grade: number | null }[] = [
  { key: 'g1', code: '4', title: '1-й класс', grade: 1 },
  { key: 'g1y1', code: '5', title: '1-й класс первого года обучения', grade: null },
  { key: 'g1y2', code: '6', title: '1-й класс второго года обучения', grade: null },
  ...Array.from({ length: 11 }, (_, i) => ({ key: `g${i + 2}`, code: String(i + 7), title: `${i + 2}-й класс`, grade: i + 2 })),
];

/** The normative term of a class programme: ООП 11 years; an АООП variant «x.2» (an extra first year) 12. */
export function normativeTerm(programme: string, variant: string | null): number {
  if (programme !== 'АООП') return 11;
  return variant && /\b\d\.2\b/.test(variant) ? 12 : 11;
}

/** Which subsection of 2.1 a class belongs to. */
export function oo1ClassSection(programme: string, variant: string | null): '2.1.1' | '2.1.2' | '2.1.3' {
  if (programme !== 'АООП') return '2.1.1';
  return variant && /УО|умствен|интеллект/i.test(variant) ? '2.1.3' : '2.1.2';
}

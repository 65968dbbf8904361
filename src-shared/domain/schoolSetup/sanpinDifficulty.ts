/**
 * The SanPiN difficulty scale (шкала трудности, SanPiN 1.2.3685-21, tables 6.9–6.11) as ONE data
 * table: a row per subject, a value per grade 1…11 (`null` = the subject has no value in that grade).
 * The timetable, the curriculum checks and the subject cards all read it from here; the school may
 * override the values per subject in the database, this table is the shipped default.
 *
 * Provenance (see `shared/domain/sanpin.md`): grades 1–4 and 5–9 are the verified tables; grades
 * 10–11 are the commonly published values, still to verify against the official text; rows marked
 * `basis: 'default'` are school-editable starting values for subjects no table lists.
 */

export const GRADES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
export type Grade = (typeof GRADES)[number];

/** Points for grades 1…11, index 0 = grade 1. */
export type GradePoints = readonly (number | null)[];

export type SanpinBasis = 'table' | 'partly' | 'default';

export interface SanpinRow {
  key: string;
  /** The subject as the SanPiN table names it. */
  name: string;
  points: GradePoints;
  basis: SanpinBasis;
  note?: string;
}

const _ = null;

/**
 * Builds the 11 values from the three bands the tables use: one value for 1–4, one per grade for
 * 5–9, one value for 10–11.
 */
function bands(primary: number | null, g5: number | null, g6: number | null, g7: number | null, g8: number | null, g9: number | null, senior: number | null): GradePoints {
  return [primary, primary, primary, primary, g5, g6, g7, g8, g9, senior, senior];
}

const TEN_ELEVEN = '10–11 кл.: общепринятые значения, требуют сверки с текстом СанПиН';

export const SANPIN_DIFFICULTY: readonly SanpinRow[] = [
  { key: 'math', name: 'Математика', points: bands(8, 10, 13, _, _, _, _), basis: 'table' },
  { key: 'algebra', name: 'Алгебра', points: bands(_, _, _, 10, 9, 7, 10), basis: 'partly', note: TEN_ELEVEN },
  { key: 'geometry', name: 'Геометрия', points: bands(_, _, _, 12, 10, 8, 11), basis: 'partly', note: TEN_ELEVEN },
  {
    key: 'probability',
    name: 'Вероятность и статистика',
    points: bands(_, _, _, 10, 9, 7, 10),
    basis: 'default',
    note: 'нет в таблицах СанПиН: принято равным алгебре того же класса',
  },
  { key: 'russian', name: 'Русский язык', points: bands(7, 8, 12, 11, 7, 6, 9), basis: 'partly', note: TEN_ELEVEN },
  { key: 'readingPrimary', name: 'Литературное чтение', points: bands(5, _, _, _, _, _, _), basis: 'table' },
  { key: 'literature', name: 'Литература', points: bands(_, 4, 6, 4, 4, 7, 8), basis: 'partly', note: TEN_ELEVEN },
  {
    key: 'nativeLanguage',
    name: 'Родной язык',
    points: bands(7, 8, 12, 11, 7, 6, 9),
    basis: 'default',
    note: '1–4 кл. — по строке «Русский язык (родной, иностранный)»; далее принято равным русскому языку',
  },
  {
    key: 'nativeLiterature',
    name: 'Родная литература',
    points: bands(5, 4, 6, 4, 4, 7, 8),
    basis: 'default',
    note: 'нет в таблицах СанПиН: принято равным литературному чтению / литературе',
  },
  { key: 'foreign', name: 'Иностранный язык', points: bands(7, 9, 11, 10, 8, 9, 8), basis: 'partly', note: TEN_ELEVEN },
  { key: 'worldAround', name: 'Окружающий мир', points: bands(6, _, _, _, _, _, _), basis: 'table' },
  {
    key: 'informatics',
    name: 'Информатика',
    points: bands(6, 6, 6, 6, 6, 6, 6),
    basis: 'partly',
    note: '1–4 кл. — по таблице; 5–11 кл. — значение по умолчанию 6, требует сверки',
  },
  { key: 'historyPrimary', name: 'История (4 кл.)', points: [_, _, _, 4, _, _, _, _, _, _, _], basis: 'table' },
  { key: 'history', name: 'История', points: bands(_, 5, 8, 6, 8, 10, 5), basis: 'partly', note: TEN_ELEVEN },
  {
    key: 'social',
    name: 'Обществознание',
    points: bands(_, 6, 9, 9, 5, 5, 5),
    basis: 'partly',
    note: '9 кл. в таблице нет — принято как в 8 кл.; ' + TEN_ELEVEN,
  },
  { key: 'geography', name: 'География', points: bands(_, _, 7, 6, 6, 5, 3), basis: 'partly', note: TEN_ELEVEN },
  { key: 'biology', name: 'Биология', points: bands(_, 10, 8, 7, 7, 7, 7), basis: 'partly', note: TEN_ELEVEN },
  { key: 'physics', name: 'Физика', points: bands(_, _, _, 8, 9, 13, 12), basis: 'partly', note: TEN_ELEVEN },
  { key: 'chemistry', name: 'Химия', points: bands(_, _, _, 13, 10, 12, 11), basis: 'partly', note: TEN_ELEVEN },
  { key: 'economics', name: 'Экономика', points: bands(_, _, _, _, _, 11, 6), basis: 'partly', note: TEN_ELEVEN },
  { key: 'astronomy', name: 'Астрономия', points: bands(_, _, _, _, _, _, 4), basis: 'partly', note: TEN_ELEVEN },
  { key: 'drawing', name: 'Черчение', points: bands(_, _, _, _, 5, 4, _), basis: 'table' },
  { key: 'worldArt', name: 'МХК', points: bands(_, _, _, 8, 5, 5, 5), basis: 'partly', note: TEN_ELEVEN },
  { key: 'localStudies', name: 'Краеведение', points: bands(_, 7, 9, 5, 5, _, 2), basis: 'partly', note: TEN_ELEVEN },
  { key: 'naturalScience', name: 'Природоведение', points: bands(_, 7, 8, _, _, _, _), basis: 'table' },
  { key: 'ecology', name: 'Экология', points: bands(_, 3, 3, 3, 6, 1, 3), basis: 'partly', note: TEN_ELEVEN },
  { key: 'rhythmics', name: 'Ритмика', points: bands(_, 4, 4, _, _, _, _), basis: 'table' },
  { key: 'art', name: 'Изобразительное искусство', points: bands(3, 3, 3, 1, 3, _, _), basis: 'table' },
  { key: 'music', name: 'Музыка', points: bands(3, 2, 1, 1, 1, _, _), basis: 'table' },
  { key: 'technology', name: 'Труд (технология)', points: bands(2, 4, 3, 2, 1, 4, _), basis: 'table' },
  { key: 'pe', name: 'Физическая культура', points: bands(1, 3, 4, 2, 2, 2, 1), basis: 'partly', note: TEN_ELEVEN },
  {
    key: 'safety',
    name: 'Основы безопасности и защиты Родины',
    points: bands(_, _, _, _, 3, 3, 2),
    basis: 'default',
    note: '8–9 кл. — значение по умолчанию 3; 10–11 кл. — по строке ОБЖ (2), требует сверки',
  },
  { key: 'orkse', name: 'ОРКСЭ', points: [_, _, _, 4, _, _, _, _, _, _, _], basis: 'default', note: 'нет в таблицах СанПиН: принято как история в 4 кл.' },
  { key: 'odnknr', name: 'ОДНКНР', points: bands(_, 5, 5, _, _, _, _), basis: 'default', note: 'нет в таблицах СанПиН: значение по умолчанию 5' },
  {
    key: 'project',
    name: 'Индивидуальный проект',
    points: bands(_, _, _, _, _, _, 5),
    basis: 'default',
    note: 'нет в таблицах СанПиН: значение по умолчанию 5',
  },
];

const BY_KEY = new Map(SANPIN_DIFFICULTY.map((r) => [r.key, r]));

export function sanpinRow(key: string | null | undefined): SanpinRow | undefined {
  return key ? BY_KEY.get(key) : undefined;
}

/** The shipped points of a subject in a grade, or `null` when the table has none. */
export function sanpinPoints(key: string | null | undefined, grade: number): number | null {
  const row = sanpinRow(key);
  if (!row || grade < 1 || grade > 11) return null;
  return row.points[grade - 1] ?? null;
}

/** Grades 1…11 with the shipped value of each (a new subject card starts from these). */
export function sanpinGradePoints(key: string | null | undefined): { grade: Grade; points: number }[] {
  const row = sanpinRow(key);
  if (!row) return [];
  return GRADES.flatMap((grade) => {
    const points = row.points[grade - 1];
    return points === null || points === undefined ? [] : [{ grade, points }];
  });
}

import { levelOf, type EducationLevel } from '../schoolSetup/classRules';

/**
 * The norms the curriculum checks rely on, in one table each (sanpin.md: «keep them in one data
 * table, never scattered in code»). Every message quotes `source`, so the завуч sees where a rule
 * comes from.
 */

export const SANPIN_WEEKLY_SOURCE = 'СанПиН 1.2.3685-21, табл. 6.6 (максимальный объём аудиторной нагрузки)';

/** Maximum weekly classroom hours by grade and week length; `null` — that week is not allowed. */
export const SANPIN_WEEKLY_MAX: Readonly<Record<number, { 5: number; 6: number | null }>> = {
  1: { 5: 21, 6: null },
  2: { 5: 23, 6: 26 },
  3: { 5: 23, 6: 26 },
  4: { 5: 23, 6: 26 },
  5: { 5: 29, 6: 32 },
  6: { 5: 30, 6: 33 },
  7: { 5: 32, 6: 35 },
  8: { 5: 33, 6: 36 },
  9: { 5: 33, 6: 36 },
  10: { 5: 34, 6: 37 },
  11: { 5: 34, 6: 37 },
};

export type WeekLength = 5 | 6;

/** The SanPiN maximum for a grade and week, or `null` when the week is not allowed for the grade. */
export function sanpinWeeklyMax(grade: number, week: WeekLength): number | null {
  const row = SANPIN_WEEKLY_MAX[grade];
  return row ? row[week] : null;
}

export const GRADE_ONE_WEEK_SOURCE = 'СП 2.4.3648-20, п. 3.4.16 (1 класс — только 5-дневная неделя)';

/** Study weeks a year by default: 33 in grade 1, 34 in grades 2–11 (ФОП НОО/ООО/СОО, пояснения к учебным планам). */
export function defaultYearWeeks(grade: number): number {
  return grade === 1 ? 33 : 34;
}

export interface LevelRange {
  level: EducationLevel;
  grades: readonly number[];
  min: number;
  max: number;
  source: string;
}

/**
 * Total classroom hours over a level (all its grades), from the federal standards. The bounds hold for
 * the 5- and the 6-day week alike (the ООО upper bound 5848 = 172 × 34 is the 6-day SanPiN sum).
 */
export const FEDERAL_LEVEL_RANGES: Readonly<Record<EducationLevel, LevelRange>> = {
  НОО: { level: 'НОО', grades: [1, 2, 3, 4], min: 2954, max: 3190, source: 'ФГОС НОО (приказ Минпросвещения России от 31.05.2021 № 286), ФОП НОО' },
  ООО: { level: 'ООО', grades: [5, 6, 7, 8, 9], min: 5058, max: 5848, source: 'ФГОС ООО (приказ Минпросвещения России от 31.05.2021 № 287), ФОП ООО' },
  СОО: { level: 'СОО', grades: [10, 11], min: 2170, max: 2516, source: 'ФГОС СОО (приказ Минобрнауки России от 17.05.2012 № 413, ред. 2022), ФОП СОО' },
};

export function levelRangeOf(grade: number): LevelRange {
  return FEDERAL_LEVEL_RANGES[levelOf(grade)];
}

export const EXTRACURRICULAR_MAX = 10;
export const EXTRACURRICULAR_SOURCE = 'ФОП НОО/ООО/СОО: внеурочная деятельность — до 10 ч в неделю';

export const DOUBLES_SOURCE = 'СанПиН 1.2.3685-21 и СП 2.4.3648-20: сдвоенные уроки — не в 1–4 классах; в 5–11 для лабораторных, контрольных, технологии, лыжной подготовки';

/** Grades without double lessons (sanpin.md §4). */
export function doublesAllowed(grade: number): boolean {
  return grade >= 5;
}

export const PLAN_SOURCE = 'Учебный план';
export const ADAPTED_SOURCE = 'ФАОП НОО и ФАОП ООО для обучающихся с ОВЗ (приказы Минпросвещения России от 24.11.2022 № 1023, № 1025): учебный план АООП — по варианту программы';

/** «АООП», «АООП 7.2» — a class on an adapted programme. */
export function isAdapted(programme: string | undefined): boolean {
  return /^аооп/i.test((programme ?? '').trim());
}
export const LOAD_SOURCE = 'Нагрузка (тарификация)';
export const SUBGROUP_SOURCE = 'Учебный план: деление на подгруппы';

import { LEVELS, levelKeyOf } from '../../../../src-shared/domain/reports/pupilCategories';
import type { Grid } from '../engine/grid';

/**
 * Rows «1 класс … 11 класс» with the level subtotals after the last grade of each level («1–4
 * классы»…) and «Всего» — the layout of the portal's «Итоговые данные по учащимся» and of most
 * school statistics. Returns the row key of a grade.
 */
export function gradeRowKey(grade: number): string {
  return `g${grade}`;
}

export function addGradeRows(g: Grid, grades: readonly number[]): void {
  const sorted = [...new Set(grades)].sort((a, b) => a - b);
  for (const level of LEVELS) {
    const inLevel = sorted.filter((x) => levelKeyOf(x) === level.key);
    for (const grade of inLevel) g.row({ key: gradeRowKey(grade), label: `${grade} класс` });
    if (inLevel.length > 0) g.row({ key: level.key, label: level.label, level: 1 });
  }
  g.row({ key: 'total', label: 'Всего', level: 2 });
}

/** The rows a pupil of a grade counts in: the grade, its level's subtotal, the total. */
const rowsOfGrade = new Map<number, readonly string[]>();
export function gradeRows(grade: number): readonly string[] {
  let rows = rowsOfGrade.get(grade);
  if (!rows) rowsOfGrade.set(grade, (rows = [gradeRowKey(grade), levelKeyOf(grade), 'total']));
  return rows;
}

/** Fills the level subtotals and the total from the grade rows (call after adding members). */
export function sumGradeRows(g: Grid, grades: readonly number[]): void {
  const sorted = [...new Set(grades)].sort((a, b) => a - b);
  for (const level of LEVELS) {
    const inLevel = sorted.filter((x) => levelKeyOf(x) === level.key);
    if (inLevel.length > 0) g.unionRows(level.key, inLevel.map(gradeRowKey));
  }
  g.unionRows('total', sorted.map(gradeRowKey));
}

export const GRADES_1_11 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

/**
 * Which grades (параллели) a calendar record applies to: all of them or a list. Stored as text
 * in the database (`null` = all, `"1,2"` = grades 1 and 2) because it is only ever read whole.
 */
export type GradeScope = 'all' | number[];

export function encodeGradeScope(scope: GradeScope): string | null {
  if (scope === 'all') return null;
  return [...new Set(scope)].sort((a, b) => a - b).join(',');
}

export function decodeGradeScope(text: string | null | undefined): GradeScope {
  if (!text) return 'all';
  const grades = text
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n >= 1 && n <= 11);
  return grades.length ? grades : 'all';
}

export function scopeCovers(scope: GradeScope, grade: number): boolean {
  return scope === 'all' || scope.includes(grade);
}

/** «все классы», «1 классы», «1, 2, 3 классы» — for messages and the Excel file. */
export function describeGradeScope(scope: GradeScope): string {
  if (scope === 'all') return 'все классы';
  return `${formatGradeList(scope)} кл.`;
}

/** «1–4, 9, 11»: consecutive grades collapse into a range. */
export function formatGradeList(grades: readonly number[]): string {
  const sorted = [...new Set(grades)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j - i >= 2 ? `${sorted[i]}–${sorted[j]}` : sorted.slice(i, j + 1).join(', '));
    i = j + 1;
  }
  return parts.join(', ');
}

import { describe, expect, it } from 'vitest';
import type { PlanRow } from '../../../src-shared/domain/curriculum/effectivePlan';
import { planProblems, type PlanProblemsClass, type PlanProblemsInput } from '../../../src-shared/domain/curriculum/planProblems';
import { periodsWithWeeks } from '../../../src-renderer/features/curriculum/planEditorModel';

const NAMES: Record<string, string> = { rus: 'Русский язык', math: 'Математика', read: 'Литературное чтение' };
const row = (subjectId: string, hours: number, extra: Partial<PlanRow> = {}): PlanRow => ({ subjectId, part: 'mandatory', hours: [hours], groups: 1, doubles: 0, assessment: 'Контрольная работа', ...extra });
const GRADE: PlanRow[] = [row('rus', 5), row('math', 4), row('read', 4)];

function cls(id: string, extra: Partial<PlanProblemsClass> = {}): PlanProblemsClass {
  return { id, name: id, weekLength: 5, programme: 'ООП', hasOwnPlan: false, ownRows: [], assigned: ['rus|0', 'math|0', 'read|0'], subgroupCounts: {}, ...extra };
}

function input(classes: PlanProblemsClass[], classId: string | null = null): PlanProblemsInput {
  return { grade: 3, classId, weekLength: 5, periods: [{ name: 'Учебный год', weeks: 34 }], subjectName: (id) => NAMES[id] ?? id, gradeRows: GRADE, classes, levelAnnual: {} };
}

const adapted = (list: ReturnType<typeof planProblems>) => list.filter((p) => p.rule === 'adaptedWithoutPlan');

describe('a class on an adapted programme (АООП)', () => {
  it('is noted, with the ФАОП source, when it simply follows the grade plan', () => {
    const found = adapted(planProblems(input([cls('3А'), cls('3В', { programme: 'АООП 7.2' })]), GRADE));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'info', classId: '3В' });
    expect(found[0].message).toMatch(/^3В: класс учится по АООП 7\.2, а учебный план у него — как у параллели/);
    expect(found[0].source).toContain('ФАОП');
  });

  it('is not noted once the class has rows of its own, a stored plan, or — while typing — differs from the grade', () => {
    const own = cls('3В', { programme: 'АООП 7.2', ownRows: [{ ...row('read', 3), excluded: false }] });
    expect(adapted(planProblems(input([own]), GRADE))).toEqual([]);
    expect(adapted(planProblems(input([cls('3В', { programme: 'АООП', hasOwnPlan: true })]), GRADE))).toEqual([]);
    const plain = cls('3В', { programme: 'АООП 7.2' });
    expect(adapted(planProblems(input([plain], '3В'), GRADE))).toHaveLength(1);
    const typed = GRADE.map((r) => (r.subjectId === 'read' ? { ...r, hours: [3] } : r));
    expect(adapted(planProblems(input([plain], '3В'), typed))).toEqual([]);
  });
});

describe('weeks a year typed in the plan editor', () => {
  const halves = [
    { ordinal: 1, name: 'I полугодие', weeks: 16, startDate: '2026-09-01', endDate: '2026-12-28' },
    { ordinal: 2, name: 'II полугодие', weeks: 18, startDate: '2027-01-11', endDate: '2027-05-26' },
  ];

  it('are shared between the periods as the server shares them', () => {
    expect(periodsWithWeeks(halves, 34).map((p) => p.weeks)).toEqual([16, 18]);
    expect(periodsWithWeeks(halves, 35).map((p) => p.weeks).reduce((a, b) => a + b, 0)).toBe(35);
    expect(periodsWithWeeks([{ ordinal: 1, name: 'Учебный год', weeks: 34, startDate: null, endDate: null }], 33).map((p) => p.weeks)).toEqual([33]);
  });
});

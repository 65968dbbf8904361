import { describe, expect, it } from 'vitest';
import type { PlanRow } from '../../../src-shared/domain/curriculum/effectivePlan';
import { loadRowsOfClass, orphanAssignments, teacherTotals, vacancies, vacanciesBySubject, type Assignment, type LoadRow } from '../../../src-shared/domain/curriculum/loadRows';
import { ratesOf } from '../../../src-shared/domain/curriculum/rates';

const NAMES: Record<string, string> = { rus: 'Русский язык', math: 'Математика', eng: 'Английский язык', pe: 'Физическая культура', tech: 'Труд (технология)', talk: 'Разговоры о важном' };
const name = (id: string) => NAMES[id] ?? id;
const row = (subjectId: string, hours: number[], extra: Partial<PlanRow> = {}): PlanRow => ({ subjectId, part: 'mandatory', hours, groups: 1, doubles: 0, assessment: null, ...extra });

const PLAN: PlanRow[] = [
  row('rus', [5]),
  row('math', [5]),
  row('eng', [3], { groups: 2 }),
  row('pe', [2]),
  row('pe', [1], { part: 'formed' }),
  row('tech', [2, 0]),
  row('talk', [1], { part: 'extracurricular' }),
];
const WEEKS = [16, 18];

function rowsOf(classes: string[]): LoadRow[] {
  return classes.flatMap((c, i) => loadRowsOfClass({ id: c, name: c, grade: 5 }, PLAN, WEEKS, name).map((r) => ({ ...r, classId: `id${i}` })));
}

describe('load rows from the plan', () => {
  it('makes one row per class × subject × group, hours merged over the parts, half-year subjects averaged', () => {
    const rows = loadRowsOfClass({ id: 'c5a', name: '5А', grade: 5 }, PLAN, WEEKS, name);
    expect(rows.map((r) => [r.subjectName, r.groupNo, r.hours])).toEqual([
      ['Русский язык', 0, 5],
      ['Математика', 0, 5],
      ['Английский язык', 1, 3],
      ['Английский язык', 2, 3],
      ['Физическая культура', 0, 3],
      ['Труд (технология)', 0, 0.94],
      ['Разговоры о важном', 0, 1],
    ]);
    expect(rows.find((r) => r.subjectId === 'talk')).toMatchObject({ classroomHours: 0, extracurricularHours: 1 });
  });

  it('totals a teacher over classes and groups: 27 hours → 1.5 rates', () => {
    const rows = rowsOf(['5А', '5Б', '5В']);
    const a: Assignment[] = [
      ...['id0', 'id1', 'id2'].map((classId) => ({ classId, subjectId: 'math', groupNo: 0, staffId: 'ivanova' })),
      ...['id0', 'id1', 'id2', 'id0'].map((classId, i) => ({ classId, subjectId: i < 3 ? 'eng' : 'eng', groupNo: i < 3 ? 1 : 2, staffId: 'ivanova' })),
    ];
    const totals = teacherTotals(rows, a).get('ivanova');
    expect(totals?.hours).toBe(27);
    expect(totals?.rows).toHaveLength(7);
    expect(ratesOf(totals?.hours ?? 0, 18)).toBe(1.5);
  });

  it('counts a joint group (one lesson of several classes) once in its teacher\'s hours, every class row still listed', () => {
    const rows = rowsOf(['10А', '10Б', '10В']);
    const a: Assignment[] = ['id0', 'id1', 'id2'].map((classId) => ({ classId, subjectId: 'math', groupNo: 0, staffId: 'petrova' }));
    // 10А and 10Б study mathematics together (an ИУП group «…/10АБ»); 10В on its own.
    const joint = new Map([['id0|math|0', 'j1'], ['id1|math|0', 'j1']]);
    expect(teacherTotals(rows, a).get('petrova')?.hours).toBe(15);
    const totals = teacherTotals(rows, a, joint).get('petrova');
    expect(totals?.hours).toBe(10);
    expect(totals?.classroomHours).toBe(10);
    expect(totals?.rows).toHaveLength(3);
    // Another teacher of the same slots would count the group once too.
    expect(teacherTotals(rows, a.map((x) => ({ ...x, staffId: 'other' })), joint).get('other')?.hours).toBe(10);
  });

  it('lists every unassigned row in «Вакансии» and nothing assigned', () => {
    const rows = rowsOf(['5А', '5Б']);
    const a: Assignment[] = rows.filter((r) => r.subjectId === 'rus' || (r.subjectId === 'eng' && r.groupNo === 1)).map((r) => ({ ...r, staffId: 't1' }));
    const v = vacancies(rows, a);
    const assigned = new Set(a.map((x) => `${x.classId}|${x.subjectId}|${x.groupNo}`));
    expect(v).toHaveLength(rows.length - a.length);
    expect(v.every((r) => !assigned.has(`${r.classId}|${r.subjectId}|${r.groupNo}`))).toBe(true);
    for (const r of rows) if (!assigned.has(`${r.classId}|${r.subjectId}|${r.groupNo}`)) expect(v).toContain(r);
    const bySubject = vacanciesBySubject(v);
    expect(bySubject.find((s) => s.subjectId === 'eng')).toMatchObject({ hours: 6, classes: ['5А (гр. 2)', '5Б (гр. 2)'] });
    expect(bySubject.find((s) => s.subjectId === 'math')).toMatchObject({ hours: 10, classes: ['5А', '5Б'] });
  });

  it('keeps assignments whose row left the plan out of the totals and reports them', () => {
    const rows = rowsOf(['5А']);
    const stale: Assignment = { classId: 'id0', subjectId: 'eng', groupNo: 0, staffId: 't1' };
    expect(teacherTotals(rows, [stale]).size).toBe(0);
    expect(orphanAssignments(rows, [stale])).toEqual([stale]);
  });
});

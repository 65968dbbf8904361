import { describe, expect, it } from 'vitest';
import { checkLevel, checkPlan, weeklyTotals, type PlanCheckContext } from '../../../src-shared/domain/curriculum/checks';
import type { PlanRow } from '../../../src-shared/domain/curriculum/effectivePlan';
import { DOUBLES_ALL } from '../../../src-shared/domain/curriculum/parts';

const NAMES: Record<string, string> = { rus: 'Русский язык', math: 'Математика', eng: 'Иностранный язык (английский)', pe: 'Физическая культура', tech: 'Труд (технология)', talk: 'Разговоры о важном', hist: 'История' };

function row(subjectId: string, hours: number | number[], extra: Partial<PlanRow> = {}): PlanRow {
  return { subjectId, part: 'mandatory', hours: Array.isArray(hours) ? hours : [hours], groups: 1, doubles: 0, assessment: 'Контрольная работа', ...extra };
}

function ctx(extra: Partial<PlanCheckContext> = {}): PlanCheckContext {
  return { name: '5А', grade: 5, weekLength: 5, periods: [{ name: 'I полугодие', weeks: 16 }, { name: 'II полугодие', weeks: 18 }], subjectName: (id) => NAMES[id] ?? id, ...extra };
}

/** A grade-5 plan of `total` classroom hours: 5 rus + 5 math + 2 PE + the rest in history. */
function grade5(total: number): PlanRow[] {
  return [row('rus', 5), row('math', 5), row('pe', 2), row('hist', total - 12), row('talk', 1, { part: 'extracurricular', assessment: null })];
}

describe('SanPiN weekly maximum (table 6.6)', () => {
  it('flags a grade-5 class with 30 hours on a 5-day week (max 29), naming the source', () => {
    const problems = checkPlan(grade5(30), ctx());
    const sanpin = problems.filter((p) => p.rule === 'sanpinWeekly');
    expect(sanpin).toHaveLength(1);
    expect(sanpin[0]).toMatchObject({ severity: 'error', message: '5А: 30 ч в неделю при 5-дневной неделе — больше допустимых 29 ч' });
    expect(sanpin[0].source).toContain('СанПиН 1.2.3685-21');
  });

  it('accepts the same 30 hours on a 6-day week (max 32) and 29 hours on a 5-day week', () => {
    expect(checkPlan(grade5(30), ctx({ weekLength: 6 })).filter((p) => p.severity === 'error')).toEqual([]);
    expect(checkPlan(grade5(29), ctx()).filter((p) => p.rule === 'sanpinWeekly')).toEqual([]);
    expect(checkPlan(grade5(33), ctx({ weekLength: 6 })).map((p) => p.message)).toContain('5А: 33 ч в неделю при 6-дневной неделе — больше допустимых 32 ч');
  });

  it('does not count внеурочная деятельность towards the maximum', () => {
    const rows = [...grade5(29), row('talk', 5, { part: 'extracurricular', assessment: null })];
    expect(weeklyTotals(rows, 2)).toEqual([29, 29]);
    expect(checkPlan(rows, ctx()).filter((p) => p.rule === 'sanpinWeekly')).toEqual([]);
  });

  it('checks each study period: a half-year subject overloads only its half-year', () => {
    const rows = [...grade5(29), row('tech', [2, 0])];
    expect(weeklyTotals(rows, 2)).toEqual([31, 29]);
    const p = checkPlan(rows, ctx()).find((x) => x.rule === 'sanpinWeekly');
    expect(p?.message).toBe('5А: 31 ч в неделю (I полугодие) при 5-дневной неделе — больше допустимых 29 ч');
  });

  it('refuses a 6-day week for grade 1 and uses the grade’s own maxima', () => {
    const first = checkPlan([row('rus', 5)], ctx({ name: '1А', grade: 1, weekLength: 6 }));
    expect(first[0]).toMatchObject({ rule: 'weekNotAllowed', severity: 'error' });
    expect(checkPlan([row('rus', 22)], ctx({ name: '1А', grade: 1 })).some((p) => p.message.includes('больше допустимых 21 ч'))).toBe(true);
    expect(checkPlan([row('rus', 34)], ctx({ name: '11А', grade: 11 })).some((p) => p.rule === 'sanpinWeekly')).toBe(false);
    expect(checkPlan([row('rus', 35)], ctx({ name: '11А', grade: 11 })).some((p) => p.message.includes('больше допустимых 34 ч'))).toBe(true);
  });
});

describe('row checks', () => {
  it('flags hours that do not divide into the chosen doubles', () => {
    const odd = checkPlan([row('tech', 3, { doubles: DOUBLES_ALL })], ctx()).find((p) => p.rule === 'doubles');
    expect(odd?.message).toBe('5А, «Труд (технология)»: 3 ч в неделю не провести только сдвоенными уроками — нужно чётное число часов');
    const two = checkPlan([row('pe', 3, { doubles: 2 })], ctx()).find((p) => p.rule === 'doubles');
    expect(two?.message).toBe('5А, «Физическая культура»: 3 ч в неделю не провести 2 сдвоенными уроками — нужно не меньше 4 ч');
    expect(checkPlan([row('tech', 2, { doubles: DOUBLES_ALL }), row('pe', 3, { doubles: 1 })], ctx()).filter((p) => p.rule === 'doubles')).toEqual([]);
  });

  it('warns about doubles in grades 1–4', () => {
    const p = checkPlan([row('tech', 2, { doubles: 1 })], ctx({ name: '3А', grade: 3 }));
    expect(p.map((x) => x.rule)).toContain('doublesPrimary');
  });

  it('flags a split subject without subgroups and a subject with hours but no teacher', () => {
    const rows = [row('eng', 3, { groups: 2 }), row('math', 5)];
    const assigned = (subjectId: string, groupNo: number) => subjectId === 'math' || (subjectId === 'eng' && groupNo === 1);
    const problems = checkPlan(rows, ctx({ subgroupCounts: { eng: 0 }, assigned }));
    expect(problems.map((p) => p.message)).toEqual(
      expect.arrayContaining([
        '5А, «Иностранный язык (английский)»: по плану 2 подгруппы, а подгрупп в классе нет — создайте подгруппы из учебного плана',
        '5А, «Иностранный язык (английский)» (группа 2): есть часы, но не назначен учитель',
      ]),
    );
    expect(problems.filter((p) => p.rule === 'noTeacher')).toHaveLength(1);
    expect(checkPlan(rows, ctx({ subgroupCounts: { eng: 2 }, assigned: () => true })).filter((p) => p.rule === 'splitWithoutSubgroups' || p.rule === 'noTeacher')).toEqual([]);
  });

  it('notes hours stored for another period scheme and a missing assessment form', () => {
    const p = checkPlan([row('hist', [1, 1, 2, 2], { assessment: null })], ctx());
    expect(p.map((x) => x.rule)).toEqual(['periodsMismatch', 'noAssessment']);
  });
});

describe('federal annual ranges per level', () => {
  it('checks the ООО total against 5058–5848 hours', () => {
    const ok = new Map([[5, 29 * 34], [6, 30 * 34], [7, 31 * 34], [8, 32 * 34], [9, 32.5 * 34]]);
    expect(checkLevel(7, ok)).toEqual([]);
    const low = new Map([[5, 27 * 34], [6, 28 * 34], [7, 29 * 34], [8, 29 * 34], [9, 29 * 34]]);
    expect(checkLevel(5, low)[0]).toMatchObject({ severity: 'warning', message: 'ООО (5–9 кл.): 4828 ч за уровень — меньше 5058 ч' });
    expect(checkLevel(5, low)[0].source).toContain('ФГОС ООО');
  });

  it('says when a grade of the level has no plan', () => {
    expect(checkLevel(10, new Map([[10, 1088]]))[0]).toMatchObject({ severity: 'info', message: expect.stringContaining('нет плана для 11 кл.') });
  });
});

import { describe, expect, it } from 'vitest';
import { activeRows, classOverrides, effectiveRows, type PlanRow } from '../../../src-shared/domain/curriculum/effectivePlan';
import { annualHours, averageWeekly, expandHours, normaliseHours, parseHours, periodWeeks } from '../../../src-shared/domain/curriculum/hours';
import { parseDoubles } from '../../../src-shared/domain/curriculum/parts';

const row = (subjectId: string, hours: number[], extra: Partial<PlanRow> = {}): PlanRow => ({ subjectId, part: 'mandatory', hours, groups: 1, doubles: 0, assessment: null, ...extra });

describe('hours by study period', () => {
  it('shares the year’s weeks between periods by their length, in whole weeks', () => {
    expect(periodWeeks([{ startDate: '2026-09-01', endDate: '2026-12-28' }, { startDate: '2027-01-11', endDate: '2027-05-26' }], 34)).toEqual([16, 18]);
    const quarters = periodWeeks(
      [
        { startDate: '2026-09-01', endDate: '2026-10-25' },
        { startDate: '2026-11-05', endDate: '2026-12-28' },
        { startDate: '2027-01-11', endDate: '2027-03-21' },
        { startDate: '2027-04-01', endDate: '2027-05-26' },
      ],
      34,
    );
    expect(quarters.reduce((a, b) => a + b, 0)).toBe(34);
    expect(quarters[2]).toBeGreaterThan(quarters[0]);
    expect(periodWeeks([], 33)).toEqual([33]);
  });

  it('computes hours a year and the average week', () => {
    expect(annualHours([5], [16, 18])).toBe(170);
    expect(annualHours([2, 0], [16, 18])).toBe(32);
    expect(annualHours([2.5], [34])).toBe(85);
    expect(averageWeekly([2, 0], [16, 18])).toBe(0.94);
    expect(expandHours([3], 4)).toEqual([3, 3, 3, 3]);
    expect(normaliseHours([2, 2, 2, 2])).toEqual([2]);
    expect(normaliseHours([2, 0])).toEqual([2, 0]);
  });

  it('parses what a person types', () => {
    expect(parseHours('2,5')).toEqual({ value: 2.5 });
    expect(parseHours('')).toEqual({ value: 0 });
    expect(parseHours('2,3')).toEqual({ error: 'часы — целые или с половиной: 1, 1,5, 2' });
    expect(parseHours('пять')).toEqual({ error: '«пять» — не число часов' });
    expect(parseHours('13')).toEqual({ error: 'не больше 12 ч в неделю' });
    expect(parseDoubles('все')).toBe(-1);
    expect(parseDoubles('2')).toBe(2);
    expect(parseDoubles('')).toBe(0);
    expect(parseDoubles('много')).toBeNull();
  });
});

describe('a class inherits the grade plan and overrides it', () => {
  const grade = [row('rus', [5]), row('math', [5]), row('eng', [3], { groups: 2 })];

  it('stores only the differences and rebuilds the class plan from them', () => {
    const wanted = [row('rus', [5]), row('math', [6]), row('chem', [1], { part: 'formed' })];
    const own = classOverrides(grade, wanted);
    expect(own.map((r) => [r.subjectId, r.excluded])).toEqual([
      ['math', false],
      ['eng', true],
      ['chem', false],
    ]);
    const eff = effectiveRows(grade, own);
    expect(eff.map((r) => [r.subjectId, r.origin])).toEqual([
      ['rus', 'grade'],
      ['math', 'changed'],
      ['eng', 'removed'],
      ['chem', 'added'],
    ]);
    expect(activeRows(eff).map((r) => r.subjectId)).toEqual(['rus', 'math', 'chem']);
  });

  it('lets later grade changes reach rows the class did not touch', () => {
    const own = classOverrides(grade, [row('rus', [5]), row('math', [6]), row('eng', [3], { groups: 2 })]);
    const newGrade = [row('rus', [4]), row('math', [5]), row('eng', [3], { groups: 2 })];
    const eff = activeRows(effectiveRows(newGrade, own));
    expect(eff.map((r) => [r.subjectId, r.hours[0]])).toEqual([
      ['rus', 4],
      ['math', 6],
      ['eng', 3],
    ]);
  });

  it('a class equal to its grade stores nothing', () => {
    expect(classOverrides(grade, grade.map((r) => ({ ...r, hours: [...r.hours] })))).toEqual([]);
  });
});

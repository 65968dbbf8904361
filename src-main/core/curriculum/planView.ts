import type { PlanDetail, PlanProblemOut, PlanRowOut } from '../../../src-shared/contract/curriculum';
import { checkLevel, classroomAnnual, weeklyTotals, type PlanProblem } from '../../../src-shared/domain/curriculum/checks';
import { activeRows, type EffectiveRow, type PlanRow } from '../../../src-shared/domain/curriculum/effectivePlan';
import { annualHours } from '../../../src-shared/domain/curriculum/hours';
import { sanpinWeeklyMax } from '../../../src-shared/domain/curriculum/norms';
import { planProblems, type PlanProblemsClass, type PlanProblemsInput } from '../../../src-shared/domain/curriculum/planProblems';
import { classEffective, gradeWeekOf, periodsOf, subjectNameOf, weeksOf, type YearClass, type YearData } from './repo/yearData';
import { notFound } from '../foundation/refusals';

/** Plans as the editor and the overview show them, with the problems of the live checks. */

function rowOut(data: YearData, r: PlanRow & { origin?: EffectiveRow['origin'] }, weeks: number[]): PlanRowOut {
  const s = data.subjects.get(r.subjectId);
  return {
    subjectId: r.subjectId,
    subjectName: s?.name ?? 'предмет удалён',
    areaName: s?.areaName ?? null,
    part: r.part,
    hours: r.hours,
    groups: r.groups,
    doubles: r.doubles,
    assessment: r.assessment,
    origin: r.origin ?? 'grade',
    annualHours: annualHours(r.hours, weeks),
  };
}

function classContext(data: YearData, c: YearClass): PlanProblemsClass {
  return {
    id: c.id,
    name: c.name,
    weekLength: c.weekLength,
    programme: c.programme,
    hasOwnPlan: data.classPlans.has(c.id),
    ownRows: data.classPlans.get(c.id)?.rows ?? [],
    assigned: data.assignments.filter((a) => a.classId === c.id).map((a) => `${a.subjectId}|${a.groupNo}`),
    subgroupCounts: data.subgroupCounts.get(c.id) ?? {},
  };
}

/** Classroom hours a year of every grade plan, by grade. */
export function levelAnnualOf(data: YearData): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [g, p] of data.gradePlans) {
    const rows = p.rows.filter((r) => !r.excluded);
    if (rows.length) out[String(g)] = classroomAnnual(rows, weeksOf(data, g));
  }
  return out;
}

function problemsInput(data: YearData, grade: number, classId: string | null): PlanProblemsInput {
  const classes = data.classes.filter((c) => c.grade === grade && (classId === null || c.id === classId));
  return {
    grade,
    classId,
    weekLength: gradeWeekOf(data, grade),
    periods: periodsOf(data, grade),
    subjectName: subjectNameOf(data),
    gradeRows: data.gradePlans.get(grade)?.rows.filter((r) => !r.excluded) ?? [],
    classes: classes.map((c) => classContext(data, c)),
    levelAnnual: levelAnnualOf(data),
  };
}

export function planDetail(data: YearData, grade: number, classId: string | null): PlanDetail {
  const cls = classId ? data.classes.find((c) => c.id === classId) : undefined;
  if (classId && (!cls || cls.grade !== grade)) throw notFound('Класс');
  const weeks = weeksOf(data, grade);
  const gradePlan = data.gradePlans.get(grade);
  const gradeRows = gradePlan?.rows.filter((r) => !r.excluded) ?? [];
  const own = cls ? data.classPlans.get(cls.id) : gradePlan;
  const rows: EffectiveRow[] = cls ? classEffective(data, cls) : gradeRows.map((r) => ({ ...r, origin: 'grade' as const }));
  const input = problemsInput(data, grade, classId);
  const weekLength = cls?.weekLength ?? input.weekLength;
  return {
    yearId: data.year.id,
    yearName: data.year.name,
    readOnly: data.readOnly,
    grade,
    classId: cls?.id ?? null,
    className: cls?.name ?? null,
    plan: { id: own?.id ?? null, version: own?.version ?? 0, weeksPerYear: gradePlan?.weeksPerYear ?? weeks.reduce((a, b) => a + b, 0), note: own?.note ?? null },
    weekLength,
    maxWeekly: sanpinWeeklyMax(grade, weekLength),
    periods: periodsOf(data, grade),
    gradeRows: gradeRows.map((r) => rowOut(data, r, weeks)),
    rows: rows.map((r) => rowOut(data, r, weeks)),
    classes: input.classes.map((c) => ({ ...c, programme: c.programme ?? 'ООП', ownRows: [...c.ownRows], assigned: [...c.assigned], hasOwnPlan: data.classPlans.has(c.id) })),
    levelAnnual: input.levelAnnual,
    problems: planProblems(input, activeRows(rows)),
  };
}

/** Every problem of the year: each grade plan (with its classes), classes with plans but no grade plan, the levels. */
export function yearProblems(data: YearData): (PlanProblemOut & { grade: number; classId: string | null })[] {
  const out: (PlanProblemOut & { grade: number; classId: string | null })[] = [];
  const grades = [...new Set([...data.gradePlans.keys(), ...data.classes.map((c) => c.grade)])].sort((a, b) => a - b);
  for (const g of grades) {
    if (!data.gradePlans.has(g) && !data.classes.some((c) => c.grade === g && data.classPlans.has(c.id))) continue;
    const d = planDetail(data, g, null);
    // The level line repeats in every grade of a level: keep it once.
    for (const p of d.problems) if (p.rule !== 'levelRange') out.push({ ...p, grade: g, classId: p.classId ?? null });
  }
  const annual = new Map(Object.entries(levelAnnualOf(data)).map(([g, h]) => [Number(g), h]));
  for (const first of [1, 5, 10]) for (const p of checkLevel(first, annual)) out.push({ ...p, grade: first, classId: null });
  return out;
}

export function overview(data: YearData) {
  const problems = yearProblems(data);
  const grades = [...new Set([...data.gradePlans.keys(), ...data.classes.map((c) => c.grade)])].sort((a, b) => a - b);
  return {
    yearName: data.year.name,
    readOnly: data.readOnly,
    levelProblems: problems.filter((p) => p.rule === 'levelRange'),
    grades: grades.map((g) => {
      const plan = data.gradePlans.get(g);
      const rows = plan?.rows.filter((r) => !r.excluded) ?? [];
      const periods = periodsOf(data, g);
      const weeks = periods.map((p) => p.weeks);
      const weekLength = gradeWeekOf(data, g);
      const mine = problems.filter((p) => p.grade === g && p.rule !== 'levelRange');
      const count = (list: { severity: string }[], sev: PlanProblem['severity']) => list.filter((p) => p.severity === sev).length;
      return {
        grade: g,
        planId: plan?.id ?? null,
        weekLength,
        maxWeekly: sanpinWeeklyMax(g, weekLength),
        classroomHours: Math.max(0, ...weeklyTotals(rows, periods.length)),
        extracurricularHours: Math.max(0, ...weeklyTotals(rows, periods.length, 'extracurricular')),
        annualHours: classroomAnnual(rows, weeks),
        classes: data.classes
          .filter((c) => c.grade === g)
          .map((c) => {
            const eff = activeRows(classEffective(data, c));
            const own = mine.filter((p) => p.classId === c.id);
            return { id: c.id, name: c.name, programme: c.programme, hasOwnPlan: data.classPlans.has(c.id), classroomHours: Math.max(0, ...weeklyTotals(eff, periods.length)), errors: count(own, 'error'), warnings: count(own, 'warning') };
          }),
        errors: count(mine, 'error'),
        warnings: count(mine, 'warning'),
      };
    }),
  };
}


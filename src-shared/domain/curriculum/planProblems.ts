import { checkLevel, checkPlan, classroomAnnual, sortProblems, type CheckRule, type PeriodInfo, type PlanProblem } from './checks';
import { activeRows, classOverrides, effectiveRows, type ClassRow, type PlanRow } from './effectivePlan';
import { ADAPTED_SOURCE, isAdapted, type WeekLength } from './norms';

/**
 * The problems of a plan being edited — the same function on the server (after a save) and in the
 * editor (on every keystroke), so the завуч sees exactly what the server will say.
 */
export interface PlanProblemsClass {
  id: string;
  name: string;
  weekLength: WeekLength;
  /** «ООП», «АООП 7.2»; omitted — not checked. */
  programme?: string;
  /** Whether the class has a stored plan of its own (rows or just a note). */
  hasOwnPlan?: boolean;
  ownRows: readonly ClassRow[];
  /** `subjectId|groupNo` of every slot with a teacher. */
  assigned: readonly string[];
  subgroupCounts: Readonly<Record<string, number>>;
}

export interface PlanProblemsInput {
  grade: number;
  /** null — the grade's plan is edited; otherwise this class's plan. */
  classId: string | null;
  weekLength: WeekLength;
  periods: readonly PeriodInfo[];
  subjectName(id: string): string;
  /** The grade's stored rows (the base of a class plan). */
  gradeRows: readonly PlanRow[];
  /** The grade's classes (for a class plan: that class only). */
  classes: readonly PlanProblemsClass[];
  /** Classroom hours a year of each grade plan of the year, by grade. */
  levelAnnual: Readonly<Record<string, number>>;
}

/** Rules about a class's own situation; the rest repeat the grade's findings for an unchanged class. */
const CLASS_ONLY: readonly CheckRule[] = ['noTeacher', 'splitWithoutSubgroups', 'adaptedWithoutPlan'];

export function gradeLabel(grade: number): string {
  return `${grade}-е классы`;
}

function assignedOf(c: PlanProblemsClass): (subjectId: string, groupNo: number) => boolean {
  const set = new Set(c.assigned);
  return (subjectId, groupNo) => set.has(`${subjectId}|${groupNo}`);
}

/**
 * A class on an adapted programme (АООП) that simply follows its grade's plan: a note, not an error —
 * the школа may have checked that the plans coincide — but the usual case is a plan of its own.
 */
function adaptedProblems(c: PlanProblemsClass | undefined, rows: readonly PlanRow[], differs: boolean): PlanProblem[] {
  if (!c || !isAdapted(c.programme) || c.hasOwnPlan || differs || rows.length === 0) return [];
  return [
    {
      severity: 'info',
      rule: 'adaptedWithoutPlan',
      message: `${c.name}: класс учится по ${c.programme}, а учебный план у него — как у параллели. Для АООП обычно составляют свой план по варианту ФАОП (коррекционно-развивающая область, часы по варианту) — измените план класса или отметьте программу в примечании`,
      source: ADAPTED_SOURCE,
      classId: c.id,
    },
  ];
}

export function planProblems(input: PlanProblemsInput, rows: readonly PlanRow[]): PlanProblem[] {
  const base = { grade: input.grade, periods: input.periods, subjectName: input.subjectName };
  const weeks = input.periods.map((p) => p.weeks);
  if (input.classId !== null) {
    const c = input.classes.find((x) => x.id === input.classId);
    const name = c?.name ?? gradeLabel(input.grade);
    return sortProblems(
      [
        ...checkPlan(rows, { ...base, name, weekLength: c?.weekLength ?? input.weekLength, ...(c ? { assigned: assignedOf(c), subgroupCounts: c.subgroupCounts } : {}) }),
        // While typing: a change from the grade's rows already makes the plan the class's own.
        ...adaptedProblems(c, rows, classOverrides(input.gradeRows, rows).length > 0),
      ].map((p) => ({ ...p, classId: input.classId ?? undefined })),
    );
  }
  const out = checkPlan(rows, { ...base, name: gradeLabel(input.grade), weekLength: input.weekLength });
  for (const c of input.classes) {
    const eff = activeRows(effectiveRows(rows, c.ownRows));
    const own = c.ownRows.length > 0 || c.weekLength !== input.weekLength;
    const found = checkPlan(eff, { ...base, name: c.name, weekLength: c.weekLength, assigned: assignedOf(c), subgroupCounts: c.subgroupCounts });
    out.push(...(own ? found : found.filter((p) => CLASS_ONLY.includes(p.rule))).map((p) => ({ ...p, classId: c.id })));
    out.push(...adaptedProblems(c, eff, c.ownRows.length > 0));
  }
  const annual = new Map(Object.entries(input.levelAnnual).map(([g, h]) => [Number(g), h]));
  annual.set(input.grade, classroomAnnual(rows, weeks));
  if (rows.length === 0) annual.delete(input.grade);
  out.push(...checkLevel(input.grade, annual));
  return sortProblems(out);
}

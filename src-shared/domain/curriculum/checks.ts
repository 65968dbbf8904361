import { levelOf } from '../schoolSetup/classRules';
import { activeRows, type EffectiveRow, type PlanRow } from './effectivePlan';
import { annualHours, formatHours, hoursInPeriod, round2 } from './hours';
import {
  DOUBLES_SOURCE,
  EXTRACURRICULAR_MAX,
  EXTRACURRICULAR_SOURCE,
  GRADE_ONE_WEEK_SOURCE,
  LOAD_SOURCE,
  PLAN_SOURCE,
  SANPIN_WEEKLY_SOURCE,
  SUBGROUP_SOURCE,
  doublesAllowed,
  levelRangeOf,
  sanpinWeeklyMax,
  type WeekLength,
} from './norms';
import { DOUBLES_ALL, isClassroom, type PlanPart } from './parts';

export type Severity = 'error' | 'warning' | 'info';

export type CheckRule =
  | 'sanpinWeekly'
  | 'weekNotAllowed'
  | 'levelRange'
  | 'noTeacher'
  | 'splitWithoutSubgroups'
  | 'doubles'
  | 'doublesPrimary'
  | 'periodsMismatch'
  | 'extracurricularMax'
  | 'noAssessment'
  | 'adaptedWithoutPlan';

/** One finding of the live checks: a Russian sentence, how serious it is, and the rule's source. */
export interface PlanProblem {
  severity: Severity;
  rule: CheckRule;
  message: string;
  source: string;
  /** The row it is about, for highlighting in the editor. */
  subjectId?: string;
  part?: PlanPart;
  /** Set when the finding is about one class of a grade plan. */
  classId?: string;
}

export interface PeriodInfo {
  name: string;
  weeks: number;
}

export interface PlanCheckContext {
  /** «5А», «5-е классы» — the start of every message. */
  name: string;
  grade: number;
  weekLength: WeekLength;
  /** The grade's study periods (at least one). */
  periods: readonly PeriodInfo[];
  subjectName(subjectId: string): string;
  /** Whether a teacher is assigned to class × subject × group (0 = whole class); omitted — not checked. */
  assigned?: (subjectId: string, groupNo: number) => boolean;
  /** Subgroups the class has per subject; omitted — not checked (grade plans). */
  subgroupCounts?: Readonly<Record<string, number>>;
}

/** Weekly classroom hours (обязательная + формируемая) in each period. */
export function weeklyTotals(rows: readonly PlanRow[], periodCount: number, part: 'classroom' | PlanPart = 'classroom'): number[] {
  const n = Math.max(1, periodCount);
  return Array.from({ length: n }, (_, i) =>
    round2(rows.filter((r) => (part === 'classroom' ? isClassroom(r.part) : r.part === part)).reduce((s, r) => s + hoursInPeriod(r.hours, i, n), 0)),
  );
}

function inPeriods(ctx: PlanCheckContext, indexes: number[]): string {
  if (ctx.periods.length <= 1 || indexes.length === ctx.periods.length) return '';
  return ` (${indexes.map((i) => ctx.periods[i].name).join(', ')})`;
}

function sanpinProblems(rows: readonly PlanRow[], ctx: PlanCheckContext): PlanProblem[] {
  const max = sanpinWeeklyMax(ctx.grade, ctx.weekLength);
  if (max === null) {
    return [{ severity: 'error', rule: 'weekNotAllowed', message: `${ctx.name}: ${ctx.grade} класс учится только по 5-дневной неделе, а указана ${ctx.weekLength}-дневная`, source: GRADE_ONE_WEEK_SOURCE }];
  }
  const totals = weeklyTotals(rows, ctx.periods.length);
  const over = totals.map((t, i) => ({ t, i })).filter((x) => x.t > max);
  if (over.length === 0) return [];
  const worst = Math.max(...over.map((x) => x.t));
  return [
    {
      severity: 'error',
      rule: 'sanpinWeekly',
      message: `${ctx.name}: ${formatHours(worst)} ч в неделю${inPeriods(ctx, over.map((x) => x.i))} при ${ctx.weekLength}-дневной неделе — больше допустимых ${max} ч`,
      source: SANPIN_WEEKLY_SOURCE,
    },
  ];
}

function rowProblems(r: PlanRow, ctx: PlanCheckContext): PlanProblem[] {
  const out: PlanProblem[] = [];
  const name = ctx.subjectName(r.subjectId);
  const at = { subjectId: r.subjectId, part: r.part };
  const n = ctx.periods.length;
  if (r.hours.length !== 1 && r.hours.length !== n) {
    out.push({ severity: 'warning', rule: 'periodsMismatch', message: `${ctx.name}, «${name}»: часы заданы для ${r.hours.length} периодов, а у ${ctx.grade} класса их ${n} — проверьте часы по периодам`, source: PLAN_SOURCE, ...at });
  }
  if (r.doubles !== 0) {
    if (!doublesAllowed(ctx.grade)) {
      out.push({ severity: 'warning', rule: 'doublesPrimary', message: `${ctx.name}, «${name}»: в 1–4 классах сдвоенные уроки не проводятся`, source: DOUBLES_SOURCE, ...at });
    }
    const bad: number[] = [];
    for (let i = 0; i < Math.max(1, n); i++) {
      const h = hoursInPeriod(r.hours, i, n);
      if (h === 0) continue;
      const fits = r.doubles === DOUBLES_ALL ? Number.isInteger(h) && h % 2 === 0 : r.doubles * 2 <= h;
      if (!fits) bad.push(i);
    }
    if (bad.length) {
      const h = hoursInPeriod(r.hours, bad[0], n);
      const want = r.doubles === DOUBLES_ALL ? 'только сдвоенными уроками — нужно чётное число часов' : `${r.doubles} сдвоенн${r.doubles === 1 ? 'ым уроком' : 'ыми уроками'} — нужно не меньше ${r.doubles * 2} ч`;
      out.push({ severity: 'error', rule: 'doubles', message: `${ctx.name}, «${name}»: ${formatHours(h)} ч в неделю${inPeriods(ctx, bad)} не провести ${want}`, source: DOUBLES_SOURCE, ...at });
    }
  }
  const hasHours = r.hours.some((h) => h > 0);
  if (hasHours && r.part !== 'extracurricular' && !r.assessment) {
    out.push({ severity: 'info', rule: 'noAssessment', message: `${ctx.name}, «${name}»: не указана форма промежуточной аттестации`, source: '273-ФЗ, ст. 58; учебный план', ...at });
  }
  return out;
}

/** Subjects with hours merged over the parts: how many groups each is taught in (the load's view). */
export function subjectGroups(rows: readonly PlanRow[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) {
    if (!r.hours.some((h) => h > 0)) continue;
    out.set(r.subjectId, Math.max(out.get(r.subjectId) ?? 1, r.groups));
  }
  return out;
}

function classProblems(rows: readonly PlanRow[], ctx: PlanCheckContext): PlanProblem[] {
  const out: PlanProblem[] = [];
  for (const [subjectId, groups] of subjectGroups(rows)) {
    const name = ctx.subjectName(subjectId);
    if (ctx.subgroupCounts && groups > 1) {
      const have = ctx.subgroupCounts[subjectId] ?? 0;
      if (have < groups) {
        const what = have === 0 ? 'а подгрупп в классе нет' : `а в классе ${have}`;
        out.push({ severity: 'warning', rule: 'splitWithoutSubgroups', message: `${ctx.name}, «${name}»: по плану ${groups} подгруппы, ${what} — создайте подгруппы из учебного плана`, source: SUBGROUP_SOURCE, subjectId });
      }
    }
    if (ctx.assigned) {
      const missing = (groups > 1 ? Array.from({ length: groups }, (_, i) => i + 1) : [0]).filter((g) => !ctx.assigned?.(subjectId, g));
      if (missing.length) {
        const which = groups > 1 ? ` (${missing.map((g) => `группа ${g}`).join(', ')})` : '';
        out.push({ severity: 'warning', rule: 'noTeacher', message: `${ctx.name}, «${name}»${which}: есть часы, но не назначен учитель`, source: LOAD_SOURCE, subjectId });
      }
    }
  }
  return out;
}

/** Every check of one plan (a grade's or a class's effective rows), in the order the editor lists them. */
export function checkPlan(rows: readonly PlanRow[] | readonly EffectiveRow[], ctx: PlanCheckContext): PlanProblem[] {
  const active = 'origin' in (rows[0] ?? {}) ? activeRows(rows as EffectiveRow[]) : (rows as PlanRow[]);
  const out = sanpinProblems(active, ctx);
  const extra = Math.max(...weeklyTotals(active, ctx.periods.length, 'extracurricular'));
  if (extra > EXTRACURRICULAR_MAX) {
    out.push({ severity: 'warning', rule: 'extracurricularMax', message: `${ctx.name}: внеурочная деятельность ${formatHours(extra)} ч в неделю — больше ${EXTRACURRICULAR_MAX} ч`, source: EXTRACURRICULAR_SOURCE });
  }
  for (const r of active) out.push(...rowProblems(r, ctx));
  out.push(...classProblems(active, ctx));
  return out;
}

/** Classroom hours a year of a plan. */
export function classroomAnnual(rows: readonly PlanRow[], weeks: readonly number[]): number {
  return round2(rows.filter((r) => isClassroom(r.part)).reduce((s, r) => s + annualHours(r.hours, weeks), 0));
}

/**
 * The level's total over its grades against the federal range. `annualByGrade` holds the classroom
 * hours a year of each grade plan there is; a grade without a plan makes the total unknown.
 */
export function checkLevel(grade: number, annualByGrade: ReadonlyMap<number, number>): PlanProblem[] {
  const range = levelRangeOf(grade);
  const missing = range.grades.filter((g) => !annualByGrade.has(g));
  if (missing.length) {
    return [{ severity: 'info', rule: 'levelRange', message: `${range.level}: нет плана для ${missing.join(', ')} кл. — общий объём уровня (${range.min}–${range.max} ч) не проверен`, source: range.source }];
  }
  const total = round2(range.grades.reduce((s, g) => s + (annualByGrade.get(g) ?? 0), 0));
  if (total < range.min || total > range.max) {
    const side = total < range.min ? `меньше ${range.min}` : `больше ${range.max}`;
    return [{ severity: 'warning', rule: 'levelRange', message: `${range.level} (${range.grades[0]}–${range.grades[range.grades.length - 1]} кл.): ${formatHours(total)} ч за уровень — ${side} ч`, source: range.source }];
  }
  return [];
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function sortProblems(list: PlanProblem[]): PlanProblem[] {
  return [...list].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

export { levelOf };

import type { TaskRow } from '../../../src-shared/contract/deadlines';
import { ROLES, type RoleId } from '../../../src-shared/contract/access';
import { generateTasks, type StoredCompletion, type Task } from '../../../src-shared/domain/deadlines/generateTasks';
import type { DeadlineRule } from '../../../src-shared/domain/deadlines/ruleModel';
import { hasRight, listUserRows } from '../access/index';
import type { CallerUser, HandlerContext } from '../foundation/context';
import { schoolToday } from '../foundation/clock';
import { gatherFacts, type Gathered, type GatherOptions } from './facts';
import { allCompletions, type CompletionRecord } from './repo/completions';
import { effectiveRules, type EffectiveRule } from './ruleStore';

/** The tasks of the rules in force, computed from the school's data and the stored ticks. */

export function completionOf(r: CompletionRecord): StoredCompletion {
  return {
    id: r.id,
    taskKey: r.taskKey,
    ruleKey: r.ruleKey,
    kind: r.kind === 'frozen' ? 'frozen' : 'tick',
    title: r.title,
    subject: r.subject,
    role: r.role,
    dueDate: r.dueDate,
    doneOn: r.doneOn,
    doneBy: r.doneBy,
    note: r.note,
    version: Number(r.version),
  };
}

export interface Computed {
  tasks: Task[];
  rules: EffectiveRule[];
  completions: StoredCompletion[];
  gathered: Gathered;
  today: string;
}

/**
 * Tasks of the rules in force (or of `rules`, e.g. a rule as it will be after an edit; `only` keeps
 * the rules that matter to the caller, so the checks nobody will see are not run).
 */
export async function computeTasks(
  ctx: HandlerContext,
  opts: Omit<GatherOptions, 'checks'> & { rules?: readonly DeadlineRule[]; only?: (r: DeadlineRule) => boolean } = {},
): Promise<Computed> {
  const today = schoolToday();
  const rules = await effectiveRules(ctx.core.db);
  const used = (opts.rules ?? rules).filter((r) => r.isActive && (opts.only ?? (() => true))(r));
  const checks = [...new Set(used.flatMap((r) => (r.confirm === 'data' && r.check ? [r.check] : [])))];
  const gathered = await gatherFacts(ctx, { years: opts.years, checks });
  const completions = (await allCompletions(ctx.core.db)).map(completionOf);
  const byKey = new Map(completions.map((c) => [c.taskKey, c]));
  const tasks = generateTasks(used, gathered.facts, gathered.cal, byKey, today);
  return { tasks, rules, completions, gathered, today };
}

/** The school's people behind each role, for «Секретарь: Иванова О. И.». */
export async function roleHolders(ctx: HandlerContext): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const u of await listUserRows(ctx.core.db)) {
    if (!u.isActive) continue;
    for (const r of u.roles) out.set(r, [...(out.get(r) ?? []), u.fullName]);
  }
  return out;
}

export function ownerLabel(t: Pick<Task, 'role' | 'ownerName' | 'subject' | 'classId'>, holders: ReadonlyMap<string, string[]>): string {
  const role = ROLES[t.role as RoleId] ?? t.role;
  if (t.ownerName) return `${role}: ${t.ownerName}`;
  const names = holders.get(t.role) ?? [];
  if (names.length === 0) return role;
  return `${role}: ${names.length > 3 ? `${names.slice(0, 3).join(', ')} и ещё ${names.length - 3}` : names.join(', ')}`;
}

/** Classes a user leads (by their staff card): the class teacher's own tasks. */
export function ledClasses(user: CallerUser, gathered: Gathered): Set<string> {
  return new Set(user.staffId ? gathered.classes.filter((c) => c.classTeacherId === user.staffId).map((c) => c.id) : []);
}

/** Whether the task is the user's own: their role's, and for a class's task their class. */
export function ownsTask(user: CallerUser, t: Pick<Task, 'role' | 'classId'>, led: ReadonlySet<string>): boolean {
  if (!user.roles.includes(t.role)) return false;
  return t.role !== 'classTeacher' || t.classId === null || led.has(t.classId);
}

export function mayActFor(user: CallerUser, t: Pick<Task, 'role' | 'classId'>, led: ReadonlySet<string>): boolean {
  return hasRight(user, 'deadlines.all') || ownsTask(user, t, led);
}

export function toTaskRow(t: Task, user: CallerUser, led: ReadonlySet<string>, holders: ReadonlyMap<string, string[]>): TaskRow {
  const mine = mayActFor(user, t, led);
  return {
    key: t.key,
    ruleKey: t.ruleKey,
    title: t.title,
    subject: t.subject,
    role: t.role,
    owner: ownerLabel(t, holders),
    classId: t.classId,
    anchorDate: t.anchorDate,
    dueDate: t.dueDate,
    dueProblem: t.dueProblem,
    forecast: t.forecast,
    confirm: t.confirm,
    status: t.status,
    doneOn: t.doneOn,
    doneBy: t.doneBy,
    note: t.note,
    progress: t.progress,
    link: t.link,
    section: t.section,
    canTick: mine && t.tickable && !t.done,
    canUntick: mine && t.completion?.kind === 'tick',
    completionVersion: t.completion?.version ?? null,
  };
}

import type { HomeView, StandingRow, TaskRow } from '../../../src-shared/contract/deadlines';
import { describeTerm, ANCHORS } from '../../../src-shared/domain/deadlines/ruleModel';
import { homeBucket } from '../../../src-shared/domain/deadlines/taskStatus';
import type { Task } from '../../../src-shared/domain/deadlines/generateTasks';
import { productionCalendarWarnings } from '../../../src-shared/domain/schoolSetup/productionWarnings';
import { hasRight, requireUser } from '../access/index';
import type { CallerUser, HandlerContext } from '../foundation/context';
import { computeTasks, ledClasses, ownsTask, roleHolders, toTaskRow, type Computed } from './tasks';

/**
 * Each role's home screen (issue 20): what is late, due today and in the next seven days — the
 * caller's own (their roles; a class teacher's class tasks only for the classes they lead), or the
 * whole school with owners for the director. Tasks of closed academic years are history, not here.
 */

type Scope = 'mine' | 'all';

export function defaultScope(user: CallerUser): Scope {
  return hasRight(user, 'deadlines.all') && user.roles.includes('director') ? 'all' : 'mine';
}

function visible(c: Computed, user: CallerUser, scope: Scope): Task[] {
  const closed = new Set(c.gathered.facts.years.filter((y) => y.isClosed).map((y) => y.id));
  const led = ledClasses(user, c.gathered);
  return c.tasks.filter((t) => !(t.yearId && closed.has(t.yearId)) && (scope === 'all' || ownsTask(user, t, led)));
}

function standingOf(c: Computed, user: CallerUser, scope: Scope): StandingRow[] {
  return c.rules
    .filter((r) => r.isActive && !ANCHORS[r.anchor].dated && (scope === 'all' || user.roles.includes(r.role)))
    .map((r) => ({ key: r.key, title: r.title, term: describeTerm(r), role: r.role, section: r.section, link: r.link }));
}

/** What the home screen says about the production calendar: years it lacks (no dates there) or knows only as a forecast. */
function calendarNotes(c: Computed, tasks: readonly Task[]): string[] {
  const notes = new Set<string>();
  for (const t of tasks) if (t.dueProblem && !t.done) notes.add(`Часть сроков не рассчитана: ${t.dueProblem}.`);
  for (const w of productionCalendarWarnings(c.gathered.production, c.today)) if (w.kind === 'missing') notes.add(w.message);
  if (tasks.some((t) => t.forecast && !t.done)) {
    notes.add('Сроки с пометкой «по прогнозу» отсчитаны по прогнозу производственного календаря (постановления о переносе выходных ещё нет) и могут сдвинуться.');
  }
  return [...notes];
}

export async function homeView(ctx: HandlerContext, requested?: Scope): Promise<HomeView> {
  const user = requireUser(ctx);
  const scope: Scope = requested === 'all' && hasRight(user, 'deadlines.all') ? 'all' : (requested ?? defaultScope(user));
  const c = await computeTasks(ctx, { years: (y) => !y.isClosed, only: (r) => scope === 'all' || user.roles.includes(r.role) });
  const tasks = visible(c, user, scope);
  const holders = await roleHolders(ctx);
  const led = ledClasses(user, c.gathered);
  const buckets: Record<'late' | 'today' | 'week' | 'noDate', TaskRow[]> = { late: [], today: [], week: [], noDate: [] };
  for (const t of tasks) {
    const b = homeBucket(t, c.today);
    if (b) buckets[b].push(toTaskRow(t, user, led, holders));
  }
  return {
    today: c.today,
    scope,
    late: buckets.late,
    dueToday: buckets.today,
    week: buckets.week,
    noDate: buckets.noDate,
    standing: standingOf(c, user, scope),
    counts: { late: buckets.late.filter((t) => t.status === 'late').length, today: buckets.today.length, week: buckets.week.length, noDate: buckets.noDate.length },
    calendarWarnings: calendarNotes(c, tasks),
  };
}

/** The menu's badge and the desktop's daily notice: the caller's own late and due-today tasks. */
export async function taskCounts(ctx: HandlerContext) {
  const user = requireUser(ctx);
  const view = await homeView(ctx);
  const late = view.late.filter((t) => t.status === 'late');
  return {
    on: view.today,
    userId: user.id,
    counts: view.counts,
    lateTitles: late.slice(0, 5).map((t) => `${t.title} — ${t.subject}`),
  };
}

import { compareDates, type IsoDate } from '../../../src-shared/domain/calendar/dates';
import type { HandlerContext } from '../foundation/context';
import { schoolToday } from '../foundation/clock';
import { describeTerm } from '../../../src-shared/domain/deadlines/ruleModel';
import { computeTasks } from './tasks';

/**
 * For the reports catalogue (issue 21): the next due date of the rule about report `reportKey`
 * (the catalogue's key: `pupils-general`, `pupils-year-results`, `occupancy`…).
 *
 * - `null` when no active rule names the report;
 * - `dueDate: null` with the rule's term for a standing rule («постоянно») or when no occurrence is
 *   due on or after `on` (e.g. the year is not set up yet), or when the date cannot be computed
 *   (`problem`: no production calendar for the year);
 * - otherwise the earliest due date on or after `on` among the rule's tasks not yet done, else
 *   the earliest due date on or after `on` (done early still shows the date).
 */
export interface ReportDeadline {
  ruleKey: string;
  title: string;
  /** «не позднее 1 октября учебного года». */
  term: string;
  section: string;
  dueDate: IsoDate | null;
  done: boolean;
  problem: string | null;
}

export async function nextReportDeadline(ctx: HandlerContext, reportKey: string, on: IsoDate = schoolToday()): Promise<ReportDeadline | null> {
  return (await reportDeadlines(ctx, on, reportKey)).get(reportKey) ?? null;
}

/** The same for every report a rule names, computed once (the catalogue lists them all). */
export async function reportDeadlines(ctx: HandlerContext, on: IsoDate = schoolToday(), onlyKey?: string): Promise<Map<string, ReportDeadline>> {
  const wanted = (r: { reportKey: string | null }) => r.reportKey !== null && (onlyKey === undefined || r.reportKey === onlyKey);
  const c = await computeTasks(ctx, { years: (y) => !y.isClosed, only: wanted });
  const out = new Map<string, ReportDeadline>();
  // `c.rules` is every rule, not only the ones `only` computed tasks for.
  for (const rule of c.rules) {
    if (!rule.isActive || !wanted(rule) || out.has(rule.reportKey as string)) continue;
    const tasks = c.tasks.filter((t) => t.ruleKey === rule.key);
    const ahead = tasks.filter((t) => t.dueDate && t.dueDate >= on).sort((a, b) => compareDates(a.dueDate as string, b.dueDate as string));
    const next = ahead.find((t) => !t.done) ?? ahead[0];
    const problem = tasks.find((t) => t.dueProblem && !t.done)?.dueProblem ?? null;
    out.set(rule.reportKey as string, { ruleKey: rule.key, title: rule.title, term: describeTerm(rule), section: rule.section, dueDate: next?.dueDate ?? null, done: next?.done ?? false, problem: next ? null : problem });
  }
  return out;
}

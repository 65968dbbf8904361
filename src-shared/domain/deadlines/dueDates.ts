/**
 * Due dates of rules. Working days are the office's: the production calendar (federal holidays and
 * the government's transfers of days off) with the school's own transfers of school days on top —
 * the date a transfer puts lessons on is a working day, and the day it frees for every grade is not
 * (a day freed for some grades only is still worked by the rest of the school). A working-day term
 * that crosses a year the production calendar does not have is not computed: the monitor says so
 * rather than guess with Monday–Friday.
 */
import { addDays, yearOf, type IsoDate } from '../calendar/dates';
import { isWorkingDay, type ProductionCalendar } from '../calendar/productionCalendar';
import type { DeadlineRule } from './ruleModel';

export interface SchoolTransferDay {
  /** The date that becomes a school day. */
  date: IsoDate;
  /** The school day given up in exchange, if any. */
  dayOff: IsoDate | null;
  /** True when the transfer covers every grade. */
  allGrades: boolean;
}

export interface OfficeCalendar {
  production: ProductionCalendar;
  worked: ReadonlySet<IsoDate>;
  freed: ReadonlySet<IsoDate>;
}

export function officeCalendar(production: ProductionCalendar, transfers: readonly SchoolTransferDay[] = []): OfficeCalendar {
  return {
    production,
    worked: new Set(transfers.map((t) => t.date)),
    freed: new Set(transfers.filter((t) => t.allGrades && t.dayOff).map((t) => t.dayOff as IsoDate)),
  };
}

export function isOfficeWorkingDay(cal: OfficeCalendar, date: IsoDate): boolean {
  if (cal.worked.has(date)) return true;
  if (cal.freed.has(date)) return false;
  return isWorkingDay(cal.production, date);
}

export type DueDate = { date: IsoDate; forecast: boolean; problem: null } | { date: null; forecast: false; problem: string };

function missingYearProblem(year: number): string {
  return (
    `срок не рассчитан: в производственном календаре нет ${year} года, а без него нельзя отсчитать рабочие дни. ` +
    'Администратор загружает календарь в разделе «Администрирование → Производственный календарь»'
  );
}

/**
 * `n` working days before (`step` −1) or after (+1) `from`, not counting `from` itself: Friday + 3
 * is Wednesday. Every date passed is checked against the years the production calendar has.
 */
function stepWorkingDays(cal: OfficeCalendar, from: IsoDate, n: number, step: 1 | -1): DueDate {
  const years = cal.production.years;
  let current = from;
  let forecast = false;
  for (let left = n; left > 0; ) {
    current = addDays(current, step);
    const year = years.get(yearOf(current));
    if (!year) return { date: null, forecast: false, problem: missingYearProblem(yearOf(current)) };
    if (year.status === 'forecast') forecast = true;
    if (isOfficeWorkingDay(cal, current)) left--;
  }
  return { date: current, forecast, problem: null };
}

/** The last day of a rule's term for one occurrence of its anchor (the anchor's own date). */
export function dueDateOf(rule: Pick<DeadlineRule, 'offset' | 'unit' | 'direction'>, anchorDate: IsoDate, cal: OfficeCalendar): DueDate {
  const sign = rule.direction === 'before' ? -1 : 1;
  if (rule.unit === 'workingDays') return stepWorkingDays(cal, anchorDate, rule.offset, sign);
  const days = rule.unit === 'weeks' ? rule.offset * 7 : rule.offset;
  return { date: addDays(anchorDate, sign * days), forecast: false, problem: null };
}

/**
 * The date of `MM-DD` inside an academic year: the first such date on or after the year's start
 * (15 September of a year starting 1 September is in its autumn, 10 January in its spring).
 */
export function yearDateOf(monthDay: string, yearStart: IsoDate): IsoDate {
  const first = `${yearStart.slice(0, 4)}-${monthDay}`;
  return first >= yearStart ? first : `${Number(yearStart.slice(0, 4)) + 1}-${monthDay}`;
}

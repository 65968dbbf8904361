/**
 * Rules × the school's data → dated tasks (issue 20). Pure: the core gathers the facts from the
 * domains (years, study periods, calendar records with the day they were entered, portal accounts,
 * orders, the checks of the year's data) and the stored ticks; this turns them into tasks, each
 * with its due date, whether it is done, when and by whom.
 *
 * A stored completion (the owner's tick, or a done task frozen when its rule changed) wins over
 * what the rule computes now: the history of done tasks keeps the date they were due.
 */
import { formatRu, isBetween, type IsoDate } from '../calendar/dates';
import { formatGradeList } from '../schoolSetup/gradeScope';
import { dueDateOf, yearDateOf, type OfficeCalendar } from './dueDates';
import { ANCHORS, type AnchorId, type CheckId, type ConfirmMode, type DeadlineRule } from './ruleModel';
import { taskStatus, type TaskStatus } from './taskStatus';
import type { RoleId } from '../../contract/access';

/** When and by whom a record was entered into the app (from the audit log), if known. */
export interface Entered {
  on: IsoDate;
  by: string | null;
}

/** The outcome of a check of the year's data. */
export interface CheckResult {
  done: boolean;
  /** The last change of the checked data, when known. */
  on: IsoDate | null;
  by: string | null;
  /** What is still missing, in words («нет плана: 5А, 5Б»), or what was checked. */
  progress: string | null;
}

export interface YearFacts {
  id: string;
  name: string;
  startDate: IsoDate;
  endDate: IsoDate;
  isClosed: boolean;
  periods: { id: string; schemeName: string; name: string; endDate: IsoDate; grades: number[] }[];
  events: { id: string; title: string; date: IsoDate; classId: string | null; className: string | null; ownerName: string | null; entered: Entered | null }[];
  entries: { id: string; kind: 'holiday' | 'dayOff'; name: string; startDate: IsoDate; endDate: IsoDate; entered: Entered | null }[];
  transfers: { id: string; date: IsoDate; reason: string | null; entered: Entered | null }[];
  /** Checks of the year's data the app can run; a missing one makes its tasks ticked by hand. */
  checks: Partial<Record<Extract<CheckId, 'schoolData' | 'curriculum' | 'timetable'>, CheckResult>>;
}

/** The portal accounts opened by one order (pupils with their parents, or staff). */
export interface AccountGroupFacts {
  kind: 'pupils' | 'staff';
  orderDate: IsoDate;
  orderNumber: string | null;
  people: number;
  handedOver: number;
  /** The accounts' own due date (the earliest of the group): the accounts domain keeps it. */
  dueDate: IsoDate | null;
  /** The last hand-over, when every account of the group is handed over. */
  doneOn: IsoDate | null;
  doneBy: string | null;
}

/** A signed order item the federal transfer rules count from. */
export interface TransferItemFacts {
  id: string;
  direction: 'in' | 'out';
  orderDate: IsoDate;
  orderNumber: string | null;
  pupilName: string;
  otherSchool: string | null;
}

export interface SchoolFacts {
  years: YearFacts[];
  accountGroups: AccountGroupFacts[];
  transferItems: TransferItemFacts[];
}

export interface StoredCompletion {
  id: string;
  taskKey: string;
  ruleKey: string;
  kind: 'tick' | 'frozen';
  title: string;
  subject: string;
  role: string;
  dueDate: IsoDate | null;
  doneOn: IsoDate;
  doneBy: string | null;
  note: string | null;
  version: number;
}

export interface Task {
  key: string;
  ruleKey: string;
  title: string;
  /** The occurrence: «1 четверть (1–9 кл.)», «Приказ № 12-з от 05.09.2025 — 3 чел.». */
  subject: string;
  role: RoleId;
  /** The person in charge when the data names one (a class's class teacher). */
  ownerName: string | null;
  classId: string | null;
  yearId: string | null;
  anchorDate: IsoDate;
  dueDate: IsoDate | null;
  /** Why there is no due date (no production calendar for the year). */
  dueProblem: string | null;
  /** The due date counts working days of a year known only as a forecast. */
  forecast: boolean;
  confirm: ConfirmMode;
  /** The owner may tick it (the app cannot see it done, or cannot run the check here). */
  tickable: boolean;
  done: boolean;
  doneOn: IsoDate | null;
  doneBy: string | null;
  note: string | null;
  /** Stored tick or frozen history behind `done`. */
  completion: { id: string; kind: 'tick' | 'frozen'; version: number } | null;
  progress: string | null;
  status: TaskStatus;
  link: string | null;
  section: string;
}

interface Occurrence {
  anchorKey: string;
  anchorDate: IsoDate;
  subject: string;
  classId?: string | null;
  ownerName?: string | null;
  yearId: string | null;
  /** What the data says, for rules the app checks itself. */
  detected?: { done: boolean; on: IsoDate | null; by: string | null; progress: string | null };
  /** A due date the owning domain keeps (the portal accounts'). */
  fixedDue?: IsoDate | null;
}

function yearOfDate(years: readonly YearFacts[], date: IsoDate): string | null {
  return years.find((y) => isBetween(date, y.startDate, y.endDate))?.id ?? null;
}

function orderText(number: string | null, date: IsoDate): string {
  return number ? `приказ № ${number} от ${formatRu(date)}` : `приказ от ${formatRu(date)}`;
}

function enteredCheck(entered: Entered | null): Occurrence['detected'] {
  // A record without a trace of its entry (typed in before the log existed) counts as entered.
  return { done: true, on: entered?.on ?? null, by: entered?.by ?? null, progress: entered ? `внесено ${formatRu(entered.on)}` : 'дата внесения неизвестна' };
}

function occurrencesOf(rule: DeadlineRule, facts: SchoolFacts): Occurrence[] {
  const out: Occurrence[] = [];
  const anchor: AnchorId = rule.anchor;
  if (anchor === 'enrolmentOrder' || anchor === 'hireOrder') {
    const kind = anchor === 'enrolmentOrder' ? 'pupils' : 'staff';
    for (const g of facts.accountGroups.filter((a) => a.kind === kind)) {
      const all = g.handedOver === g.people;
      out.push({
        anchorKey: `accounts:${kind}:${g.orderDate}:${g.orderNumber ?? ''}`,
        anchorDate: g.orderDate,
        subject: `${orderText(g.orderNumber, g.orderDate).replace(/^п/, 'П')} — ${g.people} чел.`,
        yearId: yearOfDate(facts.years, g.orderDate),
        fixedDue: rule.check === 'accounts' ? g.dueDate : undefined,
        detected: { done: all, on: all ? g.doneOn : null, by: all ? g.doneBy : null, progress: `выдано ${g.handedOver} из ${g.people}` },
      });
    }
    return out;
  }
  if (anchor === 'transferInOrder' || anchor === 'transferOutOrder') {
    const direction = anchor === 'transferInOrder' ? 'in' : 'out';
    for (const i of facts.transferItems.filter((t) => t.direction === direction)) {
      out.push({
        anchorKey: `item:${i.id}`,
        anchorDate: i.orderDate,
        subject: `${i.pupilName}, ${orderText(i.orderNumber, i.orderDate)}${i.otherSchool ? ` (${i.otherSchool})` : ''}`,
        yearId: yearOfDate(facts.years, i.orderDate),
      });
    }
    return out;
  }
  for (const y of facts.years) {
    if (anchor === 'yearDate' || anchor === 'yearStart') {
      const date = anchor === 'yearStart' ? y.startDate : yearDateOf(rule.monthDay ?? '09-01', y.startDate);
      const check = rule.check && rule.check !== 'accounts' && rule.check !== 'entered' ? y.checks[rule.check] : undefined;
      out.push({ anchorKey: `year:${y.id}`, anchorDate: date, subject: `${y.name} учебный год`, yearId: y.id, detected: check });
    } else if (anchor === 'periodEnd') {
      for (const p of y.periods) {
        out.push({ anchorKey: `period:${p.id}`, anchorDate: p.endDate, subject: `${p.name} (${formatGradeList(p.grades)} кл.), окончание ${formatRu(p.endDate)}`, yearId: y.id });
      }
    } else if (anchor === 'schoolEvent' || anchor === 'classEvent') {
      for (const e of y.events.filter((x) => (anchor === 'classEvent') === (x.classId !== null))) {
        out.push({
          anchorKey: `event:${e.id}`,
          anchorDate: e.date,
          subject: `${e.title}${e.className ? `, ${e.className}` : ''}, ${formatRu(e.date)}`,
          classId: e.classId,
          ownerName: e.ownerName,
          yearId: y.id,
          detected: enteredCheck(e.entered),
        });
      }
    } else if (anchor === 'holidayStart') {
      for (const e of y.entries) {
        const span = e.startDate === e.endDate ? formatRu(e.startDate) : `${formatRu(e.startDate)}–${formatRu(e.endDate)}`;
        out.push({ anchorKey: `entry:${e.id}`, anchorDate: e.startDate, subject: `${e.name}, ${span}`, yearId: y.id, detected: enteredCheck(e.entered) });
      }
    } else if (anchor === 'dayTransfer') {
      for (const t of y.transfers) {
        out.push({ anchorKey: `transfer:${t.id}`, anchorDate: t.date, subject: `${formatRu(t.date)}${t.reason ? ` — ${t.reason}` : ''}`, yearId: y.id, detected: enteredCheck(t.entered) });
      }
    }
  }
  return out;
}

/**
 * Every task of the active dated rules, in due-date order. `completions` are the stored ticks and
 * frozen history, by task key.
 */
export function generateTasks(rules: readonly DeadlineRule[], facts: SchoolFacts, cal: OfficeCalendar, completions: ReadonlyMap<string, StoredCompletion>, today: IsoDate): Task[] {
  const tasks: Task[] = [];
  for (const rule of rules) {
    if (!rule.isActive || !ANCHORS[rule.anchor].dated) continue;
    for (const o of occurrencesOf(rule, facts)) {
      const key = `${rule.key}|${o.anchorKey}`;
      const computed = o.fixedDue ? { date: o.fixedDue, forecast: false, problem: null } : dueDateOf(rule, o.anchorDate, cal);
      const stored = completions.get(key);
      // The app checks the data itself only when the rule says so and the check could run here.
      const checked = rule.confirm === 'data' && o.detected !== undefined;
      const done = stored !== undefined || (checked && o.detected!.done);
      const dueDate = stored ? stored.dueDate : computed.date;
      const doneOn = stored ? stored.doneOn : checked && o.detected!.done ? o.detected!.on : null;
      const confirm: ConfirmMode = rule.confirm === 'data' && !checked ? 'owner' : rule.confirm;
      tasks.push({
        key,
        ruleKey: rule.key,
        title: rule.title,
        subject: o.subject,
        role: rule.role,
        ownerName: o.ownerName ?? null,
        classId: o.classId ?? null,
        yearId: o.yearId,
        anchorDate: o.anchorDate,
        dueDate,
        dueProblem: stored ? null : computed.problem,
        forecast: !stored && computed.forecast,
        confirm,
        tickable: confirm !== 'data',
        done,
        doneOn,
        doneBy: stored ? stored.doneBy : checked && o.detected!.done ? o.detected!.by : null,
        note: stored?.note ?? null,
        completion: stored ? { id: stored.id, kind: stored.kind, version: stored.version } : null,
        progress: checked ? o.detected!.progress : rule.confirm === 'data' ? 'программа не может проверить это здесь — отметьте выполнение вручную' : null,
        status: taskStatus({ confirm, dueDate, done, doneOn }, today),
        link: rule.link,
        section: rule.section,
      });
    }
  }
  return tasks.sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.title.localeCompare(b.title, 'ru') || a.subject.localeCompare(b.subject, 'ru'));
}

import type { SchoolClass } from '../../../src-shared/contract/classes';
import type { AcademicYear } from '../../../src-shared/contract/years';
import type { ProductionCalendar } from '../../../src-shared/domain/calendar/productionCalendar';
import { officeCalendar, type OfficeCalendar } from '../../../src-shared/domain/deadlines/dueDates';
import { CHECK_IDS, type CheckId } from '../../../src-shared/domain/deadlines/ruleModel';
import type { AccountGroupFacts, Entered, SchoolFacts, YearFacts } from '../../../src-shared/domain/deadlines/generateTasks';
import { accountTaskRecords } from '../accounts/index';
import { creationTraces, type Trace } from '../audit/index';
import type { HandlerContext } from '../foundation/context';
import { signedTransferItems } from '../movement/index';
import { listClasses, listEntries, listEvents, listSchemes, listTransfers, listYears, loadEffectiveProductionCalendar } from '../schoolSetup/index';
import { curriculumCheck, schoolDataCheck, timetableCheck } from './checks';
import { localDate } from './localDate';

/**
 * Everything the rules count from, read through the domains' public reads: the academic years with
 * their study periods, calendar records (and when each was entered, from the audit log), classes
 * and their class teachers, the portal accounts by order, the transfer orders, and the checks of
 * each year's data. Reads only — through `ctx.core.db`, never inside a transaction.
 */
export interface Gathered {
  facts: SchoolFacts;
  cal: OfficeCalendar;
  production: ProductionCalendar;
  /** Classes of the gathered years: for the class teacher's own tasks and the owner's name. */
  classes: SchoolClass[];
}

function entered(traces: Map<string, Trace>, id: string): Entered | null {
  const t = traces.get(id);
  return t ? { on: localDate(t.at), by: t.userName } : null;
}

/** Accounts opened by one order: pupils with their parents (the secretary's), or staff (HR's). */
function groupAccounts(records: Awaited<ReturnType<typeof accountTaskRecords>>): AccountGroupFacts[] {
  const groups = new Map<string, AccountGroupFacts & { doneBy: string | null }>();
  for (const r of records) {
    if (!r.orderDate) continue;
    const kind = r.personKind === 'staff' ? 'staff' : 'pupils';
    const key = `${kind}|${r.orderDate}|${r.orderNumber ?? ''}`;
    const g = groups.get(key) ?? { kind, orderDate: r.orderDate, orderNumber: r.orderNumber, people: 0, handedOver: 0, dueDate: null, doneOn: null, doneBy: null };
    g.people++;
    if (r.dueDate && (!g.dueDate || r.dueDate < g.dueDate)) g.dueDate = r.dueDate;
    if (r.status === 'handedOver') {
      g.handedOver++;
      if (r.handedOverOn && (!g.doneOn || r.handedOverOn >= g.doneOn)) {
        g.doneOn = r.handedOverOn;
        g.doneBy = r.handedOverBy;
      }
    }
    groups.set(key, g);
  }
  return [...groups.values()];
}

async function yearFacts(ctx: HandlerContext, y: AcademicYear, checkIds: ReadonlySet<CheckId>): Promise<{ facts: YearFacts; classes: SchoolClass[] }> {
  const db = ctx.core.db;
  const [schemes, events, entries, transfers, classes] = await Promise.all([listSchemes(db, y.id), listEvents(db, y.id), listEntries(db, y.id), listTransfers(db, y.id), listClasses(db, y.id)]);
  const [eventTraces, entryTraces, transferTraces] = await Promise.all([
    creationTraces(db, 'schoolEvent', events.map((e) => e.id)),
    creationTraces(db, 'calendarEntry', entries.map((e) => e.id)),
    creationTraces(db, 'dayTransfer', transfers.map((t) => t.id)),
  ]);
  const teacherOf = new Map(classes.map((c) => [c.id, c.classTeacherName]));
  const checks: YearFacts['checks'] = {};
  if (checkIds.has('schoolData')) checks.schoolData = await schoolDataCheck(ctx, y.id, classes);
  if (checkIds.has('curriculum')) checks.curriculum = await curriculumCheck(ctx, y.id);
  if (checkIds.has('timetable')) checks.timetable = await timetableCheck(ctx, y.id, classes);
  return {
    classes,
    facts: {
      id: y.id,
      name: y.name,
      startDate: y.startDate,
      endDate: y.endDate,
      isClosed: y.isClosed,
      periods: schemes.flatMap((s) => s.periods.map((p) => ({ id: p.id, schemeName: s.name, name: p.name, endDate: p.endDate, grades: s.grades }))),
      events: events.map((e) => ({ id: e.id, title: e.title, date: e.date, classId: e.classId, className: e.className, ownerName: e.classId ? (teacherOf.get(e.classId) ?? null) : null, entered: entered(eventTraces, e.id) })),
      entries: entries.map((e) => ({ id: e.id, kind: e.kind, name: e.name, startDate: e.startDate, endDate: e.endDate, entered: entered(entryTraces, e.id) })),
      transfers: transfers.map((t) => ({ id: t.id, date: t.date, reason: t.reason, entered: entered(transferTraces, t.id) })),
      checks,
    },
  };
}

export interface GatherOptions {
  /** Which academic years make tasks (all by default). */
  years?: (y: AcademicYear) => boolean;
  /** Which checks of the year's data to run (the slow part): all by default. */
  checks?: readonly CheckId[];
}

export async function gatherFacts(ctx: HandlerContext, opts: GatherOptions = {}): Promise<Gathered> {
  const db = ctx.core.db;
  const allYears = await listYears(db);
  const production = await loadEffectiveProductionCalendar(db, ctx.core.logger);
  // Working days count the school's transfers of every year, whichever years make tasks.
  const allTransfers = (await Promise.all(allYears.map((y) => listTransfers(db, y.id)))).flat();
  const cal = officeCalendar(production, allTransfers.map((t) => ({ date: t.date, dayOff: t.dayOff, allGrades: t.grades === 'all' })));
  const years = allYears.filter(opts.years ?? (() => true)).sort((a, b) => a.startDate.localeCompare(b.startDate));
  const perYear = [];
  const checkIds = new Set<CheckId>(opts.checks ?? CHECK_IDS);
  for (const y of years) perYear.push(await yearFacts(ctx, y, checkIds));
  const [accounts, transferItems] = await Promise.all([accountTaskRecords(db), signedTransferItems(db)]);
  return {
    facts: { years: perYear.map((p) => p.facts), accountGroups: groupAccounts(accounts), transferItems },
    cal,
    production,
    classes: perYear.flatMap((p) => p.classes),
  };
}

/** The office calendar alone (production calendar and the school's transfers), for one due date inside a transaction. */
export async function officeCalendarIn(db: Parameters<typeof listYears>[0]): Promise<OfficeCalendar> {
  const years = await listYears(db);
  const transfers = (await Promise.all(years.map((y) => listTransfers(db, y.id)))).flat();
  return officeCalendar(await loadEffectiveProductionCalendar(db), transfers.map((t) => ({ date: t.date, dayOff: t.dayOff, allGrades: t.grades === 'all' })));
}

import { orderYearAmong } from '../../movement/index';
import { allClasses, allYears, numberedOrders, portalIdsOf, pupilsOfOrders } from '../repo/planReads';
import { classKey, type PlanContext } from './planContext';
import type { Executor } from '../../foundation/executor';

/** What planning the movement-book export needs from the database, read once per file. */
export interface KnownOrder {
  id: string;
  academicYearId: string;
  numberText: string;
  orderType: string;
  orderDate: string;
  source: string;
}

export interface BookYear {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
}

export interface BookContext {
  /** The year an order of that date is numbered in (as `yearForOrder` decides for orders made here). */
  yearFor(date: string): BookYear | undefined;
  nextYear(yearId: string): BookYear | undefined;
  classId(yearId: string, className: string): string | null;
  /** Orders imported before, by `movebook:<type>|<number>|<date>`. */
  byPortalId: Map<string, KnownOrder>;
  /** Numbered orders by `<yearId>|<number text>` (the number is unique within a year). */
  byNumber: Map<string, KnownOrder>;
  pupilsOf(orderId: string): Set<string>;
}

export async function loadBookContext(db: Executor, ctx: PlanContext, groups: readonly { portalId: string; number: string }[]): Promise<BookContext> {
  const years = (await allYears(db)) as BookYear[];
  const classes = new Map<string, Map<string, string>>();
  for (const c of await allClasses(db)) {
    let m = classes.get(c.academicYearId);
    if (!m) classes.set(c.academicYearId, (m = new Map()));
    m.set(classKey(c.name), c.id);
  }
  // The current year's classes include those ExportCM plans to create in this same pull.
  if (ctx.year) classes.set(ctx.year.id, new Map([...(classes.get(ctx.year.id) ?? []), ...ctx.classes]));

  const numbers = new Set(groups.map((g) => g.number).filter(Boolean));
  const orders = numbers.size
    ? await numberedOrders(db)
    : [];
  const byNumber = new Map<string, KnownOrder>();
  const byId = new Map<string, KnownOrder>();
  for (const o of orders) {
    const k = { ...o, numberText: o.numberText as string };
    byId.set(o.id, k);
    if (numbers.has(k.numberText)) byNumber.set(`${o.academicYearId}|${k.numberText}`, k);
  }
  const refs = await portalIdsOf(db, 'movementOrder');
  const wanted = new Set(groups.map((g) => g.portalId));
  const byPortalId = new Map<string, KnownOrder>();
  for (const r of refs) {
    const o = byId.get(r.recordId);
    if (o && wanted.has(r.portalId)) byPortalId.set(r.portalId, o);
  }
  const ids = [...new Set([...byPortalId.values(), ...byNumber.values()].map((o) => o.id))];
  const pupils = new Map<string, Set<string>>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const it of await pupilsOfOrders(db, ids.slice(i, i + 500))) {
      let s = pupils.get(it.orderId);
      if (!s) pupils.set(it.orderId, (s = new Set()));
      s.add(it.pupilId);
    }
  }
  return {
    yearFor: (date) => orderYearAmong(years, date),
    nextYear(yearId) {
      const y = years.find((x) => x.id === yearId);
      return y ? years.find((x) => x.startDate > y.endDate) : undefined;
    },
    classId: (yearId, className) => classes.get(yearId)?.get(classKey(className)) ?? null,
    byPortalId,
    byNumber,
    pupilsOf: (orderId) => pupils.get(orderId) ?? new Set(),
  };
}

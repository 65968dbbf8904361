import type { MovementReport } from '../../../../src-shared/contract/movementReports';
import { arrivalColumn, departureColumn, emptyMovement, reconciles, type MovementEntry } from '../../../../src-shared/domain/movement/reportColumns';
import { compareRu } from '../../../../src-shared/domain/names';
import { itemDetails } from '../../movement/index';
import { inChunks, typeLabel } from '../../movement/index';
import { membershipsOverlapping } from '../../movement/index';
import { pupilDictionary, pupilFacts } from './pupilFacts';
import type { Executor } from '../../foundation/executor';

/**
 * «Движение учащихся по школе» for [from, to]. A class's number at the start is its roster on
 * `from`, at the end its roster on `to`; a membership that starts after `from` and on or before
 * `to` is an arrival, one that ends in that span a departure. By this definition the numbers always
 * reconcile (start + arrived − left = end) and match «Наполняемость классов» on both dates.
 */
export async function movementReport(db: Executor, from: string, to: string): Promise<MovementReport> {
  const members = await membershipsOverlapping(db, from, to);
  const years = await db.selectFrom('academicYear').select(['id']).where('startDate', '<=', to).where('endDate', '>=', from).execute();
  const yearIds = years.map((y) => y.id);
  const classIds = [...new Set(members.map((m) => m.classId))];
  const classes = await db
    .selectFrom('schoolClass as c')
    .innerJoin('academicYear as y', 'y.id', 'c.academicYearId')
    .select(['c.id', 'c.name', 'c.grade', 'c.letter', 'y.name as yearName', 'y.startDate'])
    .where((eb) => eb.or([eb('c.academicYearId', 'in', [...yearIds, '-']), eb('c.id', 'in', [...classIds, '-'])]))
    .execute();
  const itemIds = [...new Set(members.flatMap((m) => [m.orderItemId, m.endOrderItemId]).filter((x): x is string => Boolean(x)))];
  const items = await inChunks(itemIds, (chunk) =>
    db
      .selectFrom('movementOrderItem as i')
      .innerJoin('movementOrder as o', 'o.id', 'i.orderId')
      .select(['i.id', 'o.orderType', 'o.numberText', 'i.enrollKind', 'i.originSchool', 'i.originDocument', 'i.destinationKind', 'i.destinationSchool', 'i.reason'])
      .where('i.id', 'in', chunk)
      .execute(),
  );
  const itemOf = new Map(items.map((i) => [i.id, i]));
  const data = new Map(classes.map((c) => [c.id, emptyMovement()]));
  const entry = (pupilId: string, date: string, itemId: string | null, cause: string | null): MovementEntry => {
    const i = itemId ? itemOf.get(itemId) : undefined;
    // A promotion or graduation has no details of its own: the kind of order says what happened.
    const detail = i ? itemDetails(i) || typeLabel(i.orderType) : (cause ?? 'без приказа');
    return { pupilId, date, orderNumber: i?.numberText ?? null, detail };
  };
  for (const m of members) {
    const row = data.get(m.classId);
    if (!row) continue;
    if (m.startDate <= from && (m.endDate === null || m.endDate > from)) row.start.push(m.pupilId);
    if (m.startDate <= to && (m.endDate === null || m.endDate > to)) row.end.push(m.pupilId);
    if (m.startDate > from && m.startDate <= to) {
      const i = m.orderItemId ? itemOf.get(m.orderItemId) : undefined;
      row.arrivals[arrivalColumn(i?.orderType ?? null, i?.enrollKind ?? null)].push(entry(m.pupilId, m.startDate, m.orderItemId, m.cause));
    }
    if (m.endDate !== null && m.endDate > from && m.endDate <= to) {
      const i = m.endOrderItemId ? itemOf.get(m.endOrderItemId) : undefined;
      row.departures[departureColumn(i?.orderType ?? null, i?.destinationKind ?? null)].push(entry(m.pupilId, m.endDate, m.endOrderItemId, null));
    }
  }
  const facts = await pupilFacts(db, members.map((m) => m.pupilId));
  const byName = (a: string, b: string) => compareRu(facts.get(a)?.fullName ?? '', facts.get(b)?.fullName ?? '');
  const rows = classes
    .sort((a, b) => a.startDate.localeCompare(b.startDate) || Number(a.grade) - Number(b.grade) || compareRu(a.letter, b.letter))
    .map((c) => {
      const d = data.get(c.id) ?? emptyMovement();
      d.start.sort(byName);
      d.end.sort(byName);
      return { classId: c.id, name: c.name, grade: Number(c.grade), yearName: c.yearName, ...d };
    });
  const problems = rows.filter((r) => !reconciles(r)).map((r) => `${r.name} (${r.yearName})`);
  return { from, to, rows, pupils: pupilDictionary(facts), problems };
}

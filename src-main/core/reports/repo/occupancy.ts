import type { OccupancyReport } from '../../../../src-shared/contract/movementReports';
import { OCCUPANCY_KEYS, type OccupancyColumn } from '../../../../src-shared/domain/movement/reportColumns';
import { compareRu, fullName } from '../../../../src-shared/domain/names';
import { yearOfDate } from '../../movement/index';
import { allMembershipsOn } from '../../movement/index';
import { pupilDictionary, pupilFacts } from './pupilFacts';
import type { Executor } from '../../foundation/executor';

/**
 * «Наполняемость классов» on a date (work order §3.10): every class of the year containing the date,
 * with the pupils behind each number, from the dated class membership.
 */
export async function occupancyReport(db: Executor, date: string): Promise<OccupancyReport> {
  const year = await yearOfDate(db, date);
  const members = await allMembershipsOn(db, date);
  const classIds = new Set(members.map((m) => m.classId));
  let q = db
    .selectFrom('schoolClass as c')
    .leftJoin('staff as t', 't.id', 'c.classTeacherId')
    .select(['c.id', 'c.name', 'c.grade', 'c.letter', 't.lastName', 't.firstName', 't.middleName']);
  q = year ? q.where((eb) => eb.or([eb('c.academicYearId', '=', year.id), eb('c.id', 'in', [...classIds, '-'])])) : q.where('c.id', 'in', [...classIds, '-']);
  const classes = (await q.execute()).sort((a, b) => Number(a.grade) - Number(b.grade) || compareRu(a.letter, b.letter));
  const facts = await pupilFacts(db, members.map((m) => m.pupilId));
  // Members grouped by class once: scanning every membership for every class is quadratic and took
  // most of a district's run (4 000 classes × 100 000 pupils).
  const byClass = new Map<string, typeof members>();
  for (const m of members) {
    const list = byClass.get(m.classId);
    if (list) list.push(m);
    else byClass.set(m.classId, [m]);
  }
  const rows = classes.map((c) => {
    const cells = Object.fromEntries(OCCUPANCY_KEYS.map((k) => [k, [] as string[]])) as Record<OccupancyColumn, string[]>;
    for (const m of byClass.get(c.id) ?? []) {
      const p = facts.get(m.pupilId);
      cells.total.push(m.pupilId);
      if (p?.sex === 'Ж') cells.girls.push(m.pupilId);
      else cells.boys.push(m.pupilId);
      if (p?.ovz) cells.ovz.push(m.pupilId);
      if (p?.boarding) cells.boarding.push(m.pupilId);
      if (p?.homeSchooling) cells.homeSchooling.push(m.pupilId);
    }
    for (const k of OCCUPANCY_KEYS) cells[k].sort((a, b) => compareRu(facts.get(a)?.fullName ?? '', facts.get(b)?.fullName ?? ''));
    return {
      classId: c.id,
      name: c.name,
      grade: Number(c.grade),
      classTeacherName: c.lastName ? fullName({ lastName: c.lastName, firstName: c.firstName ?? '', middleName: c.middleName }) : null,
      cells,
    };
  });
  return { date, yearName: year?.name ?? null, rows, pupils: pupilDictionary(facts) };
}

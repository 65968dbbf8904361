import { loadPeopleIndex, type PeopleIndex } from './peopleIndex';
import { allParentLinks, allPortalAccounts, classesOfYear, membershipsOfYear, planYear } from '../repo/planReads';
import type { Executor } from '../../foundation/executor';
import { schoolToday } from '../../foundation/clock';

/** What a pull plan is computed against: the current year, its classes, the people indexes. */
export interface PlanContext {
  today: string;
  year: { id: string; name: string; startDate: string; endDate: string } | null;
  /** Class name (upper case, no spaces) → id, in the current year; planned classes are added. */
  classes: Map<string, string>;
  /** Pupil id → current class name. */
  pupilClass: Map<string, string>;
  /**
   * Pupils with a class in the current year but none today (withdrawn, or enrolled from a later
   * date): the movement book decides their class, a pull never re-enrols them.
   */
  pupilElsewhen: Map<string, { className: string; startDate: string; endDate: string | null }>;
  pupils: PeopleIndex;
  parents: PeopleIndex;
  staff: PeopleIndex;
  links: Set<string>;
  /** Pupil id → the office's parent links (who and how related). */
  familyOf: Map<string, { parentId: string; relation: string }[]>;
  accounts: Map<string, { id: string; status: string; login: string | null; version: number }>;
}

const classKeys = new Map<string, string>();

export function classKey(name: string): string {
  let k = classKeys.get(name);
  if (k === undefined) {
    if (classKeys.size > 10_000) classKeys.clear();
    classKeys.set(name, (k = name.replace(/["«»\s]/g, '').toUpperCase()));
  }
  return k;
}

export async function loadPlanContext(db: Executor, today = schoolToday()): Promise<PlanContext> {
  const year = await planYear(db, today);
  const classes = new Map<string, string>();
  const pupilClass = new Map<string, string>();
  const pupilElsewhen: PlanContext['pupilElsewhen'] = new Map();
  if (year) {
    const rows = await classesOfYear(db, year.id);
    for (const c of rows) classes.set(classKey(c.name), c.id);
    const on = today < year.startDate ? year.startDate : today > year.endDate ? year.endDate : today;
    const members = await membershipsOfYear(db, year.id);
    for (const m of members) {
      if (m.startDate <= on && (m.endDate === null || m.endDate > on)) pupilClass.set(m.pupilId, m.name);
      else pupilElsewhen.set(m.pupilId, { className: m.name, startDate: m.startDate, endDate: m.endDate });
    }
    for (const id of pupilClass.keys()) pupilElsewhen.delete(id);
  }
  const linkRows = await allParentLinks(db);
  const links = new Set(linkRows.map((l) => `${l.pupilId}|${l.parentId}`));
  const familyOf: PlanContext['familyOf'] = new Map();
  for (const l of linkRows) {
    const list = familyOf.get(l.pupilId);
    if (list) list.push({ parentId: l.parentId, relation: l.relation });
    else familyOf.set(l.pupilId, [{ parentId: l.parentId, relation: l.relation }]);
  }
  const accounts = new Map(
    (await allPortalAccounts(db)).map((a) => [
      `${a.personKind}|${a.personId}`,
      { id: a.id, status: a.status, login: a.login, version: Number(a.version) },
    ]),
  );
  return {
    today,
    year,
    classes,
    pupilClass,
    pupilElsewhen,
    pupils: await loadPeopleIndex(db, 'pupil'),
    parents: await loadPeopleIndex(db, 'parent'),
    staff: await loadPeopleIndex(db, 'staff'),
    links,
    familyOf,
    accounts,
  };
}

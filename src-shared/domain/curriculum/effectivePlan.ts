import { normaliseHours } from './hours';
import type { PlanPart } from './parts';

/** One row of a plan: a subject in a part with its weekly hours by period and how it is taught. */
export interface PlanRow {
  subjectId: string;
  part: PlanPart;
  /** One number per study period, or one number for the whole year. */
  hours: number[];
  /** 1 — the whole class; 2–4 — taught in that many subgroups. */
  groups: number;
  /** 0 — no doubles; n — n double lessons a week; -1 — every lesson in pairs. */
  doubles: number;
  /** Form of промежуточная аттестация. */
  assessment: string | null;
}

/** A class's own row: a change of the grade's row, an extra subject, or (`excluded`) a grade row the class does not take. */
export interface ClassRow extends PlanRow {
  excluded: boolean;
}

export type RowOrigin = 'grade' | 'changed' | 'added' | 'removed';

export interface EffectiveRow extends PlanRow {
  origin: RowOrigin;
}

export function rowKey(r: { subjectId: string; part: PlanPart }): string {
  return `${r.subjectId}|${r.part}`;
}

export function sameRow(a: PlanRow, b: PlanRow): boolean {
  const ha = normaliseHours(a.hours);
  const hb = normaliseHours(b.hours);
  return (
    a.subjectId === b.subjectId &&
    a.part === b.part &&
    ha.length === hb.length &&
    ha.every((h, i) => h === hb[i]) &&
    a.groups === b.groups &&
    a.doubles === b.doubles &&
    (a.assessment ?? '') === (b.assessment ?? '')
  );
}

/**
 * A class's plan: the grade's rows, each replaced by the class's own row for the same subject and part,
 * without the rows the class excludes, plus the class's extra subjects. Removed rows stay in the result
 * (origin `removed`) so an editor can show and restore them; `activeRows` drops them.
 */
export function effectiveRows(gradeRows: readonly PlanRow[], classRows: readonly ClassRow[]): EffectiveRow[] {
  const own = new Map(classRows.map((r) => [rowKey(r), r]));
  const out: EffectiveRow[] = [];
  for (const g of gradeRows) {
    const c = own.get(rowKey(g));
    if (!c) out.push({ ...g, origin: 'grade' });
    else if (c.excluded) out.push({ ...g, origin: 'removed' });
    else out.push({ ...strip(c), origin: sameRow(c, g) ? 'grade' : 'changed' });
    own.delete(rowKey(g));
  }
  for (const c of own.values()) if (!c.excluded) out.push({ ...strip(c), origin: 'added' });
  return out;
}

export function activeRows<T extends EffectiveRow>(rows: readonly T[]): T[] {
  return rows.filter((r) => r.origin !== 'removed');
}

function strip(r: ClassRow): PlanRow {
  return { subjectId: r.subjectId, part: r.part, hours: normaliseHours(r.hours), groups: r.groups, doubles: r.doubles, assessment: r.assessment };
}

/**
 * What a class must store so that `effectiveRows(gradeRows, result)` gives `wanted`: rows that differ
 * from the grade, extra rows, and an `excluded` row for every grade row the class dropped. A row equal
 * to the grade's is not stored, so later changes of the grade plan reach the class.
 */
export function classOverrides(gradeRows: readonly PlanRow[], wanted: readonly PlanRow[]): ClassRow[] {
  const wantedByKey = new Map(wanted.map((r) => [rowKey(r), r]));
  const out: ClassRow[] = [];
  for (const g of gradeRows) {
    const w = wantedByKey.get(rowKey(g));
    if (!w) out.push({ ...g, hours: normaliseHours(g.hours), excluded: true });
    else if (!sameRow(w, g)) out.push({ ...w, hours: normaliseHours(w.hours), excluded: false });
    wantedByKey.delete(rowKey(g));
  }
  for (const w of wantedByKey.values()) out.push({ ...w, hours: normaliseHours(w.hours), excluded: false });
  return out;
}

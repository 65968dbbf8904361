import type { PlanDetail, PlanRowInput } from '../../../src-shared/contract/curriculum';
import type { PlanRow, RowOrigin } from '../../../src-shared/domain/curriculum/effectivePlan';
import { expandHours, formatHours, normaliseHours, parseHours, periodWeeks } from '../../../src-shared/domain/curriculum/hours';
import { describeDoubles, parseDoubles, type PlanPart } from '../../../src-shared/domain/curriculum/parts';

/**
 * The plan editor's rows as typed text, so a half-typed cell («2,») never loses what the person
 * typed; `parseRow` turns them into plan rows and Russian cell errors.
 */
export interface EditRow {
  key: string;
  subjectId: string;
  subjectName: string;
  part: PlanPart;
  /** One text per study period (the single-column mode edits all of them at once). */
  hours: string[];
  groups: string;
  doubles: string;
  assessment: string;
  origin: RowOrigin;
}

export type CellColumn = 'hours' | 'groups' | 'doubles' | 'assessment';

export interface ParsedRow {
  row: PlanRow | null;
  errors: Partial<Record<CellColumn | `hours.${number}`, string>>;
}

let seq = 0;
export function rowKeyLocal(): string {
  seq += 1;
  return `r${seq}`;
}

export function fromDetail(detail: PlanDetail): EditRow[] {
  const n = detail.periods.length;
  return detail.rows.map((r) => ({
    key: rowKeyLocal(),
    subjectId: r.subjectId,
    subjectName: r.subjectName,
    part: r.part,
    hours: expandHours(r.hours, n).map(formatHours),
    groups: r.groups > 1 ? String(r.groups) : '',
    doubles: describeDoubles(r.doubles),
    assessment: r.assessment ?? '',
    origin: r.origin,
  }));
}

export function parseRow(r: EditRow): ParsedRow {
  const errors: ParsedRow['errors'] = {};
  const hours = r.hours.map((text, i) => {
    const p = parseHours(text);
    if ('error' in p) {
      errors[`hours.${i}`] = p.error;
      return 0;
    }
    return p.value;
  });
  const g = r.groups.trim() === '' ? 1 : Number(r.groups.trim());
  if (!Number.isInteger(g) || g < 1 || g > 4) errors.groups = 'подгрупп — от 1 (без деления) до 4';
  const d = parseDoubles(r.doubles);
  if (d === null) errors.doubles = 'сдвоенные уроки: пусто, число пар (1–5) или «все»';
  if (r.assessment.length > 200) errors.assessment = 'не длиннее 200 символов';
  if (Object.keys(errors).length) return { row: null, errors };
  return {
    row: { subjectId: r.subjectId, part: r.part, hours: normaliseHours(hours), groups: g, doubles: d ?? 0, assessment: r.assessment.trim() || null },
    errors,
  };
}

export function activeEditRows(rows: readonly EditRow[]): EditRow[] {
  return rows.filter((r) => r.origin !== 'removed');
}

export function toInput(rows: readonly EditRow[]): PlanRowInput[] | null {
  const out: PlanRowInput[] = [];
  for (const r of activeEditRows(rows)) {
    const p = parseRow(r);
    if (!p.row) return null;
    out.push(p.row);
  }
  return out;
}

/** Rows whose text differs from the loaded plan. */
export function sameRows(a: readonly EditRow[], b: readonly EditRow[]): boolean {
  const strip = (rows: readonly EditRow[]) => JSON.stringify(rows.map(({ key: _k, subjectName: _n, ...rest }) => rest));
  return strip(a) === strip(b);
}

/**
 * The grade's periods with the weeks a year being typed, shared out as the server will share them
 * (by the periods' calendar length), so annual hours and checks follow the field at once.
 */
export function periodsWithWeeks(periods: PlanDetail['periods'], yearWeeks: number): PlanDetail['periods'] {
  const spans = periods.flatMap((p) => (p.startDate && p.endDate ? [{ startDate: p.startDate, endDate: p.endDate }] : []));
  const weeks = spans.length === periods.length ? periodWeeks(spans, yearWeeks) : [yearWeeks];
  return periods.map((p, i) => ({ ...p, weeks: weeks[i] ?? 0 }));
}

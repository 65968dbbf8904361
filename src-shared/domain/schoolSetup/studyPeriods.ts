/**
 * Study periods (учебные периоды): a scheme per group of grades — quarters, trimesters,
 * half-years or the whole year — with dated periods. Rules: a period lies inside the academic
 * year, periods do not overlap, and every school day between the first and the last day of the
 * year belongs to some period (a gap is allowed only where there are no lessons: holidays,
 * weekends, federal days off).
 */
import { addDays, dateRange, formatRu, type IsoDate } from '../calendar/dates';

export const PERIOD_KINDS = {
  quarters: { label: 'Четверти', count: 4, periodName: (n: number) => `${n} четверть` },
  trimesters: { label: 'Триместры', count: 3, periodName: (n: number) => `${n} триместр` },
  halfYears: { label: 'Полугодия', count: 2, periodName: (n: number) => `${n} полугодие` },
  year: { label: 'Учебный год (без деления)', count: 1, periodName: () => 'Учебный год' },
} as const;

export type PeriodKind = keyof typeof PERIOD_KINDS;
export const PERIOD_KIND_KEYS = Object.keys(PERIOD_KINDS) as PeriodKind[];

export interface DatedPeriod {
  name: string;
  startDate: IsoDate;
  endDate: IsoDate;
}

export interface YearBounds {
  name: string;
  startDate: IsoDate;
  endDate: IsoDate;
}

export function describeRange(from: IsoDate, to: IsoDate): string {
  return from === to ? formatRu(from) : `${formatRu(from)}–${formatRu(to)}`;
}

/**
 * Hard errors of a scheme's dates, in Russian, each naming the periods in conflict: wrong count
 * for the kind, end before start, outside the year, overlap.
 */
export function checkPeriodDates(kind: PeriodKind, periods: readonly DatedPeriod[], year: YearBounds): string[] {
  const errors: string[] = [];
  const def = PERIOD_KINDS[kind];
  if (periods.length !== def.count) {
    errors.push(`для вида «${def.label}» нужно периодов: ${def.count}, указано: ${periods.length}`);
  }
  const names = new Set<string>();
  for (const p of periods) {
    if (names.has(p.name)) errors.push(`период «${p.name}» указан дважды`);
    names.add(p.name);
    if (p.endDate < p.startDate) {
      errors.push(`период «${p.name}»: дата окончания ${formatRu(p.endDate)} раньше даты начала ${formatRu(p.startDate)}`);
      continue;
    }
    if (p.startDate < year.startDate || p.endDate > year.endDate) {
      errors.push(
        `период «${p.name}» (${describeRange(p.startDate, p.endDate)}) выходит за пределы учебного года ${year.name} ` +
          `(${describeRange(year.startDate, year.endDate)})`,
      );
    }
  }
  const valid = periods.filter((p) => p.endDate >= p.startDate).sort((a, b) => (a.startDate < b.startDate ? -1 : 1));
  for (let i = 0; i < valid.length; i++) {
    for (let j = i + 1; j < valid.length; j++) {
      const a = valid[i];
      const b = valid[j];
      if (b.startDate > a.endDate) break;
      const to = a.endDate < b.endDate ? a.endDate : b.endDate;
      errors.push(
        `периоды «${a.name}» (${describeRange(a.startDate, a.endDate)}) и «${b.name}» (${describeRange(b.startDate, b.endDate)}) ` +
          `пересекаются: ${describeRange(b.startDate, to)}`,
      );
    }
  }
  return errors;
}

export interface PeriodGap {
  from: IsoDate;
  to: IsoDate;
  /** The school days inside the gap that no period covers. */
  schoolDays: IsoDate[];
  after: string | null;
  before: string | null;
}

/**
 * Stretches of the year outside every period that still contain school days. `isSchoolDay`
 * answers for the scheme's grades (true when any of them has lessons on the date).
 */
export function findPeriodGaps(periods: readonly DatedPeriod[], year: YearBounds, isSchoolDay: (date: IsoDate) => boolean): PeriodGap[] {
  const sorted = periods.filter((p) => p.endDate >= p.startDate).sort((a, b) => (a.startDate < b.startDate ? -1 : 1));
  const gaps: PeriodGap[] = [];
  let cursor = year.startDate;
  let after: string | null = null;
  const consider = (from: IsoDate, to: IsoDate, before: string | null) => {
    if (to < from) return;
    const schoolDays = dateRange(from, to).filter(isSchoolDay);
    if (schoolDays.length) gaps.push({ from, to, schoolDays, after, before });
  };
  for (const p of sorted) {
    if (p.startDate > cursor) consider(cursor, addDays(p.startDate, -1), p.name);
    if (p.endDate >= cursor) cursor = addDays(p.endDate, 1);
    after = p.name;
  }
  consider(cursor, year.endDate, null);
  return gaps;
}

export function describeGap(gap: PeriodGap): string {
  const where =
    gap.after && gap.before
      ? `между «${gap.after}» и «${gap.before}»`
      : gap.before
        ? `до «${gap.before}»`
        : gap.after
          ? `после «${gap.after}»`
          : 'в учебном году';
  const shown = gap.schoolDays.slice(0, 5).map(formatRu).join(', ');
  const more = gap.schoolDays.length > 5 ? ` и ещё ${gap.schoolDays.length - 5}` : '';
  return `${where} есть учебные дни вне периодов: ${shown}${more} — добавьте каникулы на эти дни или сдвиньте даты периодов`;
}

export interface HolidaySpan {
  from: IsoDate;
  to: IsoDate;
}

/**
 * Dates the form proposes for a new scheme. Quarters are the stretches between the holidays of
 * all grades when there are exactly three of them inside the year (the usual autumn, winter and
 * spring breaks); otherwise calendar months are used: Sept–Oct, Nov–Dec, Jan–Mar, Apr–end.
 */
export function suggestPeriods(kind: PeriodKind, year: YearBounds, holidays: readonly HolidaySpan[]): DatedPeriod[] {
  const def = PERIOD_KINDS[kind];
  const y1 = year.startDate.slice(0, 4);
  const y2 = String(Number(y1) + 1);
  const inside = holidays
    .filter((h) => h.from > year.startDate && h.to < year.endDate)
    .sort((a, b) => (a.from < b.from ? -1 : 1));
  const segments: [IsoDate, IsoDate][] = [];
  let start = year.startDate;
  for (const h of inside) {
    segments.push([start, addDays(h.from, -1)]);
    start = addDays(h.to, 1);
  }
  segments.push([start, year.endDate]);
  const make = (ranges: [IsoDate, IsoDate][]) => ranges.map(([s, e], i) => ({ name: def.periodName(i + 1), startDate: s, endDate: e }));

  if (kind === 'year') return make([[year.startDate, year.endDate]]);
  if (kind === 'quarters') {
    if (segments.length === 4) return make(segments);
    return make([
      [year.startDate, `${y1}-10-31`],
      [`${y1}-11-01`, `${y1}-12-31`],
      [`${y2}-01-01`, `${y2}-03-31`],
      [`${y2}-04-01`, year.endDate],
    ]);
  }
  if (kind === 'halfYears') {
    // The winter break separates the half-years when there is one around New Year.
    const winter = inside.find((h) => h.from <= `${y2}-01-01` && h.to >= `${y1}-12-31`) ?? inside.find((h) => h.from.slice(5, 7) === '12');
    if (winter) return make([[year.startDate, addDays(winter.from, -1)], [addDays(winter.to, 1), year.endDate]]);
    return make([[year.startDate, `${y1}-12-31`], [`${y2}-01-01`, year.endDate]]);
  }
  return make([
    [year.startDate, `${y1}-11-30`],
    [`${y1}-12-01`, addDays(`${y2}-03-01`, -1)],
    [`${y2}-03-01`, year.endDate],
  ]);
}

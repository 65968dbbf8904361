/**
 * Weekly hours of a plan row by study period, and what they add up to over the year. A row stores one
 * number per period of its grade's scheme (`[2, 0]` — the first half-year only) or a single number
 * for the whole year (`[3]`).
 */

export const HOURS_STEP = 0.5;
export const HOURS_MAX = 12;

/** Rounds to hundredths so that 0.1 + 0.2 sums read as people expect. */
export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** `[2, 2, 2, 2]` → `[2]`: a row with the same hours all year is stored as one number. */
export function normaliseHours(hours: readonly number[]): number[] {
  if (hours.length === 0) return [0];
  return hours.every((h) => h === hours[0]) ? [hours[0]] : [...hours];
}

/** Hours of a row in one period (0-based) of a grade with `periodCount` periods. */
export function hoursInPeriod(hours: readonly number[], index: number, periodCount: number): number {
  if (hours.length === 1) return hours[0];
  if (hours.length === periodCount) return hours[index] ?? 0;
  // Stored for another scheme (the grade's periods changed): the nearest stored value, and a check says so.
  return hours[Math.min(index, hours.length - 1)] ?? 0;
}

/** Hours per period expanded to the grade's period count. */
export function expandHours(hours: readonly number[], periodCount: number): number[] {
  return Array.from({ length: Math.max(1, periodCount) }, (_, i) => hoursInPeriod(hours, i, periodCount));
}

export interface DatedSpan {
  startDate: string;
  endDate: string;
}

function days(span: DatedSpan): number {
  const a = Date.parse(`${span.startDate}T00:00:00Z`);
  const b = Date.parse(`${span.endDate}T00:00:00Z`);
  return Number.isFinite(a) && Number.isFinite(b) && b >= a ? (b - a) / 86_400_000 + 1 : 0;
}

/**
 * Study weeks of each period, whole numbers adding up to `yearWeeks`, shared by the periods' calendar
 * length (largest remainder). Half-years of 1 Sep–28 Dec and 9 Jan–26 May give 16 and 18 weeks —
 * what schools write in their plans. No periods — one period of `yearWeeks`.
 */
export function periodWeeks(periods: readonly DatedSpan[], yearWeeks: number): number[] {
  if (periods.length === 0) return [yearWeeks];
  const lengths = periods.map(days);
  const total = lengths.reduce((a, b) => a + b, 0);
  if (total === 0) {
    const base = Math.floor(yearWeeks / periods.length);
    return periods.map((_, i) => base + (i < yearWeeks - base * periods.length ? 1 : 0));
  }
  const exact = lengths.map((l) => (l / total) * yearWeeks);
  const weeks = exact.map(Math.floor);
  let left = yearWeeks - weeks.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    weeks[i]++;
    left--;
  }
  return weeks;
}

/** Hours a year of a row: Σ hours of a period × its weeks. */
export function annualHours(hours: readonly number[], weeks: readonly number[]): number {
  return round2(weeks.reduce((sum, w, i) => sum + hoursInPeriod(hours, i, weeks.length) * w, 0));
}

/** The year's average per week — what a teacher is paid for (тарификация counts the whole year). */
export function averageWeekly(hours: readonly number[], weeks: readonly number[]): number {
  const total = weeks.reduce((a, b) => a + b, 0);
  return total === 0 ? 0 : round2(annualHours(hours, weeks) / total);
}

/** «2», «2,5», «2 / 0» (by period) — how hours read in messages and files. */
export function formatHours(n: number): string {
  return String(round2(n)).replace('.', ',');
}

export function formatHoursList(hours: readonly number[]): string {
  return normaliseHours(hours).map(formatHours).join(' / ');
}

/** A typed cell → hours, or a Russian reason it is not hours. */
export function parseHours(text: string): { value: number } | { error: string } {
  const t = text.trim().replace(',', '.');
  if (t === '' || t === '-' || t === '—') return { value: 0 };
  if (!/^\d+(\.\d+)?$/.test(t)) return { error: `«${text.trim()}» — не число часов` };
  const n = Number(t);
  if (n > HOURS_MAX) return { error: `не больше ${HOURS_MAX} ч в неделю` };
  if (Math.abs(n / HOURS_STEP - Math.round(n / HOURS_STEP)) > 1e-9) return { error: 'часы — целые или с половиной: 1, 1,5, 2' };
  return { value: n };
}

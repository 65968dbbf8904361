/**
 * Calendar dates as `YYYY-MM-DD` strings. All arithmetic goes through UTC milliseconds: a local
 * `Date` shifts by the time zone and by daylight-saving changes, which turns "add one day" into
 * "add 23 hours" and moves dates across midnight. UTC has neither problem. ISO strings also sort
 * and compare correctly as plain strings, so `a < b` is a valid date comparison.
 */

/** A calendar date `YYYY-MM-DD` (no time, no zone). */
export type IsoDate = string;

/** ISO weekday: 1 = Monday … 7 = Sunday (the Russian week starts on Monday). */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const DAY_MS = 86_400_000;
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const RU_RE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

export interface DateParts {
  year: number;
  /** 1 … 12 */
  month: number;
  /** 1 … 31 */
  day: number;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** The parts of a valid date, or `null` (wrong format or a date like 2026-02-30). */
function partsOrNull(year: number, month: number, day: number): DateParts | null {
  if (year < 1 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True for a real calendar date written exactly as `YYYY-MM-DD`. */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_RE.exec(value);
  return m !== null && partsOrNull(Number(m[1]), Number(m[2]), Number(m[3])) !== null;
}

/** Splits a date; throws on anything but a real `YYYY-MM-DD` date (a programming error upstream). */
export function parseIsoDate(date: IsoDate): DateParts {
  const m = ISO_RE.exec(date);
  const parts = m ? partsOrNull(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  if (!parts) throw new RangeError(`Неверная дата «${date}»: нужен формат ГГГГ-ММ-ДД`);
  return parts;
}

export function formatIsoDate(year: number, month: number, day: number): IsoDate {
  const parts = partsOrNull(year, month, day);
  if (!parts) throw new RangeError(`Неверная дата: ${year}-${month}-${day}`);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function toUtcMs(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not.
  const d = new Date(Date.UTC(2000, month - 1, day));
  d.setUTCFullYear(year);
  return d.getTime();
}

function fromUtcMs(ms: number): IsoDate {
  const d = new Date(ms);
  return formatIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The local calendar date of a moment, as the user sees it on their clock (e.g. "today"). */
export function isoFromLocalDate(d: Date): IsoDate {
  return formatIsoDate(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`Число дней должно быть целым: ${days}`);
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function weekday(date: IsoDate): Weekday {
  const jsDay = new Date(toUtcMs(date)).getUTCDay(); // 0 = Sunday
  return (jsDay === 0 ? 7 : jsDay) as Weekday;
}

export function isWeekend(date: IsoDate): boolean {
  return weekday(date) >= 6;
}

/** Whole days from `from` to `to`: positive when `to` is later, 0 for the same date. */
export function diffDays(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True when `from <= date <= to`. */
export function isBetween(date: IsoDate, from: IsoDate, to: IsoDate): boolean {
  return from <= date && date <= to;
}

/** Every date from `from` to `to`, both included; empty when `to` is before `from`. */
export function dateRange(from: IsoDate, to: IsoDate): IsoDate[] {
  const result: IsoDate[] = [];
  const end = toUtcMs(to);
  for (let ms = toUtcMs(from); ms <= end; ms += DAY_MS) result.push(fromUtcMs(ms));
  return result;
}

export function yearOf(date: IsoDate): number {
  return parseIsoDate(date).year;
}

/** `дд.мм.гггг`, the form Russian documents use. */
export function formatRu(date: IsoDate): string {
  const { year, month, day } = parseIsoDate(date);
  return `${pad(day, 2)}.${pad(month, 2)}.${pad(year, 4)}`;
}

/** Reads `д.м.гггг` / `дд.мм.гггг` typed by a user; `null` when it is not a real date. */
export function parseRu(text: string): IsoDate | null {
  const m = RU_RE.exec(text.trim());
  if (!m) return null;
  const parts = partsOrNull(Number(m[3]), Number(m[2]), Number(m[1]));
  return parts ? formatIsoDate(parts.year, parts.month, parts.day) : null;
}

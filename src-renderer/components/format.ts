import { formatRuDate } from '../../src-shared/domain/ruDate';
import { formatNumberRu, formatSizeRu } from '../../src-shared/domain/plural';

/** Dates as дд.мм.гггг everywhere in the UI. */
export function formatDateRu(iso: string | null | undefined): string {
  return iso ? formatRuDate(iso.slice(0, 10)) : '';
}

export function formatDateTimeRu(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}.${p(d.getMonth() + 1)}.${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** «14,9 МБ»: the one size format of src-shared. */
export function formatSize(bytes: number): string {
  return formatSizeRu(bytes);
}

/** Counts as Russian text writes them: «2 146». */
export function formatCount(n: number): string {
  return formatNumberRu(n);
}

/** Today as `YYYY-MM-DD` on this PC's calendar (a date field's default, a report's «на дату»). */
export function todayIso(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

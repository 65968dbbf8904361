import { formatRu } from '../../../../src-shared/domain/calendar/dates';
import { classifyRange, DAY_KIND_LABELS } from '../../../../src-shared/domain/schoolSetup/calendarDays';
import type { Executor } from '../../foundation/executor';
import { loadSchoolCalendar } from '../repo/schoolCalendar';

export interface DayOff {
  date: string;
  /** «03.11.2026 — Нерабочий праздничный день (5–11 классы)». */
  label: string;
}

/**
 * Weekdays of a range that are not school days for some of the grades (holidays, days off, federal
 * days off), for files that carry a weekly pattern over a range: the portal's timetable import skips
 * them, and the person should see which. Ordinary weekends are not listed; a day that is a school
 * day by transfer is not a day off.
 */
export async function daysOffBetween(db: Executor, yearId: string, grades: readonly number[], from: string, to: string, weekLength: number): Promise<DayOff[]> {
  const { calendar } = await loadSchoolCalendar(db, yearId);
  const byDate = new Map<string, { label: string; grades: number[] }>();
  for (const g of [...new Set(grades)].sort((a, b) => a - b)) {
    for (const d of classifyRange(calendar, g, from, to)) {
      if (d.kind === 'school' || d.kind === 'weekend' || d.kind === 'outside') continue;
      const wd = new Date(`${d.date}T00:00:00Z`).getUTCDay();
      if (wd === 0 || wd > weekLength) continue;
      const cur = byDate.get(d.date) ?? { label: d.label ?? DAY_KIND_LABELS[d.kind], grades: [] };
      cur.grades.push(g);
      byDate.set(d.date, cur);
    }
  }
  const all = [...new Set(grades)].length;
  return [...byDate.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([date, x]) => ({ date, label: `${formatRu(date)} — ${x.label}${x.grades.length < all ? ` (${x.grades.join(', ')} кл.)` : ''}` }));
}

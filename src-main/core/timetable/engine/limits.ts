import type { Limits } from './model';

/** The smallest hard (100 %) daily maximum among limits, Infinity when none. */
export function hardMaxPerDay(limits: Limits[]): number {
  let m = Infinity;
  for (const L of limits) if (L.maxPerDay && (L.maxPerDay.weight ?? 100) >= 100) m = Math.min(m, L.maxPerDay.value);
  return m;
}

/** SanPiN grades 1–4: how many lessons one day a week may have above the daily maximum. */
export function onceAWeekAllowance(limits: Limits[]): number {
  for (const L of limits) if (L.maxPerDay?.onceAWeek !== undefined) return L.maxPerDay.onceAWeek - L.maxPerDay.value;
  return 0;
}

/** Cells whose days must be gap-free and start at the first usable period (the Russian rule). */
export function isCompactLimits(limits: Limits[]): boolean {
  let gaps = false;
  let late = false;
  for (const L of limits) {
    const g = L.maxGapsPerWeek ?? L.maxGapsPerDay;
    if (g && g.value === 0 && (g.weight ?? 100) >= 100) gaps = true;
    const s = L.maxSecondPeriodStarts;
    if (s && s.value === 0 && (s.weight ?? 100) >= 100) late = true;
  }
  return gaps && late;
}

import { formatHours, round2 } from './hours';

/**
 * Teaching load against the rate (ставка). The hours of one rate and the overload bound are the
 * school's settings: 18 hours a week is one rate of a teacher (приказ Минобрнауки России от 22.12.2014
 * № 1601, прил. 1, п. 2.8.1).
 */
export interface LoadSettings {
  /** Weekly hours of one rate. */
  hoursPerRate: number;
  /** More than this many rates is marked as overload. */
  maxRates: number;
}

export const DEFAULT_LOAD_SETTINGS: LoadSettings = { hoursPerRate: 18, maxRates: 1.5 };

export const RATE_SOURCE = 'Приказ Минобрнауки России от 22.12.2014 № 1601: 18 ч в неделю — ставка учителя';

/** 27 hours at 18 an hour → 1.5 rates; two decimals. */
export function ratesOf(hours: number, hoursPerRate: number): number {
  if (hoursPerRate <= 0) return 0;
  return round2(hours / hoursPerRate);
}

export type LoadStatus = 'none' | 'under' | 'ok' | 'over';

/**
 * Overload: more than `maxRates`; underload: less than the teacher's own rate (from their positions,
 * 1 when unknown); `none` — no hours at all.
 */
export function loadStatus(hours: number, settings: LoadSettings, ownRate = 1): LoadStatus {
  if (hours <= 0) return 'none';
  if (hours > round2(settings.maxRates * settings.hoursPerRate)) return 'over';
  if (hours < round2(ownRate * settings.hoursPerRate)) return 'under';
  return 'ok';
}

export const LOAD_STATUS_LABELS: Record<LoadStatus, string> = {
  none: 'нет часов',
  under: 'недогрузка',
  ok: 'норма',
  over: 'перегрузка',
};

/** «1,5 ставки», «1 ставка», «0,25 ставки». */
export function formatRates(rates: number): string {
  const text = formatHours(rates);
  if (Number.isInteger(rates)) {
    const n = Math.abs(rates) % 100;
    const last = n % 10;
    if (n >= 11 && n <= 14) return `${text} ставок`;
    if (last === 1) return `${text} ставка`;
    if (last >= 2 && last <= 4) return `${text} ставки`;
    return `${text} ставок`;
  }
  return `${text} ставки`;
}

/** After «больше», «меньше»: «1 ставки», «1,5 ставки», «2 ставок». */
export function ratesGenitive(rates: number): string {
  const text = formatHours(rates);
  if (!Number.isInteger(rates)) return `${text} ставки`;
  const n = Math.abs(rates) % 100;
  return `${text} ${n % 10 === 1 && n !== 11 ? 'ставки' : 'ставок'}`;
}

/** Explains a status in one Russian sentence for the teacher card. */
export function describeLoad(hours: number, settings: LoadSettings, ownRate = 1): string {
  const status = loadStatus(hours, settings, ownRate);
  const base = `${formatHours(hours)} ч в неделю = ${formatRates(ratesOf(hours, settings.hoursPerRate))} (${formatHours(settings.hoursPerRate)} ч = 1 ставка)`;
  if (status === 'over') return `${base}: перегрузка — больше ${ratesGenitive(settings.maxRates)}`;
  if (status === 'under') return `${base}: недогрузка — меньше ${ratesGenitive(ownRate)} по должности (${formatHours(round2(ownRate * settings.hoursPerRate))} ч)`;
  return base;
}

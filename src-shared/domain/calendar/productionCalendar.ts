/**
 * The Russian federal production calendar (производственный календарь) for a five-day week:
 * which dates are non-working by law (art. 112 of the Labour Code) and by the yearly government
 * decree on transfers of days off. The data lives in `assets/production-calendar.json`; this module
 * validates it and answers "is this a working day" questions.
 */
import { z } from 'zod';
import { addDays, dateRange, daysInMonth, formatIsoDate, isIsoDate, parseIsoDate, weekday, yearOf } from './dates';
import type { IsoDate } from './dates';

const isoDate = z
  .string({ error: 'дата должна быть строкой' })
  .refine(isIsoDate, { error: 'дата должна быть в формате ГГГГ-ММ-ДД и существовать в календаре' });

const monthly = (what: string) => {
  const count = z
    .number({ error: `${what}: нужно число` })
    .int({ error: `${what}: нужно целое число` })
    .min(0, { error: `${what}: от 0 до 31` })
    .max(31, { error: `${what}: от 0 до 31` });
  return z
    .array(count, { error: `${what}: нужен список` })
    .length(12, { error: `${what}: нужно ровно 12 чисел — по одному на месяц` });
};

const productionYearSchema = z
  .object(
    {
      year: z
        .number({ error: 'год должен быть числом' })
        .int({ error: 'год должен быть целым числом' })
        .min(1992, { error: 'год — не раньше 1992' })
        .max(2100, { error: 'год — не позже 2100' }),
      source: z.string({ error: 'укажите источник (постановление)' }).min(1, { error: 'укажите источник (постановление)' }),
      status: z.enum(['official', 'forecast'], { error: 'статус: official (по постановлению) или forecast (прогноз)' }),
      /** Non-working public holidays of art. 112, including those that fall on a weekend. */
      holidays: z.array(isoDate, { error: 'нужен список дат' }),
      /** Weekdays made non-working by a transfer (decree or the art. 112 rule). */
      daysOff: z.array(isoDate, { error: 'нужен список дат' }),
      /** Saturdays/Sundays made working days by the decree. */
      workingWeekends: z.array(isoDate, { error: 'нужен список дат' }),
      /** Pre-holiday working days, one hour shorter (art. 95). */
      shortDays: z.array(isoDate, { error: 'нужен список дат' }),
      /** Each transfer: the rest of weekend day `from` moves to weekday `to`. */
      transfers: z.array(z.object({ from: isoDate, to: isoDate }, { error: 'перенос: нужны поля from и to' })).default([]),
      monthlyTotals: z.object(
        { working: monthly('рабочие дни'), calendarDaysOff: monthly('выходные дни') },
        { error: 'нужны помесячные итоги: working и calendarDaysOff' },
      ),
    },
    { error: 'описание года должно быть объектом' },
  )
  .superRefine((y, ctx) => {
    const issue = (message: string, path: (string | number)[]) => ctx.addIssue({ code: 'custom', message, path });
    const transferDates = y.transfers.flatMap((t) => [t.from, t.to]);
    // A malformed date is already reported; the checks below would only trip over it.
    if (![...y.holidays, ...y.daysOff, ...y.workingWeekends, ...y.shortDays, ...transferDates].every(isIsoDate)) return;
    if (transferDates.some((d) => yearOf(d) !== y.year)) issue(`перенос должен быть в пределах ${y.year} года`, ['transfers']);
    const lists = ['holidays', 'daysOff', 'workingWeekends', 'shortDays'] as const;
    for (const key of lists) {
      y[key].forEach((d, i) => {
        if (yearOf(d) !== y.year) issue(`дата ${d} не относится к ${y.year} году`, [key, i]);
      });
    }
    const holidays = new Set(y.holidays);
    const daysOff = new Set(y.daysOff);
    const workingWeekends = new Set(y.workingWeekends);
    y.daysOff.forEach((d, i) => {
      if (weekday(d) >= 6) issue(`${d} — выходной по календарю, переносить на него день отдыха бессмысленно`, ['daysOff', i]);
      if (holidays.has(d)) issue(`${d} уже указан как праздник`, ['daysOff', i]);
    });
    y.workingWeekends.forEach((d, i) => {
      if (weekday(d) < 6) issue(`${d} — не суббота и не воскресенье`, ['workingWeekends', i]);
      if (holidays.has(d)) issue(`${d} — праздник, он не может быть рабочим`, ['workingWeekends', i]);
      if (!y.transfers.some((t) => t.from === d)) issue(`для рабочего дня ${d} не указан перенос`, ['workingWeekends', i]);
    });
    y.transfers.forEach((t, i) => {
      if (!daysOff.has(t.to)) issue(`день ${t.to} из переноса не указан в daysOff`, ['transfers', i, 'to']);
      if (weekday(t.from) < 6) issue(`перенос с ${t.from}: это не выходной день`, ['transfers', i, 'from']);
    });
    const nonWorking = (d: IsoDate) =>
      holidays.has(d) || daysOff.has(d) || (weekday(d) >= 6 && !workingWeekends.has(d));
    y.shortDays.forEach((d, i) => {
      if (nonWorking(d)) issue(`сокращённый день ${d} не является рабочим`, ['shortDays', i]);
    });
    // The published monthly totals are typed in separately from the dates, so comparing them
    // catches a date forgotten or mistyped in the lists above.
    for (let month = 1; month <= 12; month++) {
      const days = dateRange(formatIsoDate(y.year, month, 1), formatIsoDate(y.year, month, daysInMonth(y.year, month)));
      const working = days.filter((d) => !nonWorking(d)).length;
      if (y.monthlyTotals.working[month - 1] !== working) {
        issue(`месяц ${month}: по датам ${working} рабочих дней, а в итогах ${y.monthlyTotals.working[month - 1]}`, ['monthlyTotals', 'working', month - 1]);
      }
      if (y.monthlyTotals.calendarDaysOff[month - 1] !== days.length - working) {
        issue(`месяц ${month}: по датам ${days.length - working} выходных дней, а в итогах ${y.monthlyTotals.calendarDaysOff[month - 1]}`, ['monthlyTotals', 'calendarDaysOff', month - 1]);
      }
    }
  });

const productionCalendarFileSchema = z.object(
  {
  description: z.string().optional(),
  workWeek: z.literal(5, { error: 'поддерживается только календарь пятидневной рабочей недели' }).optional(),
  years: z.array(productionYearSchema, { error: 'нужен список лет (years)' }).superRefine((years, ctx) => {
    const seen = new Set<number>();
    years.forEach((y, i) => {
      if (seen.has(y.year)) ctx.addIssue({ code: 'custom', message: `${y.year} год указан дважды`, path: [i, 'year'] });
      seen.add(y.year);
    });
  }),
  },
  { error: 'ожидается объект с полем years — списком лет' },
);

export type ProductionYear = z.infer<typeof productionYearSchema>;
export type ProductionCalendarFile = z.input<typeof productionCalendarFileSchema>;

/** A validated production calendar with lookup sets; build it with `loadProductionCalendar`. */
export interface ProductionCalendar {
  readonly years: ReadonlyMap<number, ProductionYear>;
  /** Holidays and transferred days off of all loaded years. */
  readonly nonWorking: ReadonlySet<IsoDate>;
  readonly holidays: ReadonlySet<IsoDate>;
  readonly workingWeekends: ReadonlySet<IsoDate>;
  readonly shortDays: ReadonlySet<IsoDate>;
  /** Working weekend → the weekday whose rest it took over (2025-11-01 → 2025-11-03). */
  readonly replaces: ReadonlyMap<IsoDate, IsoDate>;
}

export class ProductionCalendarError extends Error {
  constructor(readonly problems: string[]) {
    super(`Производственный календарь содержит ошибки:\n${problems.map((p) => `• ${p}`).join('\n')}`);
    this.name = 'ProductionCalendarError';
  }
}

function describePath(path: readonly PropertyKey[], data: unknown): string {
  // "2026, holidays[3]" reads better for a person fixing the file than "years.1.holidays.3".
  if (path.length === 0) return 'файл календаря';
  const [, index, ...rest] = path;
  const years = (data as { years?: { year?: unknown }[] } | null)?.years;
  const year = typeof index === 'number' ? years?.[index]?.year : undefined;
  const tail = rest.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
  return [year !== undefined ? `${String(year)} год` : path.map(String).join('.'), tail].filter(Boolean).join(', ');
}

/** Validates the JSON and indexes it; throws `ProductionCalendarError` with Russian messages. */
export function loadProductionCalendar(data: unknown): ProductionCalendar {
  const parsed = productionCalendarFileSchema.safeParse(data);
  if (!parsed.success) {
    throw new ProductionCalendarError(parsed.error.issues.map((i) => `${describePath(i.path, data)}: ${i.message}`));
  }
  const years = new Map<number, ProductionYear>();
  const nonWorking = new Set<IsoDate>();
  const holidays = new Set<IsoDate>();
  const workingWeekends = new Set<IsoDate>();
  const shortDays = new Set<IsoDate>();
  const replaces = new Map<IsoDate, IsoDate>();
  for (const y of parsed.data.years) {
    years.set(y.year, y);
    for (const d of y.holidays) {
      holidays.add(d);
      nonWorking.add(d);
    }
    for (const d of y.daysOff) nonWorking.add(d);
    for (const d of y.workingWeekends) workingWeekends.add(d);
    for (const d of y.shortDays) shortDays.add(d);
    for (const t of y.transfers) if (workingWeekends.has(t.from)) replaces.set(t.from, t.to);
  }
  return { years, nonWorking, holidays, workingWeekends, shortDays, replaces };
}

export function hasYear(cal: ProductionCalendar, year: number): boolean {
  return cal.years.has(year);
}

/** Years the app needs but the calendar lacks; show `missingYearsWarning` for them. */
export function missingYears(cal: ProductionCalendar, years: Iterable<number>): number[] {
  return [...new Set(years)].filter((y) => !cal.years.has(y)).sort((a, b) => a - b);
}

/** The loud warning for missing years, or `null` when every year is present. */
export function missingYearsWarning(cal: ProductionCalendar, years: Iterable<number>): string | null {
  const missing = missingYears(cal, years);
  if (missing.length === 0) return null;
  const list = missing.join(', ');
  return (
    `В производственном календаре нет данных за ${list} ${missing.length === 1 ? 'год' : 'годы'}. ` +
    'Праздники и переносы выходных не учитываются — рабочими считаются все дни с понедельника по пятницу. ' +
    'Обновите программу или добавьте календарь после выхода постановления Правительства о переносе выходных дней.'
  );
}

/** Years present only as a forecast (no decree yet), to mark them in the interface. */
export function forecastYears(cal: ProductionCalendar): number[] {
  return [...cal.years.values()].filter((y) => y.status === 'forecast').map((y) => y.year).sort((a, b) => a - b);
}

/**
 * A working day of the five-day week. For a year the calendar does not have, Monday–Friday count
 * as working: the answer is then only approximate, which is why callers check `missingYears`.
 */
export function isWorkingDay(cal: ProductionCalendar, date: IsoDate): boolean {
  if (cal.nonWorking.has(date)) return false;
  if (cal.workingWeekends.has(date)) return true;
  return weekday(date) <= 5;
}

export function isShortDay(cal: ProductionCalendar, date: IsoDate): boolean {
  return cal.shortDays.has(date);
}

/**
 * The date `n` working days after `date` (n ≥ 0): Friday + 3 → Wednesday when no holiday is in
 * between. `date` itself is not counted, so `n = 0` returns `date` even if it is a day off.
 */
export function addWorkingDays(cal: ProductionCalendar, date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Число рабочих дней должно быть целым и не меньше нуля: ${n}`);
  parseIsoDate(date);
  let current = date;
  for (let left = n; left > 0; ) {
    current = addDays(current, 1);
    if (isWorkingDay(cal, current)) left--;
  }
  return current;
}

/** Working days from `from` to `to`, both included (a month's norm: 1st to last day); 0 if `to < from`. */
export function workingDaysBetween(cal: ProductionCalendar, from: IsoDate, to: IsoDate): number {
  return dateRange(from, to).filter((d) => isWorkingDay(cal, d)).length;
}

/**
 * The school's own calendar (календарный учебный график) on top of the federal production
 * calendar: the academic year, holidays (каникулы) for all or some grades, extra days off,
 * transfers of school days and the week length of each grade.
 *
 * Precedence, from strongest to weakest, and why:
 * 1. outside the academic year — never a school day;
 * 2. the school's transfer onto the date — a school day (an order of the school is explicit, it
 *    may even put lessons on a federal day off or a Sunday);
 * 3. the school's own days off: the day-off part of a transfer, holidays, single days off;
 * 4. federal non-working days (holidays and transferred days off) — never school days otherwise;
 * 5. federal working weekends (2025-11-01) — school days, run on the timetable of the weekday
 *    they replace, because the decree moves the working day itself;
 * 6. the week: Sunday off, Saturday off for grades with a five-day week.
 */
import { z } from 'zod';
import { dateRange, isBetween, isIsoDate, weekday } from './dates';
import type { IsoDate, Weekday } from './dates';
import type { ProductionCalendar } from './productionCalendar';

const isoDate = z
  .string({ error: 'укажите дату' })
  .refine(isIsoDate, { error: 'дата должна быть в формате ГГГГ-ММ-ДД и существовать в календаре' });

const grade = z
  .number({ error: 'класс (параллель) должен быть числом' })
  .int({ error: 'класс (параллель) должен быть целым числом' })
  .min(1, { error: 'класс (параллель) — от 1 до 11' })
  .max(11, { error: 'класс (параллель) — от 1 до 11' });

/** `'all'` or a list of grades (parallels), e.g. `[1]` for the extra February week of grade 1. */
const gradeScope = z.union([z.literal('all'), z.array(grade).min(1, { error: 'укажите хотя бы один класс' })], {
  error: 'укажите «all» (все классы) или список классов',
});

const weekLength = z.union([z.literal(5), z.literal(6)], { error: 'учебная неделя — 5 или 6 дней' });

const weekdayNumber = z
  .number({ error: 'день недели должен быть числом' })
  .int({ error: 'день недели должен быть целым числом' })
  .min(1, { error: 'день недели — от 1 (понедельник) до 7 (воскресенье)' })
  .max(7, { error: 'день недели — от 1 (понедельник) до 7 (воскресенье)' })
  .transform((n) => n as Weekday);

export const schoolCalendarSettingsSchema = z
  .object({
    academicYear: z.object({ start: isoDate, end: isoDate }, { error: 'укажите начало и конец учебного года' }),
    weekLength: z
      .object({
        default: weekLength,
        /** Grade (as a string key, the JSON way) → week length, for grades that differ from the default. */
        byGrade: z.record(z.string(), weekLength).default({}),
      })
      .default({ default: 5, byGrade: {} }),
    holidays: z
      .array(z.object({ name: z.string().default('Каникулы'), from: isoDate, to: isoDate, grades: gradeScope.default('all') }))
      .default([]),
    daysOff: z
      .array(z.object({ date: isoDate, reason: z.string().optional(), grades: gradeScope.default('all') }))
      .default([]),
    transfers: z
      .array(
        z.object({
          /** The date that becomes a school day… */
          date: isoDate,
          /** …running the timetable of this weekday (1 = Monday … 7 = Sunday). */
          worksAs: weekdayNumber,
          /** The school day given up in exchange, if any: it becomes a day off. */
          dayOff: isoDate.optional(),
          grades: gradeScope.default('all'),
          reason: z.string().optional(),
        }),
      )
      .default([]),
  }, { error: 'ожидается объект с настройками учебного года' })
  .superRefine((s, ctx) => {
    const issue = (message: string, path: (string | number)[]) => ctx.addIssue({ code: 'custom', message, path });
    if (s.academicYear.end < s.academicYear.start) {
      issue('конец учебного года раньше его начала', ['academicYear', 'end']);
    }
    s.holidays.forEach((h, i) => {
      if (h.to < h.from) issue(`каникулы «${h.name}»: дата окончания раньше даты начала`, ['holidays', i, 'to']);
    });
    s.transfers.forEach((t, i) => {
      if (t.dayOff === t.date) issue('день переноса и освобождаемый день совпадают', ['transfers', i, 'dayOff']);
    });
    for (const key of Object.keys(s.weekLength.byGrade)) {
      if (!grade.safeParse(Number(key)).success) issue(`«${key}» — не номер класса от 1 до 11`, ['weekLength', 'byGrade', key]);
    }
  });

export type SchoolCalendarSettings = z.output<typeof schoolCalendarSettingsSchema>;
export type SchoolCalendarSettingsInput = z.input<typeof schoolCalendarSettingsSchema>;
export type GradeScope = SchoolCalendarSettings['holidays'][number]['grades'];
export type SchoolHoliday = SchoolCalendarSettings['holidays'][number];
export type SchoolDayOff = SchoolCalendarSettings['daysOff'][number];
export type SchoolTransfer = SchoolCalendarSettings['transfers'][number];
export type WeekLength = 5 | 6;

export interface SchoolCalendar {
  readonly settings: SchoolCalendarSettings;
  readonly production: ProductionCalendar;
}

export class SchoolCalendarError extends Error {
  constructor(readonly problems: string[]) {
    super(`Календарный учебный график заполнен с ошибками:\n${problems.map((p) => `• ${p}`).join('\n')}`);
    this.name = 'SchoolCalendarError';
  }
}

/** Validates the school's settings (Russian messages) and binds them to the production calendar. */
export function createSchoolCalendar(settings: SchoolCalendarSettingsInput, production: ProductionCalendar): SchoolCalendar {
  const parsed = schoolCalendarSettingsSchema.safeParse(settings);
  if (!parsed.success) {
    throw new SchoolCalendarError(
      parsed.error.issues.map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message)),
    );
  }
  return { settings: parsed.data, production };
}

function covers(scope: GradeScope, grade: number): boolean {
  return scope === 'all' || scope.includes(grade);
}

export function weekLengthOf(cal: SchoolCalendar, grade: number): WeekLength {
  return cal.settings.weekLength.byGrade[String(grade)] ?? cal.settings.weekLength.default;
}

/** The school's transfer that makes `date` a school day for `grade`, if any. */
export function transferOn(cal: SchoolCalendar, grade: number, date: IsoDate): SchoolTransfer | undefined {
  return cal.settings.transfers.find((t) => t.date === date && covers(t.grades, grade));
}

/** The holidays (каникулы) that apply to `grade`, in date order. */
export function holidaysFor(cal: SchoolCalendar, grade: number): SchoolHoliday[] {
  return cal.settings.holidays.filter((h) => covers(h.grades, grade)).sort((a, b) => (a.from < b.from ? -1 : 1));
}

function isSchoolDayOff(cal: SchoolCalendar, grade: number, date: IsoDate): boolean {
  const s = cal.settings;
  return (
    s.transfers.some((t) => t.dayOff === date && covers(t.grades, grade)) ||
    s.holidays.some((h) => covers(h.grades, grade) && isBetween(date, h.from, h.to)) ||
    s.daysOff.some((d) => d.date === date && covers(d.grades, grade))
  );
}

export function isSchoolDay(cal: SchoolCalendar, grade: number, date: IsoDate): boolean {
  const { academicYear } = cal.settings;
  if (!isBetween(date, academicYear.start, academicYear.end)) return false;
  if (transferOn(cal, grade, date)) return true;
  if (isSchoolDayOff(cal, grade, date)) return false;
  if (cal.production.nonWorking.has(date)) return false;
  if (cal.production.workingWeekends.has(date)) return true;
  const day = weekday(date);
  if (day === 7) return false;
  return day <= 5 || weekLengthOf(cal, grade) === 6;
}

/** Which weekday's timetable runs on `date` for `grade`; `null` when there are no lessons. */
export function timetableWeekday(cal: SchoolCalendar, grade: number, date: IsoDate): Weekday | null {
  if (!isSchoolDay(cal, grade, date)) return null;
  const transfer = transferOn(cal, grade, date);
  if (transfer) return transfer.worksAs;
  const day = weekday(date);
  if (cal.production.workingWeekends.has(date)) {
    // A six-day grade has its own Saturday lessons; a five-day grade takes over the lessons
    // of the weekday whose rest was moved onto this Saturday.
    if (day === 6 && weekLengthOf(cal, grade) === 6) return 6;
    const replaced = cal.production.replaces.get(date);
    if (replaced) return weekday(replaced);
  }
  return day;
}

/** School days of `grade` from `from` to `to`, both included, in date order. */
export function schoolDaysBetween(cal: SchoolCalendar, grade: number, from: IsoDate, to: IsoDate): IsoDate[] {
  return dateRange(from, to).filter((d) => isSchoolDay(cal, grade, d));
}

export function countSchoolDays(cal: SchoolCalendar, grade: number, from: IsoDate, to: IsoDate): number {
  return schoolDaysBetween(cal, grade, from, to).length;
}

/** School days of `grade` in the whole academic year. */
export function schoolDaysOfYear(cal: SchoolCalendar, grade: number): IsoDate[] {
  return schoolDaysBetween(cal, grade, cal.settings.academicYear.start, cal.settings.academicYear.end);
}

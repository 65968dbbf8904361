import { z } from './zodRu';
import { mutation, query } from './define';
import { isoDate, reqText, version } from './fields';

const dateList = z.array(isoDate).max(60, 'не больше 60 дат').transform((l) => [...new Set(l)].sort());

/** A year of the production calendar as the administrator corrects it; monthly totals are recomputed. */
export const productionYearInput = z.object({
  year: z.number().int().min(2000, 'год — не раньше 2000').max(2100, 'год — не позже 2100'),
  status: z.enum(['official', 'forecast'], 'статус: по постановлению или прогноз'),
  source: reqText(500),
  holidays: dateList,
  daysOff: dateList,
  workingWeekends: dateList,
  shortDays: dateList,
  transfers: z.array(z.object({ from: isoDate, to: isoDate })).max(30),
});
export type ProductionYearInput = z.input<typeof productionYearInput>;

export const productionYear = z.object({
  year: z.number(),
  status: z.enum(['official', 'forecast']),
  source: z.string(),
  holidays: z.array(z.string()),
  daysOff: z.array(z.string()),
  workingWeekends: z.array(z.string()),
  shortDays: z.array(z.string()),
  transfers: z.array(z.object({ from: z.string(), to: z.string() })),
  /** Working days per month, January first, counted from the dates. */
  workingDays: z.array(z.number()),
  /** `shipped` — the file delivered with the program; `database` — loaded or corrected here. */
  origin: z.enum(['shipped', 'database']),
  /** Whether the program also ships this year (so resetting to it is possible). */
  shipped: z.boolean(),
  version,
  updatedAt: z.string().nullable(),
});
export type ProductionYearView = z.output<typeof productionYear>;

export const calendarWarning = z.object({
  year: z.number(),
  kind: z.enum(['missing', 'forecast']),
  message: z.string(),
});
export type CalendarWarning = z.output<typeof calendarWarning>;

export const productionCalendarContract = {
  /** Every year the program knows, the database copy winning over the shipped file. */
  'calendar.production.list': query({
    summary: 'Производственный календарь',
    right: 'setup.read',
    input: z.object({}).optional(),
    output: z.object({ years: z.array(productionYear) }),
  }),
  /** Loads a JSON file in the shipped format (one or several years); a file with any mistake changes nothing. */
  'calendar.production.import': mutation({
    summary: 'Загрузить производственный календарь из файла',
    right: 'productionCalendar.edit',
    entity: 'productionCalendar',
    record: 'Производственный календарь',
    labels: { text: 'Файл', fileName: 'Имя файла' },
    // 2 000 000 characters of Cyrillic text are up to twice as many bytes.
    maxRequestBytes: 8 * 1024 * 1024,
    input: z.object({ fileName: z.string().max(300).optional(), text: z.string().min(1, 'файл пуст').max(2_000_000, 'файл больше 2 МБ') }),
    output: z.object({ years: z.array(z.number()) }),
  }),
  /** Saves a corrected year (holidays, days off, transfers) over the shipped data. */
  'calendar.production.saveYear': mutation({
    summary: 'Исправить год производственного календаря',
    right: 'productionCalendar.edit',
    entity: 'productionCalendar',
    record: 'Производственный календарь',
    labels: {
      'data.year': 'Год',
      'data.status': 'Статус',
      'data.source': 'Источник',
      'data.holidays': 'Праздничные дни',
      'data.daysOff': 'Перенесённые выходные',
      'data.workingWeekends': 'Рабочие субботы и воскресенья',
      'data.shortDays': 'Сокращённые дни',
      'data.transfers': 'Переносы',
    },
    input: z.object({ data: productionYearInput, version }),
    output: productionYear,
  }),
  /** Drops the database copy of a year: the shipped data (if any) applies again. */
  'calendar.production.reset': mutation({
    summary: 'Вернуть год производственного календаря к поставляемому',
    right: 'productionCalendar.edit',
    entity: 'productionCalendar',
    record: 'Производственный календарь',
    input: z.object({ year: z.number().int(), version }),
    output: z.object({ deleted: z.boolean() }),
  }),
  /** The loud warning every page shows: the current or next calendar year has no data or only a forecast. */
  'calendar.production.warning': query({
    summary: 'Предупреждение о производственном календаре',
    right: 'setup.read',
    input: z.object({}).optional(),
    output: z.object({ warnings: z.array(calendarWarning) }),
  }),
};

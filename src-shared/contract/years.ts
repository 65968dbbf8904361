import { z } from './zodRu';
import { mutation, query } from './define';
import { isoDate, reqText, version } from './fields';
import { grade, gradeList, maybeId, recordId, warnings, weekLength } from './setupFields';
import { PERIOD_KIND_KEYS } from '../domain/schoolSetup/studyPeriods';

const YEAR_NAME = /^(\d{4})\/(\d{4})$/;

export const academicYearInput = z
  .object({
    name: z.string().trim().regex(YEAR_NAME, 'учебный год пишется как 2026/2027'),
    startDate: isoDate,
    endDate: isoDate,
    weekLength: weekLength.default(5),
    /** Grades whose week differs from `weekLength`, e.g. `{ "10": 6, "11": 6 }`. */
    weekLengthByGrade: z.record(z.string(), weekLength).default({}),
  })
  .superRefine((y, ctx) => {
    const m = YEAR_NAME.exec(y.name);
    if (!m) return;
    const [first, second] = [Number(m[1]), Number(m[2])];
    if (second !== first + 1) ctx.addIssue({ code: 'custom', path: ['name'], message: `после ${first} должен идти ${first + 1} год: ${first}/${first + 1}` });
    if (y.startDate.slice(0, 4) !== String(first)) {
      ctx.addIssue({ code: 'custom', path: ['startDate'], message: `учебный год ${y.name} начинается в ${first} году` });
    }
    if (y.endDate.slice(0, 4) !== String(second)) {
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: `учебный год ${y.name} заканчивается в ${second} году` });
    }
    if (y.endDate <= y.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'дата окончания раньше даты начала' });
    for (const key of Object.keys(y.weekLengthByGrade)) {
      if (!grade.safeParse(Number(key)).success) {
        ctx.addIssue({ code: 'custom', path: ['weekLengthByGrade', key], message: `«${key}» — не параллель от 1 до 11` });
      }
    }
  });

export type AcademicYearInput = z.input<typeof academicYearInput>;

export const academicYear = z.object({
  id: z.string(),
  name: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  isCurrent: z.boolean(),
  isClosed: z.boolean(),
  weekLength,
  weekLengthByGrade: z.record(z.string(), weekLength),
  version,
  updatedAt: z.string(),
});
export type AcademicYear = z.output<typeof academicYear>;

export const periodSchemeInput = z.object({
  name: reqText(100),
  kind: z.enum(PERIOD_KIND_KEYS, 'выберите вид: четверти, триместры, полугодия или год'),
  grades: gradeList,
  periods: z
    .array(z.object({ name: reqText(100), startDate: isoDate, endDate: isoDate }))
    .min(1, 'нужен хотя бы один период')
    .max(6, 'не больше 6 периодов'),
});
export type PeriodSchemeInput = z.input<typeof periodSchemeInput>;

export const periodScheme = z.object({
  id: z.string(),
  yearId: z.string(),
  name: z.string(),
  kind: z.enum(PERIOD_KIND_KEYS),
  grades: z.array(z.number()),
  periods: z.array(z.object({ id: z.string(), ordinal: z.number(), name: z.string(), startDate: z.string(), endDate: z.string() })),
  version,
});
export type PeriodScheme = z.output<typeof periodScheme>;

export const setupProblem = z.object({
  area: z.enum(['periods', 'calendar', 'classes', 'bells', 'production']),
  message: z.string(),
});
export type SetupProblem = z.output<typeof setupProblem>;

const YEAR_LABELS = {
  'year.name': 'Учебный год',
  'year.startDate': 'Дата начала',
  'year.endDate': 'Дата окончания',
  'year.weekLength': 'Учебная неделя',
  'year.weekLengthByGrade': 'Учебная неделя по параллелям',
};

const SCHEME_LABELS: Record<string, string> = {
  'scheme.name': 'Название',
  'scheme.kind': 'Вид периодов',
  'scheme.grades': 'Параллели',
  'scheme.periods': 'Периоды',
};
for (let i = 0; i < 6; i++) {
  SCHEME_LABELS[`scheme.periods.${i}.name`] = `Период ${i + 1}: название`;
  SCHEME_LABELS[`scheme.periods.${i}.startDate`] = `Период ${i + 1}: начало`;
  SCHEME_LABELS[`scheme.periods.${i}.endDate`] = `Период ${i + 1}: окончание`;
}

export const yearsContract = {
  /** Academic years, newest first; exactly one is current. */
  'setup.years.list': query({
    summary: 'Учебные годы',
    right: 'setup.read',
    input: z.object({}).optional(),
    output: z.object({ years: z.array(academicYear) }),
  }),
  /** Creates (`id: null`, `version: 0`) or updates a year; dates are checked against its periods and calendar. */
  'setup.years.save': mutation({
    summary: 'Сохранить учебный год',
    right: 'years.edit',
    entity: 'academicYear',
    record: 'Учебный год',
    labels: YEAR_LABELS,
    input: z.object({ id: maybeId, year: academicYearInput, version }),
    output: academicYear,
  }),
  /** Makes the year the current one (the previous current year stays as it is, only not current). */
  'setup.years.setCurrent': mutation({
    summary: 'Сделать учебный год текущим',
    right: 'years.edit',
    entity: 'academicYear',
    record: 'Учебный год',
    input: z.object({ id: recordId }),
    output: z.object({ years: z.array(academicYear) }),
  }),
  /** Closes a year (read-only) or reopens it to correct a mistake; both are audited. */
  'setup.years.setClosed': mutation({
    summary: 'Закрыть или открыть учебный год',
    right: 'years.edit',
    entity: 'academicYear',
    record: 'Учебный год',
    input: z.object({ id: recordId, closed: z.boolean(), version }),
    output: academicYear,
  }),
  /** Deletes an empty year (no classes); its periods, calendar and bells go with it. */
  'setup.years.delete': mutation({
    summary: 'Удалить учебный год',
    right: 'years.edit',
    entity: 'academicYear',
    record: 'Учебный год',
    input: z.object({ id: recordId, version }),
    output: z.object({ deleted: z.boolean() }),
  }),
  /** What is still missing or inconsistent in a year's set-up: gaps between periods, grades without periods, … */
  'setup.years.check': query({
    summary: 'Проверка настройки учебного года',
    right: 'setup.read',
    input: z.object({ yearId: recordId }),
    output: z.object({ problems: z.array(setupProblem) }),
  }),
  /** Study period schemes of a year with their periods. */
  'setup.periods.list': query({
    summary: 'Учебные периоды',
    right: 'setup.read',
    input: z.object({ yearId: recordId }),
    output: z.object({ schemes: z.array(periodScheme) }),
  }),
  /** Saves a scheme with all its periods at once; overlap or dates outside the year are refused. */
  'setup.periods.save': mutation({
    summary: 'Сохранить учебные периоды',
    right: 'years.edit',
    entity: 'studyPeriodScheme',
    record: 'Учебные периоды',
    labels: SCHEME_LABELS,
    input: z.object({ yearId: recordId, id: maybeId, scheme: periodSchemeInput, version }),
    output: z.object({ scheme: periodScheme, warnings }),
  }),
  'setup.periods.delete': mutation({
    summary: 'Удалить схему учебных периодов',
    right: 'years.edit',
    entity: 'studyPeriodScheme',
    record: 'Учебные периоды',
    input: z.object({ id: recordId, version }),
    output: z.object({ deleted: z.boolean() }),
  }),
};

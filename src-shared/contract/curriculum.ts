import { z } from './zodRu';
import { mutation, query } from './define';
import { exportedFile } from './files';
import { optText, version } from './fields';
import { grade, gradeList, maybeId, recordId, weekLength } from './setupFields';
import { HOURS_MAX, HOURS_STEP } from '../domain/curriculum/hours';
import { PART_KEYS } from '../domain/curriculum/parts';

/**
 * Curriculum (учебный план, issue 7): a plan per year × grade that classes inherit and may override,
 * live checks with the rule's source, starter plans from the federal programmes, copy from last year.
 */

const part = z.enum(PART_KEYS, 'часть плана — обязательная, формируемая участниками или внеурочная');

const hoursValue = z
  .number('часы — число')
  .min(0, 'часы не могут быть отрицательными')
  .max(HOURS_MAX, `не больше ${HOURS_MAX} ч в неделю`)
  .refine((n) => Math.abs(n / HOURS_STEP - Math.round(n / HOURS_STEP)) < 1e-9, 'часы — целые или с половиной: 1, 1,5, 2');

export const planRowInput = z.object({
  subjectId: recordId,
  part,
  /** Weekly hours per study period of the grade, or one number for the whole year. */
  hours: z.array(hoursValue).min(1, 'укажите часы').max(6, 'не больше 6 учебных периодов'),
  groups: z.number().int('подгрупп — целое число').min(1, 'подгрупп — от 1 (без деления) до 4').max(4, 'подгрупп — от 1 (без деления) до 4').default(1),
  /** 0 — none; n — double lessons a week; -1 — every lesson in pairs. */
  doubles: z.number().int().min(-1, 'сдвоенные уроки: число пар или «все»').max(5, 'не больше 5 сдвоенных уроков в неделю').default(0),
  assessment: optText(200),
});
export type PlanRowInput = z.input<typeof planRowInput>;

export const planRowOut = z.object({
  subjectId: z.string(),
  subjectName: z.string(),
  areaName: z.string().nullable(),
  part,
  hours: z.array(z.number()),
  groups: z.number(),
  doubles: z.number(),
  assessment: z.string().nullable(),
  /** In a class plan: as in the grade, changed for the class, the class's own subject, or dropped. */
  origin: z.enum(['grade', 'changed', 'added', 'removed']),
  annualHours: z.number(),
});
export type PlanRowOut = z.output<typeof planRowOut>;

export const planProblem = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  rule: z.string(),
  message: z.string(),
  source: z.string(),
  subjectId: z.string().optional(),
  part: part.optional(),
  classId: z.string().nullable().optional(),
});
export type PlanProblemOut = z.output<typeof planProblem>;

const classRowOut = z.object({
  subjectId: z.string(),
  part,
  hours: z.array(z.number()),
  groups: z.number(),
  doubles: z.number(),
  assessment: z.string().nullable(),
  excluded: z.boolean(),
});

/** What the editor needs to run the same checks as the server while the завуч types. */
export const planClassContext = z.object({
  id: z.string(),
  name: z.string(),
  weekLength,
  /** «ООП», «АООП 7.2». */
  programme: z.string(),
  hasOwnPlan: z.boolean(),
  ownRows: z.array(classRowOut),
  /** `subjectId|groupNo` of every assigned teacher slot. */
  assigned: z.array(z.string()),
  subgroupCounts: z.record(z.string(), z.number()),
});
export type PlanClassContext = z.output<typeof planClassContext>;

export const planDetail = z.object({
  yearId: z.string(),
  yearName: z.string(),
  readOnly: z.boolean(),
  grade: z.number(),
  classId: z.string().nullable(),
  className: z.string().nullable(),
  /** The stored plan: the grade's, or the class's own; `id: null` — none yet (a class inherits fully). */
  plan: z.object({ id: z.string().nullable(), version, weeksPerYear: z.number(), note: z.string().nullable() }),
  weekLength,
  maxWeekly: z.number().nullable(),
  /** The grade's study periods with their weeks (dates null when the grade has no period scheme). */
  periods: z.array(z.object({ ordinal: z.number(), name: z.string(), weeks: z.number(), startDate: z.string().nullable(), endDate: z.string().nullable() })),
  gradeRows: z.array(planRowOut),
  rows: z.array(planRowOut),
  classes: z.array(planClassContext),
  /** Classroom hours a year of every grade plan of the year, for the level total. */
  levelAnnual: z.record(z.string(), z.number()),
  problems: z.array(planProblem),
});
export type PlanDetail = z.output<typeof planDetail>;

export const gradeOverview = z.object({
  grade: z.number(),
  planId: z.string().nullable(),
  weekLength,
  maxWeekly: z.number().nullable(),
  /** Highest weekly classroom hours over the periods. */
  classroomHours: z.number(),
  extracurricularHours: z.number(),
  annualHours: z.number(),
  classes: z.array(z.object({ id: z.string(), name: z.string(), programme: z.string(), hasOwnPlan: z.boolean(), classroomHours: z.number(), errors: z.number(), warnings: z.number() })),
  errors: z.number(),
  warnings: z.number(),
});

export const yearProblem = planProblem.extend({ grade: z.number(), classId: z.string().nullable() });

const ROW_LABELS: Record<string, string> = { weeksPerYear: 'Учебных недель в году', note: 'Примечание', rows: 'Строки плана' };
for (let i = 0; i < 80; i++) {
  const n = `строка ${i + 1}`;
  ROW_LABELS[`rows.${i}.subjectId`] = `${n}: предмет`;
  ROW_LABELS[`rows.${i}.part`] = `${n}: часть плана`;
  ROW_LABELS[`rows.${i}.hours`] = `${n}: часы`;
  for (let p = 0; p < 6; p++) ROW_LABELS[`rows.${i}.hours.${p}`] = `${n}: часы в неделю`;
  ROW_LABELS[`rows.${i}.groups`] = `${n}: подгруппы`;
  ROW_LABELS[`rows.${i}.doubles`] = `${n}: сдвоенные уроки`;
  ROW_LABELS[`rows.${i}.assessment`] = `${n}: форма аттестации`;
}

export const curriculumContract = {
  /** Grade plans of a year with weekly totals against SanPiN, the classes with their own plans, problem counts. */
  'curriculum.overview': query({
    summary: 'Учебный план: параллели',
    right: 'curriculum.read',
    input: z.object({ yearId: recordId }),
    output: z.object({ yearName: z.string(), readOnly: z.boolean(), grades: z.array(gradeOverview), levelProblems: z.array(planProblem) }),
  }),
  /** A grade's plan (`classId: null`) or a class's effective plan, with the context for live checks. */
  'curriculum.plan.get': query({
    summary: 'Учебный план параллели или класса',
    right: 'curriculum.read',
    input: z.object({ yearId: recordId, grade, classId: maybeId.default(null) }),
    output: planDetail,
  }),
  /**
   * Saves a grade plan, or a class's plan as the class should have it (only the differences from the
   * grade are stored; a class equal to its grade keeps no plan of its own). New plans have version 0.
   */
  'curriculum.plan.save': mutation({
    summary: 'Сохранить учебный план',
    right: 'curriculum.edit',
    entity: 'curriculumPlan',
    record: 'Учебный план',
    labels: ROW_LABELS,
    input: z.object({
      yearId: recordId,
      grade,
      classId: maybeId.default(null),
      version,
      weeksPerYear: z.number().int('недель — целое число').min(30, 'учебных недель в году — от 30 до 40').max(40, 'учебных недель в году — от 30 до 40').nullable().default(null),
      note: optText(1000),
      rows: z.array(planRowInput).max(80, 'не больше 80 строк в плане'),
    }),
    output: planDetail,
  }),
  /** Deletes a grade plan (when no class overrides it) or a class's own plan (the class returns to its grade's plan). */
  'curriculum.plan.delete': mutation({
    summary: 'Удалить учебный план',
    right: 'curriculum.edit',
    entity: 'curriculumPlan',
    record: 'Учебный план',
    input: z.object({ id: recordId, version }),
    output: z.object({ deleted: z.boolean() }),
  }),
  /** Creates grade plans from the shipped ФОП-based starter plans; missing subjects are added from the standard list. */
  'curriculum.plan.loadStarter': mutation({
    summary: 'Загрузить стартовые планы по ФОП',
    right: 'curriculum.edit',
    entity: 'curriculumPlan',
    record: 'Стартовые учебные планы',
    labels: { grades: 'Параллели', replace: 'Заменить существующие' },
    input: z.object({ yearId: recordId, grades: gradeList, replace: z.boolean().default(false) }),
    output: z.object({ created: z.array(z.number()), replaced: z.array(z.number()), skipped: z.array(z.number()), subjectsAdded: z.array(z.string()) }),
  }),
  /**
   * Copies last year's grade plans into a year; class plans and teaching load follow the classes'
   * links (`previous_class_id`, set by the rollover) to the classes of the new year.
   */
  'curriculum.plan.copy': mutation({
    summary: 'Скопировать учебный план и нагрузку из прошлого года',
    right: 'curriculum.edit',
    entity: 'curriculumPlan',
    record: 'Копирование учебного плана',
    labels: { fromYearId: 'Из учебного года', toYearId: 'В учебный год', includeLoad: 'Вместе с нагрузкой', replace: 'Заменить существующие' },
    input: z.object({ fromYearId: recordId, toYearId: recordId, includeLoad: z.boolean().default(true), replace: z.boolean().default(false) }),
    output: z.object({
      gradePlans: z.array(z.number()),
      classPlans: z.array(z.object({ from: z.string(), to: z.string() })),
      assignments: z.number(),
      skipped: z.array(z.string()),
    }),
  }),
  /** Every problem of every plan of a year (grades and classes), errors first. */
  'curriculum.checks': query({
    summary: 'Проверка учебного плана',
    right: 'curriculum.read',
    input: z.object({ yearId: recordId }),
    output: z.object({ problems: z.array(yearProblem) }),
  }),
  /** «Учебный план» as Excel in the usual layout: by grades of each level, or by classes of each grade. */
  'curriculum.export': query({
    summary: 'Выгрузить учебный план в Excel',
    right: 'curriculum.read',
    input: z.object({ yearId: recordId, by: z.enum(['grade', 'class']).default('grade') }),
    output: exportedFile,
  }),
};

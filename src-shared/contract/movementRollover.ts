import { z } from './zodRu';
import { mutation, query } from './define';
import { isoDate, optText } from './fields';
import { orderType } from './movementFields';
import { LETTER_RE, normaliseLetter } from '../domain/schoolSetup/classRules';

const id = z.string().trim().min(1, 'не выбрана запись').max(100);
const letter = z.string().trim().transform(normaliseLetter).refine((l) => LETTER_RE.test(l), 'литера — одна-две русские буквы, например А или АБ');

export const ROLLOVER_ACTIONS = {
  promote: 'Перевести в следующий класс',
  conditional: 'Перевести условно',
  repeat: 'Оставить на повторное обучение',
  graduate: 'Выпустить',
  continue: 'Выпустить и зачислить в 10 класс',
} as const;
export type RolloverAction = keyof typeof ROLLOVER_ACTIONS;

/**
 * The year rollover wizard's plan (work order §2 «Администратор» 2): next year's classes from this
 * year's (5А → 6А, class teacher kept unless changed), new classes (1st and 10th grades), the
 * per-pupil exceptions, and the dates of the annual orders.
 */
export const rolloverPlan = z
  .object({
    fromYearId: id,
    targetYear: z.object({
      name: z.string().trim().regex(/^\d{4}\/\d{4}$/, 'учебный год пишется как 2027/2028'),
      startDate: isoDate,
      endDate: isoDate,
    }),
    promotionOrderDate: isoDate,
    graduationOrderDate: isoDate,
    /** The day graduates leave (the last day they are pupils is the day before). */
    graduationDate: isoDate,
    signatoryPosition: optText(200),
    signatoryName: optText(200),
    /** Successors of this year's classes; a class not listed moves on with its letter and teacher. */
    classes: z.array(z.object({ fromClassId: id, letter: letter.nullable().default(null), classTeacherId: id.nullable().default(null), keepTeacher: z.boolean().default(true) })).max(200).default([]),
    newClasses: z
      .array(z.object({ grade: z.number().int().min(1, 'параллель — от 1 до 11').max(11, 'параллель — от 1 до 11'), letter, classTeacherId: id.nullable().default(null), shift: z.union([z.literal(1), z.literal(2)]).default(1) }))
      .max(50)
      .default([]),
    exceptions: z
      .array(
        z.object({
          pupilId: id,
          action: z.enum(Object.keys(ROLLOVER_ACTIONS) as [RolloverAction, ...RolloverAction[]], 'выберите действие'),
          /** Target class name in the new year («5Б»), for repeat and continue; null = the default. */
          toClassName: z.string().trim().max(10).nullable().default(null),
          reason: optText(500),
        }),
      )
      .max(2000)
      .default([]),
  })
  .superRefine((p, ctx) => {
    if (p.targetYear.endDate <= p.targetYear.startDate) ctx.addIssue({ code: 'custom', path: ['targetYear', 'endDate'], message: 'окончание года раньше начала' });
    if (p.graduationDate < p.graduationOrderDate) ctx.addIssue({ code: 'custom', path: ['graduationDate'], message: 'выпуск не раньше даты приказа о выпуске' });
  });
export type RolloverPlanInput = z.input<typeof rolloverPlan>;
export type RolloverPlan = z.output<typeof rolloverPlan>;

export const rolloverPreview = z.object({
  fromYearName: z.string(),
  targetYear: z.object({ name: z.string(), startDate: z.string(), endDate: z.string(), exists: z.boolean() }),
  classes: z.array(
    z.object({
      name: z.string(),
      grade: z.number(),
      fromClassName: z.string().nullable(),
      classTeacherId: z.string().nullable(),
      classTeacherName: z.string().nullable(),
      exists: z.boolean(),
      pupils: z.number(),
    }),
  ),
  /** This year's classes with where their pupils go (for the wizard's first step). */
  sourceClasses: z.array(z.object({ id: z.string(), name: z.string(), grade: z.number(), pupils: z.number(), successorName: z.string().nullable(), classTeacherId: z.string().nullable() })),
  /** The annual orders to be signed, with the pupils of each (in item order). */
  orders: z.array(z.object({ type: orderType, title: z.string(), orderDate: z.string(), effectiveDate: z.string(), items: z.number(), pupilIds: z.array(z.string()) })),
  pupils: z.array(
    z.object({
      pupilId: z.string(),
      fullName: z.string(),
      fromClassName: z.string(),
      grade: z.number(),
      action: z.enum(Object.keys(ROLLOVER_ACTIONS) as [RolloverAction, ...RolloverAction[]]),
      toClassName: z.string().nullable(),
    }),
  ),
  problems: z.array(z.string()),
  warnings: z.array(z.string()),
});
export type RolloverPreview = z.output<typeof rolloverPreview>;

const ROLLOVER_LABELS = {
  fromYearId: 'Учебный год',
  'targetYear.name': 'Новый учебный год',
  'targetYear.startDate': 'Начало нового года',
  'targetYear.endDate': 'Окончание нового года',
  promotionOrderDate: 'Дата приказа о переводе',
  graduationOrderDate: 'Дата приказа о выпуске',
  graduationDate: 'Дата выпуска',
};

export const movementRolloverContract = {
  /** What the rollover would create: classes, orders and every pupil's destination; changes nothing. */
  'movement.rollover.preview': query({
    summary: 'Переход на новый учебный год: предпросмотр',
    right: 'movement.rollover',
    labels: ROLLOVER_LABELS,
    input: rolloverPlan,
    output: rolloverPreview,
  }),
  /** Creates next year's classes and signs the annual orders, all in one transaction. */
  'movement.rollover.apply': mutation({
    summary: 'Переход на новый учебный год',
    right: 'movement.rollover',
    entity: 'rollover',
    record: 'Переход на новый учебный год',
    labels: ROLLOVER_LABELS,
    input: rolloverPlan,
    output: z.object({
      yearId: z.string(),
      yearName: z.string(),
      createdClasses: z.array(z.string()),
      orders: z.array(z.object({ id: z.string(), type: orderType, numberText: z.string(), items: z.number() })),
    }),
  }),
};

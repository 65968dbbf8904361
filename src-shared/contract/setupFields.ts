import { z } from './zodRu';
import { TIME_RE } from '../domain/schoolSetup/bellSchedule';

/** Field schemas shared by the school set-up contracts (years, calendar, classes, …). */

export const recordId = z.string().trim().min(1, 'не выбрана запись').max(100);

/** `null` for a new record. */
export const maybeId = z.string().trim().min(1).max(100).nullable();

export const grade = z
  .number('укажите параллель числом')
  .int('параллель — целое число')
  .min(1, 'параллель — от 1 до 11')
  .max(11, 'параллель — от 1 до 11');

export const gradeList = z
  .array(grade)
  .min(1, 'укажите хотя бы одну параллель')
  .transform((list) => [...new Set(list)].sort((a, b) => a - b));

/** `'all'` or a list of grades (the extra February week of grade 1 is `[1]`). */
export const gradeScope = z.union([z.literal('all'), gradeList], 'укажите «все классы» или список параллелей');

export const weekLength = z.union([z.literal(5), z.literal(6)], 'учебная неделя — 5 или 6 дней');

export const shift = z.union([z.literal(1), z.literal(2)], 'смена — первая или вторая');

export const timeOfDay = z.string().trim().regex(TIME_RE, 'время пишется как ЧЧ:ММ, например 08:30');

export const optTime = z
  .string()
  .trim()
  .nullable()
  .optional()
  .transform((v) => (v === undefined || v === null || v === '' ? null : v))
  .refine((v) => v === null || TIME_RE.test(v), 'время пишется как ЧЧ:ММ, например 08:30');

/** Saves answer with the record and the rule warnings the user should see (SanPiN, deadlines). */
export const warnings = z.array(z.string());

import { z } from './zodRu';

/** Reusable field schemas: optional text fields travel as `null` when empty. */

export function optText(max = 500) {
  return z
    .string()
    .trim()
    .max(max, `не длиннее ${max} символов`)
    .nullable()
    .optional()
    .transform((v) => (v === undefined || v === null || v === '' ? null : v));
}

export function reqText(max = 500) {
  return z.string().trim().min(1, 'обязательное поле').max(max, `не длиннее ${max} символов`);
}

/** An optional text checked by a validator returning `null` or a Russian message. */
export function optChecked(check: (value: string) => string | null, max = 100) {
  return optText(max).superRefine((value, ctx) => {
    if (value === null) return;
    const problem = check(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

export const isoDate = z.string().refine(isValidIsoDate, 'дата должна быть в формате ГГГГ-ММ-ДД и существовать');

export function optDate() {
  return z
    .string()
    .nullable()
    .optional()
    .transform((v) => (v === undefined || v === null || v === '' ? null : v))
    .refine((v) => v === null || isValidIsoDate(v), 'несуществующая дата');
}

export const version = z.number().int().min(0);

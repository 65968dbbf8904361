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

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isValidIsoDate(value: string): boolean {
  if (value.length !== 10 || !ISO_DATE.test(value)) return false;
  const y = Number(value.slice(0, 4));
  const m = (value.charCodeAt(5) - 48) * 10 + value.charCodeAt(6) - 48;
  const d = (value.charCodeAt(8) - 48) * 10 + value.charCodeAt(9) - 48;
  // Years 0–99 are not dates here (JavaScript's Date reads them as 19xx; the rule predates this code).
  if (y < 100 || m < 1 || m > 12 || d < 1 || d > DAYS_IN_MONTH[m - 1]) return false;
  return m !== 2 || d !== 29 || (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0));
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

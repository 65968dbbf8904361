import { SCHOOL_CARD_LABELS, schoolCardInput, type SchoolCard, type SchoolCardInput } from '../../../src-shared/contract/school';
import type { ErrorIssue } from '../../../src-shared/errors';

export type FieldErrors = Partial<Record<keyof SchoolCard, string>>;

export const EMPTY_CARD: SchoolCardInput = {
  fullName: '',
  shortName: '',
  kind: 'Средняя общеобразовательная школа',
};

/** The same zod schema the server uses, so the form and the server say the same thing. */
export function validateCard(values: SchoolCardInput): { card: SchoolCard | null; errors: FieldErrors } {
  const r = schoolCardInput.safeParse(values);
  if (r.success) return { card: r.data, errors: {} };
  const errors: FieldErrors = {};
  for (const issue of r.error.issues) {
    const key = String(issue.path[0]) as keyof SchoolCard;
    errors[key] ??= issue.message;
  }
  return { card: null, errors };
}

/** Server issues come as `card.inn` with «поле «ИНН»: …»; the form shows them under the field. */
export function serverIssuesToFields(issues: ErrorIssue[] | undefined): FieldErrors {
  const errors: FieldErrors = {};
  for (const i of issues ?? []) {
    const key = i.path.replace(/^card\./, '').split('.')[0] as keyof SchoolCard;
    if (key in SCHOOL_CARD_LABELS) errors[key] ??= i.message.replace(/^поле «[^»]+»: /, '');
  }
  return errors;
}

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

export interface MergeResult {
  merged: SchoolCardInput;
  /** Labels of fields both users changed to different values; «mine» wins for them. */
  bothChanged: string[];
  /** Labels of fields only the other user changed; taken from «theirs». */
  takenFromTheirs: string[];
}

/**
 * Three-way merge after a conflict: fields I did not touch take the other user's value, fields I
 * edited keep mine. Nothing anyone typed is lost silently; fields both changed are listed.
 */
export function mergeThreeWay(base: SchoolCardInput, mine: SchoolCardInput, theirs: SchoolCard | null): MergeResult {
  const norm = (v: unknown) => (v === undefined || v === '' ? null : v);
  const merged: Record<string, unknown> = { ...(theirs ?? {}) };
  const bothChanged: string[] = [];
  const takenFromTheirs: string[] = [];
  for (const k of Object.keys(SCHOOL_CARD_LABELS) as (keyof SchoolCard)[]) {
    const b = norm(base[k]);
    const m = norm(mine[k]);
    const t = norm(theirs?.[k]);
    const iChanged = m !== b;
    const theyChanged = t !== b;
    if (iChanged) {
      merged[k] = m;
      if (theyChanged && t !== m) bothChanged.push(SCHOOL_CARD_LABELS[k]);
    } else {
      merged[k] = t;
      if (theyChanged) takenFromTheirs.push(SCHOOL_CARD_LABELS[k]);
    }
  }
  return { merged: merged as SchoolCardInput, bothChanged, takenFromTheirs };
}

import type { FieldGetter, RowIssueDraft } from './columns';

/**
 * A parent named in a pupil row: if any of their columns is filled, surname, name and birth date
 * become required (§1.4); with documents, a passport pair or a СНИЛС as well (§1.5).
 */
const PARENT_FIELDS = ['lastName', 'firstName', 'middleName', 'birthDate', 'citizenship', 'passport.series', 'passport.number', 'passport.issuerCode', 'passport.issueDate', 'passport.issuer', 'snils'];
const KEYS: Record<string, string[]> = {};

export function parentNamed(values: FieldGetter, prefix: string): boolean {
  const keys = (KEYS[prefix] ??= PARENT_FIELDS.map((f) => `${prefix}.${f}`));
  for (const k of keys) {
    const v = values.get(k);
    if (v !== null && v !== undefined && v !== '') return true;
  }
  return false;
}

/** The checked fields of a parent block with their keys built once (a pupil row checks two blocks). */
const REQUIRED: Record<string, { lastName: string; firstName: string; birthDate: string; series: string; number: string; snils: string }> = {};

export function requireNamedParent(values: FieldGetter, prefix: string, who: string, needsDocument: boolean): readonly RowIssueDraft[] {
  if (!parentNamed(values, prefix)) return NO_DRAFTS;
  const k = (REQUIRED[prefix] ??= { lastName: `${prefix}.lastName`, firstName: `${prefix}.firstName`, birthDate: `${prefix}.birthDate`, series: `${prefix}.passport.series`, number: `${prefix}.passport.number`, snils: `${prefix}.snils` });
  let out: RowIssueDraft[] | null = null;
  if (!values.get(k.lastName)) (out ??= []).push({ field: k.lastName, message: `${who}: указаны данные, но не заполнена фамилия` });
  if (!values.get(k.firstName)) (out ??= []).push({ field: k.firstName, message: `${who}: указаны данные, но не заполнено имя` });
  if (!values.get(k.birthDate)) (out ??= []).push({ field: k.birthDate, message: `${who}: указаны данные, но не заполнена дата рождения` });
  if (needsDocument) {
    const passport = values.get(k.series) && values.get(k.number);
    if (!passport && !values.get(k.snils)) (out ??= []).push({ field: k.snils, message: `${who}: нужен паспорт (серия и номер) или СНИЛС` });
  }
  return out ?? NO_DRAFTS;
}

const NO_DRAFTS: readonly RowIssueDraft[] = Object.freeze([]);

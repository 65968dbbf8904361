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

export function requireNamedParent(values: FieldGetter, prefix: string, who: string, needsDocument: boolean): RowIssueDraft[] {
  if (!parentNamed(values, prefix)) return [];
  const out: RowIssueDraft[] = [];
  for (const [field, label] of [
    ['lastName', 'фамилия'],
    ['firstName', 'имя'],
    ['birthDate', 'дата рождения'],
  ] as const) {
    if (!values.get(`${prefix}.${field}`)) out.push({ field: `${prefix}.${field}`, message: `${who}: указаны данные, но не заполнена ${label}` });
  }
  if (needsDocument) {
    const passport = values.get(`${prefix}.passport.series`) && values.get(`${prefix}.passport.number`);
    if (!passport && !values.get(`${prefix}.snils`)) out.push({ field: `${prefix}.snils`, message: `${who}: нужен паспорт (серия и номер) или СНИЛС` });
  }
  return out;
}

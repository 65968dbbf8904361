import type { AddressInput, DocumentInput } from '../../../../src-shared/contract/peopleFields';
import type { PositionInput, EducationInput } from '../../../../src-shared/contract/peopleStaffCard';
import type { PersonKind } from '../../../../src-shared/domain/personRules';
import { CARD_SPECS, type Card } from '../../people/index';
import type { CellValue, FieldValues } from '../formats/columns';

/**
 * A card → the field values of a portal file (the inverse of the pull's mapPerson): scalars by
 * name, documents as `passport.*` / `birthCertificate.*` / `medicalPolicy.*`, addresses as
 * `actual.*` / `registration.*`, the staff's hiring, positions and education.
 */
const DOC_GROUP: Partial<Record<string, string>> = { passport: 'passport', birthCertificate: 'birthCertificate', medicalPolicy: 'medicalPolicy' };
const ADDRESS_GROUP: Partial<Record<string, string>> = { actual: 'actual', registration: 'registration' };

function cell(v: unknown): CellValue {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'boolean' || Array.isArray(v)) return v as CellValue;
  return String(v);
}

export function cardValues(kind: PersonKind, card: Card, prefix = ''): FieldValues {
  const out: FieldValues = {};
  for (const [field, type] of Object.entries(CARD_SPECS[kind].scalars)) {
    const v = card[field];
    out[`${prefix}${field}`] = type === 'multi' && Array.isArray(v) && v.length === 0 ? null : cell(v);
  }
  for (const d of card.documents as DocumentInput[]) {
    const g = DOC_GROUP[d.type];
    if (!g || out[`${prefix}${g}.number`]) continue;
    for (const f of ['series', 'number', 'issueDate', 'issuer', 'issuerCode'] as const) out[`${prefix}${g}.${f}`] = cell(d[f]);
  }
  for (const a of card.addresses as AddressInput[]) {
    const g = ADDRESS_GROUP[a.kind];
    if (!g) continue;
    for (const f of ['postalCode', 'region', 'district', 'settlement', 'street', 'house', 'building', 'flat'] as const) out[`${prefix}${g}.${f}`] = cell(a[f]);
  }
  if (kind === 'staff') {
    const positions = (card.positions as PositionInput[] | undefined) ?? [];
    const current = positions.filter((p) => !p.endDate);
    out.positionMain = cell(current.find((p) => p.kind === 'main')?.position ?? positions.find((p) => p.kind === 'main')?.position);
    out.positionAdditional = cell(current.find((p) => p.kind !== 'main')?.position);
    out.hire = card.hireDate ? [String(card.hireDate), String(card.hireOrderNumber ?? '')] : null;
    const e = ((card.educations as EducationInput[] | undefined) ?? [])[0];
    if (e) {
      out['education.level'] = cell(e.level);
      out['education.institution'] = cell(e.institution);
      out['education.diplomaDate'] = cell(e.diplomaDate);
      out['education.specialty'] = cell(e.specialty);
    }
    out.portalRole = portalRole(out.positionMain as string | null);
  }
  return out;
}

/** The simple staff import's role letters (§1.2): А администратор, З завуч, У учитель, Т тех. персонал. */
export function portalRole(position: string | null): string {
  const p = (position ?? '').toLowerCase();
  if (p.startsWith('директор')) return 'А';
  if (p.includes('заместитель директора по учебно')) return 'ЗУ';
  if (p.startsWith('заместитель директора')) return 'З';
  if (/уборщ|сторож|вахт|дворник|гардероб|рабоч|завхоз|заведующий хозяйством/.test(p)) return 'Т';
  return 'У';
}

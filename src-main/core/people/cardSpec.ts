import { PUPIL_EMPTY, PUPIL_FIELD_LABELS } from '../../../src-shared/contract/peoplePupilCard';
import { PARENT_EMPTY, PARENT_FIELD_LABELS } from '../../../src-shared/contract/peopleParentCard';
import { STAFF_EMPTY, STAFF_FIELD_LABELS } from '../../../src-shared/contract/peopleStaffCard';
import type { PersonKind } from '../../../src-shared/domain/personRules';
import { PERSON_KIND_TITLES } from '../../../src-shared/domain/personRules';

/**
 * How a card kind maps onto its table: which card fields are plain text, 0/1 flags or JSON lists,
 * and which live in child tables. Derived from the contract's empty card, so a field added to the
 * contract and to a migration needs no third edit here.
 */
export type ScalarType = 'text' | 'flag' | 'multi';

export interface CardSpec {
  kind: PersonKind;
  table: 'pupil' | 'parent' | 'staff';
  /** Russian record name for messages: «Карточка обучающегося». */
  record: string;
  /** Genitive phrase for messages: «обучающегося». */
  whom: string;
  labels: Record<string, string>;
  empty: Record<string, unknown>;
  /** Card fields stored as columns of the person's row (name, sex and birth date included). */
  scalars: Record<string, ScalarType>;
  /** Card fields stored in child tables. */
  children: readonly string[];
}

const CHILDREN: Record<PersonKind, readonly string[]> = {
  pupil: ['documents', 'addresses'],
  parent: ['documents', 'addresses'],
  staff: ['documents', 'addresses', 'positions', 'educations', 'familyMembers', 'trainings'],
};

function scalarsOf(empty: Record<string, unknown>, children: readonly string[]): Record<string, ScalarType> {
  const out: Record<string, ScalarType> = { lastName: 'text', firstName: 'text', sex: 'text' };
  for (const [field, value] of Object.entries(empty)) {
    if (children.includes(field)) continue;
    out[field] = typeof value === 'boolean' ? 'flag' : Array.isArray(value) ? 'multi' : 'text';
  }
  return out;
}

function spec(kind: PersonKind, table: CardSpec['table'], whom: string, empty: Record<string, unknown>, labels: Record<string, string>): CardSpec {
  return { kind, table, record: PERSON_KIND_TITLES[kind], whom, labels, empty, scalars: scalarsOf(empty, CHILDREN[kind]), children: CHILDREN[kind] };
}

export const CARD_SPECS: Record<PersonKind, CardSpec> = {
  pupil: spec('pupil', 'pupil', 'обучающегося', PUPIL_EMPTY, PUPIL_FIELD_LABELS),
  parent: spec('parent', 'parent', 'родителя', PARENT_EMPTY, PARENT_FIELD_LABELS),
  staff: spec('staff', 'staff', 'сотрудника', STAFF_EMPTY, STAFF_FIELD_LABELS),
};

/** A card value → its column value. */
export function toColumn(type: ScalarType, value: unknown): unknown {
  if (type === 'flag') return value ? 1 : 0;
  if (type === 'multi') return JSON.stringify(Array.isArray(value) ? value : []);
  return value ?? null;
}

/** A column value → its card value (0/1 → boolean, JSON → list). */
export function fromColumn(type: ScalarType, value: unknown): unknown {
  if (type === 'flag') return Number(value) === 1;
  if (type === 'multi') {
    if (typeof value !== 'string') return [];
    try {
      const list = JSON.parse(value) as unknown;
      return Array.isArray(list) ? list.map(String) : [];
    } catch {
      return [];
    }
  }
  return value ?? null;
}

/** The row's columns for the card's scalar fields. */
export function scalarColumns(spec: CardSpec, card: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, type] of scalarFields(spec)) if (field in card) out[field] = toColumn(type, card[field]);
  return out;
}

const scalarEntries = new WeakMap<CardSpec, [string, ScalarType][]>();

/** The spec's scalar fields with their types, listed once: a pull reads and writes thousands of cards. */
export function scalarFields(spec: CardSpec): readonly [string, ScalarType][] {
  let fields = scalarEntries.get(spec);
  if (!fields) scalarEntries.set(spec, (fields = Object.entries(spec.scalars)));
  return fields;
}

export function scalarsFromRow(spec: CardSpec, row: Record<string, unknown>): Record<string, unknown> {
  const fields = scalarFields(spec);
  const out: Record<string, unknown> = {};
  for (const [field, type] of fields) out[field] = fromColumn(type, row[field]);
  return out;
}

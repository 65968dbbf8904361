import type { AddressInput, DocumentInput } from '../../../../src-shared/contract/peopleFields';
import { documentTitle } from '../../../../src-shared/domain/documents';
import { ADDRESS_KINDS } from '../../../../src-shared/domain/peopleDictionaries';
import type { Card } from '../../people/index';
import { addressText } from '../../people/index';
import type { CardSpec } from '../../people/index';
import type { MappedPerson } from './mapPerson';

/**
 * What a pull would change on a card: only fields the file gives a value for; a document is
 * matched by its type and an address by its kind, and only their given parts are compared. Staff
 * positions and education are added when the card has none (the card is the record for history).
 */
export interface FieldChange {
  field: string;
  label: string;
  old: string | null;
  new: string | null;
}

export interface CardDiff {
  patch: Record<string, unknown>;
  changes: FieldChange[];
}

function show(v: unknown): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (Array.isArray(v)) return v.length ? v.join(', ') : null;
  if (typeof v === 'boolean') return v ? 'да' : 'нет';
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return v.split('-').reverse().join('.');
  return String(v);
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
  return (a ?? null) === (b ?? null);
}

const DOC_FIELDS = ['series', 'number', 'issueDate', 'issuer', 'issuerCode'] as const;
const ADDRESS_FIELDS = ['postalCode', 'region', 'district', 'settlement', 'street', 'house', 'building', 'flat'] as const;

function mergeDocs(current: readonly DocumentInput[], given: readonly DocumentInput[]): { list: DocumentInput[]; changed: boolean } {
  const list = current.map((d) => ({ ...d }));
  let changed = false;
  for (const g of given) {
    const i = list.findIndex((d) => d.type === g.type);
    if (i < 0) {
      list.push({ ...g });
      changed = true;
      continue;
    }
    // A different number is another document of that type: it replaces the old one whole.
    const other = g.number && list[i].number && g.number !== list[i].number;
    const next = other ? { ...g, id: list[i].id } : { ...list[i] };
    if (!other) for (const f of DOC_FIELDS) if (g[f] !== null && g[f] !== undefined) next[f] = g[f];
    if (DOC_FIELDS.some((f) => !same(next[f], list[i][f]))) {
      list[i] = next;
      changed = true;
    }
  }
  return { list, changed };
}

function mergeAddresses(current: readonly AddressInput[], given: readonly AddressInput[]): { list: AddressInput[]; changed: boolean } {
  const list = current.map((a) => ({ ...a }));
  let changed = false;
  for (const g of given) {
    const i = list.findIndex((a) => a.kind === g.kind);
    if (i < 0) {
      list.push({ ...g });
      changed = true;
      continue;
    }
    const next = { ...list[i] };
    for (const f of ADDRESS_FIELDS) if (g[f] !== null && g[f] !== undefined) next[f] = g[f];
    if (ADDRESS_FIELDS.some((f) => !same(next[f], list[i][f]))) {
      list[i] = next;
      changed = true;
    }
  }
  return { list, changed };
}

export function staffLists(card: Partial<Card>, m: MappedPerson): { positions?: unknown[]; educations?: unknown[] } {
  const out: { positions?: unknown[]; educations?: unknown[] } = {};
  const positions = (card.positions as unknown[] | undefined) ?? [];
  if (positions.length === 0 && (m.extras.positionMain || m.extras.positionAdditional)) {
    out.positions = [
      ...(m.extras.positionMain ? [{ id: null, position: m.extras.positionMain, kind: 'main', rate: null, startDate: m.extras.hireDate, endDate: null, orderNumber: m.extras.hireOrderNumber }] : []),
      ...(m.extras.positionAdditional ? [{ id: null, position: m.extras.positionAdditional, kind: 'additional', rate: null, startDate: m.extras.hireDate, endDate: null, orderNumber: null }] : []),
    ];
  }
  const educations = (card.educations as unknown[] | undefined) ?? [];
  const e = m.extras.education;
  if (educations.length === 0 && e && (e.level || e.institution)) {
    out.educations = [{ id: null, level: e.level ?? null, institution: e.institution ?? null, diplomaDate: e.diplomaDate ?? null, diplomaNumber: null, specialty: e.specialty ?? null, qualification: null }];
  }
  return out;
}

export function diffCard(spec: CardSpec, card: Card, m: MappedPerson): CardDiff {
  const patch: Record<string, unknown> = {};
  const changes: FieldChange[] = [];
  for (const [field, value] of Object.entries(m.scalars)) {
    if (same(card[field], value)) continue;
    patch[field] = value;
    changes.push({ field, label: spec.labels[field] ?? field, old: show(card[field]), new: show(value) });
  }
  const docs = mergeDocs(card.documents, m.documents);
  if (docs.changed) {
    patch.documents = docs.list;
    changes.push({ field: 'documents', label: 'Документы', old: card.documents.map(documentTitle).join('; ') || null, new: docs.list.map(documentTitle).join('; ') });
  }
  const addresses = mergeAddresses(card.addresses, m.addresses);
  if (addresses.changed) {
    patch.addresses = addresses.list;
    const text = (l: readonly AddressInput[]) => l.map((a) => `${ADDRESS_KINDS[a.kind]}: ${addressText(a)}`).join('; ') || null;
    changes.push({ field: 'addresses', label: 'Адреса', old: text(card.addresses), new: text(addresses.list) });
  }
  if (spec.kind === 'staff') {
    const lists = staffLists(card, m);
    if (lists.positions) {
      patch.positions = lists.positions;
      changes.push({ field: 'positions', label: 'Должности', old: null, new: (lists.positions as { position: string }[]).map((p) => p.position).join(', ') });
    }
    if (lists.educations) {
      patch.educations = lists.educations;
      changes.push({ field: 'educations', label: 'Образование', old: null, new: (lists.educations as { institution: string | null; level: string | null }[]).map((e) => e.institution ?? e.level).join(', ') });
    }
  }
  return { patch, changes };
}

import type { z } from 'zod';
import { isValidIsoDate } from '../../../../src-shared/contract/fields';
import { addressInput, documentInput, phone as phoneSchema, snils as snilsSchema, type AddressInput, type DocumentInput } from '../../../../src-shared/contract/peopleFields';
import { checkDocument, normaliseDocument } from '../../../../src-shared/domain/documents';
import { checkPhone, checkSnils, formatSnils, normalisePhone } from '../../../../src-shared/domain/validators';
import { PARENT_SHAPE } from '../../../../src-shared/contract/peopleParentCard';
import { PUPIL_SHAPE } from '../../../../src-shared/contract/peoplePupilCard';
import { STAFF_SHAPE } from '../../../../src-shared/contract/peopleStaffCard';
import type { DocumentType } from '../../../../src-shared/domain/documents';
import type { AddressKind } from '../../../../src-shared/domain/peopleDictionaries';
import type { PersonKind } from '../../../../src-shared/domain/personRules';
import { CARD_SPECS, type ScalarType } from '../../people/index';
import type { CellValue, FieldValues } from '../formats/columns';
import { FileRecord, RecordLayout } from '../formats/records';

/**
 * A file row's fields (one person's block of them: the pupil, or `mother.*` / `father.*`) → what
 * the card would get: scalar fields, documents and addresses the file gives, plus the extras that
 * are not card fields (class, login, relation, positions). Every value goes through the card's own
 * field schema, so the file and the card form accept and normalise the same things.
 *
 * Speed matters (a district's export has tens of thousands of rows): the routing of a file's fields
 * is compiled once per file layout, and a field's verdict on a value is remembered (names, dates,
 * places and dictionary values repeat a lot).
 */
export interface MappedPerson {
  kind: PersonKind;
  /** Card scalar fields the file gives a value for (empty cells never erase: §1.6). */
  scalars: Record<string, unknown>;
  documents: DocumentInput[];
  addresses: AddressInput[];
  extras: {
    className: string | null;
    login: string | null;
    relation: string | null;
    positionMain: string | null;
    positionAdditional: string | null;
    hireDate: string | null;
    hireOrderNumber: string | null;
    education: Record<string, unknown> | null;
  };
  /** Problems by the file field (with prefix) they came from. */
  issues: { field: string; message: string }[];
}

const SHAPES: Record<PersonKind, Record<string, z.ZodType>> = {
  pupil: PUPIL_SHAPE as unknown as Record<string, z.ZodType>,
  parent: PARENT_SHAPE as unknown as Record<string, z.ZodType>,
  staff: STAFF_SHAPE as unknown as Record<string, z.ZodType>,
};

const DOCS: Record<string, DocumentType> = { passport: 'passport', birthCertificate: 'birthCertificate', medicalPolicy: 'medicalPolicy' };
const ADDRESSES: Record<string, AddressKind> = { actual: 'actual', registration: 'registration' };
/** File fields that are card fields under another name. */
const RENAMED: Record<string, string> = { comment: 'note' };
const EXTRAS = new Set(['className', 'login', 'relation', 'positionMain', 'positionAdditional']);

type Verdict = { ok: true; data: unknown } | { ok: false; message: string };

/** A cell that is a card scalar: `at` is its index in the record, `key` its field name (with prefix). */
interface ScalarRoute {
  at: number;
  key: string;
  field: string;
  type: ScalarType;
  schema: z.ZodType;
  memo: Map<string, Verdict>;
  isDate: boolean;
}

/** The cells of one document or address of a block: its parts by name, in column order. */
interface GroupRoute {
  group: string;
  parts: string[];
  at: number[];
}

/**
 * The routing of one person block of a file layout, by destination: each loop over it sees one
 * shape of route (a district's pull maps tens of thousands of blocks).
 */
interface Block {
  scalars: ScalarRoute[];
  docs: GroupRoute[];
  addresses: GroupRoute[];
  education: GroupRoute | null;
  /** The hire column (date and order number), or -1. */
  hire: number;
  extras: { name: keyof MappedPerson['extras']; at: number }[];
}

function groupOf(list: GroupRoute[], group: string): GroupRoute {
  let g = list.find((x) => x.group === group);
  if (!g) list.push((g = { group, parts: [], at: [] }));
  return g;
}

function compile(kind: PersonKind, prefix: string, keys: readonly string[]): Block {
  const spec = CARD_SPECS[kind];
  const b: Block = { scalars: [], docs: [], addresses: [], education: null, hire: -1, extras: [] };
  for (let at = 0; at < keys.length; at++) {
    const key = keys[at];
    if (prefix ? !key.startsWith(prefix) : key.startsWith('mother.') || key.startsWith('father.')) continue;
    const name = key.slice(prefix.length);
    const dot = name.indexOf('.');
    if (dot > 0) {
      const group = name.slice(0, dot);
      const part = name.slice(dot + 1);
      const g = DOCS[group] ? groupOf(b.docs, group) : ADDRESSES[group] ? groupOf(b.addresses, group) : group === 'education' ? (b.education ??= { group, parts: [], at: [] }) : null;
      if (g) {
        g.parts.push(part);
        g.at.push(at);
      }
      continue;
    }
    if (name === 'hire') b.hire = at;
    else if (EXTRAS.has(name)) b.extras.push({ name: name as keyof MappedPerson['extras'], at });
    else {
      const field = RENAMED[name] ?? name;
      const type = spec.scalars[field];
      if (type && SHAPES[kind][field]) b.scalars.push({ at, key, field, type, schema: SHAPES[kind][field], memo: memoOf(kind, field), isDate: isDateSchema(SHAPES[kind][field]) });
    }
  }
  return b;
}

const compiled = new WeakMap<RecordLayout, Partial<Record<PersonKind, Record<string, Block | undefined>>>>();

/** The routing of a file layout's cells for one person block, compiled once per layout. */
function blockFor(kind: PersonKind, prefix: string, layout: RecordLayout): Block {
  let byKind = compiled.get(layout);
  if (!byKind) compiled.set(layout, (byKind = {}));
  // Kinds and prefixes are a handful of literal strings: property lookups, no key built per row.
  return ((byKind[kind] ??= {})[prefix] ??= compile(kind, prefix, layout.fields));
}

const verdicts = new Map<string, Map<string, Verdict>>();
const MAX_REMEMBERED = 100_000;

function memoOf(kind: PersonKind, field: string): Map<string, Verdict> {
  let m = verdicts.get(`${kind}.${field}`);
  if (!m) verdicts.set(`${kind}.${field}`, (m = new Map()));
  return m;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** A date field of the card (the `date()` schema): it takes an existing ISO date as it is. */
function isDateSchema(schema: z.ZodType): boolean {
  const good = schema.safeParse('2004-02-29');
  return good.success && good.data === '2004-02-29' && !schema.safeParse('2003-02-29').success && !schema.safeParse('29.02.2004').success;
}

/**
 * Unique values (СНИЛС, phones) miss the memo; for them the schema's own steps run directly — the
 * same validators, in the same order, as `snils` and `phone` in peopleFields.ts.
 */
function checkedText(value: string, max: number, problem: (v: string) => string | null, out: (v: string) => unknown = (v) => v): Verdict {
  const v = value.trim();
  if (v === '') return { ok: true, data: null };
  if (v.length > max) return { ok: false, message: `не длиннее ${max} символов` };
  const p = problem(v);
  return p ? { ok: false, message: p } : { ok: true, data: out(v) };
}

/** The field schema's verdict on a value, remembered per field (bounded). */
function check(r: ScalarRoute, value: unknown): Verdict {
  if (typeof value === 'string') {
    if (r.schema === snilsSchema) return checkedText(value, 20, checkSnils, formatSnils);
    if (r.schema === phoneSchema) return checkedText(value, 50, checkPhone, normalisePhone);
    const known = r.memo.get(value);
    if (known) return known;
    // The file readers give dates as ISO already; an existing ISO date is what the date schema returns.
    if (r.isDate && ISO.test(value) && isValidIsoDate(value)) return remember(r, value, { ok: true, data: value });
    return remember(r, value, verdictOf(r, value));
  }
  const memoKey = typeof value === 'boolean' ? (value ? '\u0001' : '\u0000') : Array.isArray(value) ? `\u0002${value.join('\u0002')}` : null;
  if (memoKey === null) return verdictOf(r, value);
  return r.memo.get(memoKey) ?? remember(r, memoKey, verdictOf(r, value));
}

function verdictOf(r: ScalarRoute, value: unknown): Verdict {
  const p = r.schema.safeParse(value);
  return p.success ? { ok: true, data: p.data } : { ok: false, message: p.error.issues[0]?.message ?? 'значение не принято' };
}

function remember(r: ScalarRoute, key: string, verdict: Verdict): Verdict {
  if (r.memo.size > MAX_REMEMBERED) r.memo.clear();
  r.memo.set(key, verdict);
  return verdict;
}

function str(v: CellValue | undefined): string | null {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.join('|');
  return typeof v === 'boolean' ? (v ? 'Да' : 'Нет') : v;
}

/** The card's type of a field may differ from the column's (a list in the card, one value in the file). */
function adapt(type: ScalarType, v: CellValue): unknown {
  if (type === 'multi') return Array.isArray(v) ? v : typeof v === 'string' ? v.split('|').map((x) => x.trim()).filter(Boolean) : [];
  if (type === 'flag') return typeof v === 'boolean' ? v : v === 'Да';
  if (Array.isArray(v)) return v.join('|');
  return v;
}

/** A person block of plain field values (not read from a file). */
export function mapPersonValues(kind: PersonKind, values: FieldValues, prefix = ''): MappedPerson {
  const layout = new RecordLayout(Object.keys(values).map((field, i) => ({ pos: i + 1, caption: field, field })));
  return mapPerson(kind, new FileRecord(0, layout.fields.map((f) => values[f]), layout, []), prefix);
}

function isEmpty(value: CellValue | undefined): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/** The filled parts of a document or address, by part name; null when the file gives none. */
function partsOf(g: GroupRoute, cells: readonly CellValue[]): Record<string, unknown> | null {
  let out: Record<string, unknown> | null = null;
  for (let i = 0; i < g.at.length; i++) {
    const value = cells[g.at[i]];
    if (!isEmpty(value)) (out ??= {})[g.parts[i]] = value;
  }
  return out;
}

/** A person block of a file record (the pupil, or `mother.` / `father.`) → card values. */
export function mapPerson(kind: PersonKind, rec: Pick<FileRecord, 'cells' | 'layout'>, prefix = ''): MappedPerson {
  const out: MappedPerson = {
    kind,
    scalars: {},
    documents: [],
    addresses: [],
    extras: { className: null, login: null, relation: null, positionMain: null, positionAdditional: null, hireDate: null, hireOrderNumber: null, education: null },
    issues: [],
  };
  const cells = rec.cells;
  const b = blockFor(kind, prefix, rec.layout);
  for (const r of b.scalars) {
    const value = cells[r.at];
    if (isEmpty(value)) continue;
    const v = check(r, adapt(r.type, value));
    if (v.ok) out.scalars[r.field] = Array.isArray(v.data) ? [...v.data] : v.data;
    else out.issues.push({ field: r.key, message: v.message });
  }
  for (const x of b.extras) {
    const value = cells[x.at];
    if (!isEmpty(value)) (out.extras as Record<string, unknown>)[x.name] = str(value);
  }
  if (b.education) out.extras.education = partsOf(b.education, cells);
  if (b.hire >= 0) {
    const value = cells[b.hire];
    if (Array.isArray(value) && value.length > 0) {
      out.extras.hireDate = value[0] || null;
      out.extras.hireOrderNumber = value[1] || null;
    }
  }
  if (out.extras.hireDate && CARD_SPECS[kind].scalars.hireDate) {
    out.scalars.hireDate = out.extras.hireDate;
    if (out.extras.hireOrderNumber) out.scalars.hireOrderNumber = out.extras.hireOrderNumber;
  }
  for (const g of b.docs) {
    const d = partsOf(g, cells);
    if (!d) continue;
    const type = DOCS[g.group];
    const v = fastDocument(type, d) ?? viaSchema(documentInput, { type, series: null, number: null, issueDate: null, issuer: null, issuerCode: null, ...d }, `${prefix}${g.group}.`, 'number', out);
    if (v) out.documents.push(v);
  }
  for (const g of b.addresses) {
    const a = partsOf(g, cells);
    if (!a) continue;
    const kindOf = ADDRESSES[g.group];
    const v = fastAddress(kindOf, a) ?? viaSchema(addressInput, { kind: kindOf, postalCode: null, region: null, district: null, settlement: null, street: null, house: null, building: null, flat: null, ...a }, `${prefix}${g.group}.`, 'postalCode', out);
    if (v) out.addresses.push(v);
  }
  return out;
}

/** A document or address the fast path did not take: the schema decides and names every problem. */
function viaSchema<T>(schema: z.ZodType<T>, value: unknown, fieldPrefix: string, fallbackField: string, out: MappedPerson): T | null {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const i of parsed.error.issues) out.issues.push({ field: `${fieldPrefix}${String(i.path[0] ?? fallbackField)}`, message: i.message });
  return null;
}

const DOC_MAX = { series: 20, number: 50, issuer: 300, issuerCode: 10 } as const;
const ADDRESS_MAX = { region: 200, district: 200, settlement: 200, street: 200, house: 20, building: 20, flat: 20 } as const;

function text(v: unknown, max: number): string | null | undefined {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t.length > max ? undefined : t === '' ? null : t;
}

/**
 * `documentInput` for the common case (every part a valid string): the same normalisation and
 * format check; anything unusual (undefined result) goes through the schema for its messages.
 */
function fastDocument(type: DocumentType, d: Record<string, unknown>): DocumentInput | null {
  const series = text(d.series, DOC_MAX.series);
  const number = text(d.number, DOC_MAX.number);
  const issuer = text(d.issuer, DOC_MAX.issuer);
  const issuerCode = text(d.issuerCode, DOC_MAX.issuerCode);
  const issueDate = d.issueDate === undefined || d.issueDate === null ? null : typeof d.issueDate === 'string' && isValidIsoDate(d.issueDate) ? d.issueDate : undefined;
  if (series === undefined || number === undefined || issuer === undefined || issuerCode === undefined || issueDate === undefined) return null;
  const doc = normaliseDocument({ type, series, number, issueDate, issuer, issuerCode, id: null });
  return checkDocument(doc, null, '9999-12-31').length === 0 ? doc : null;
}

function fastAddress(kind: AddressKind, a: Record<string, unknown>): AddressInput | null {
  const postalCode = text(a.postalCode, 6);
  if (postalCode === undefined || (postalCode !== null && !/^\d{6}$/.test(postalCode))) return null;
  const region = text(a.region, ADDRESS_MAX.region);
  const district = text(a.district, ADDRESS_MAX.district);
  const settlement = text(a.settlement, ADDRESS_MAX.settlement);
  const street = text(a.street, ADDRESS_MAX.street);
  const house = text(a.house, ADDRESS_MAX.house);
  const building = text(a.building, ADDRESS_MAX.building);
  const flat = text(a.flat, ADDRESS_MAX.flat);
  if (region === undefined || district === undefined || settlement === undefined || street === undefined || house === undefined || building === undefined || flat === undefined) return null;
  return { kind, postalCode, region, district, settlement, street, house, building, flat };
}

/** Whether a block names anybody (a parent block of an empty pupil row does not). */
export function namesSomebody(m: MappedPerson): boolean {
  return Boolean(m.scalars.lastName || m.scalars.firstName);
}

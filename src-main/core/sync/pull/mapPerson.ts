import type { z } from 'zod';
import { isValidIsoDate } from '../../../../src-shared/contract/fields';
import { addressInput, documentInput, phone as phoneSchema, snils as snilsSchema, type AddressInput, type DocumentInput } from '../../../../src-shared/contract/peopleFields';
import { checkDocument, normaliseDocument } from '../../../../src-shared/domain/documents';
import { checkPhone, checkSnils, formatSnils } from '../../../../src-shared/domain/validators';
import { PARENT_SHAPE } from '../../../../src-shared/contract/peopleParentCard';
import { PUPIL_SHAPE } from '../../../../src-shared/contract/peoplePupilCard';
import { STAFF_SHAPE } from '../../../../src-shared/contract/peopleStaffCard';
import type { DocumentType } from '../../../../src-shared/domain/documents';
import type { AddressKind } from '../../../../src-shared/domain/peopleDictionaries';
import type { PersonKind } from '../../../../src-shared/domain/personRules';
import { CARD_SPECS, type ScalarType } from '../../people/cardSpec';
import type { CellValue, FieldValues } from '../formats/columns';

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

type Route =
  | { to: 'scalar'; key: string; field: string; type: ScalarType; schema: z.ZodType; memo: Map<string, Verdict>; isDate: boolean }
  | { to: 'doc' | 'address' | 'education'; key: string; group: string; part: string }
  | { to: 'hire'; key: string }
  | { to: 'extra'; key: string; name: string };

function compile(kind: PersonKind, prefix: string, keys: readonly string[]): Route[] {
  const spec = CARD_SPECS[kind];
  const routes: Route[] = [];
  for (const key of keys) {
    if (prefix ? !key.startsWith(prefix) : key.startsWith('mother.') || key.startsWith('father.')) continue;
    const name = key.slice(prefix.length);
    const dot = name.indexOf('.');
    if (dot > 0) {
      const group = name.slice(0, dot);
      const part = name.slice(dot + 1);
      if (DOCS[group]) routes.push({ to: 'doc', key, group, part });
      else if (ADDRESSES[group]) routes.push({ to: 'address', key, group, part });
      else if (group === 'education') routes.push({ to: 'education', key, group, part });
      continue;
    }
    if (name === 'hire') routes.push({ to: 'hire', key });
    else if (EXTRAS.has(name)) routes.push({ to: 'extra', key, name });
    else {
      const field = RENAMED[name] ?? name;
      const type = spec.scalars[field];
      if (type && SHAPES[kind][field]) routes.push({ to: 'scalar', key, field, type, schema: SHAPES[kind][field], memo: memoOf(kind, field), isDate: isDateSchema(SHAPES[kind][field]) });
    }
  }
  return routes;
}

const compiled = new WeakMap<object, Map<string, Route[]>>();

function routesFor(kind: PersonKind, prefix: string, values: FieldValues, layout?: object): Route[] {
  if (!layout) return compile(kind, prefix, Object.keys(values));
  let byKind = compiled.get(layout);
  if (!byKind) compiled.set(layout, (byKind = new Map()));
  const k = `${kind}|${prefix}`;
  let routes = byKind.get(k);
  if (!routes) byKind.set(k, (routes = compile(kind, prefix, Object.keys(values))));
  return routes;
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
function check(r: Extract<Route, { to: 'scalar' }>, value: unknown): Verdict {
  if (typeof value === 'string' && r.schema === snilsSchema) return checkedText(value, 20, checkSnils, formatSnils);
  if (typeof value === 'string' && r.schema === phoneSchema) return checkedText(value, 50, checkPhone);
  // The file readers give dates as ISO already; an existing ISO date is what the date schema returns.
  if (r.isDate && typeof value === 'string' && ISO.test(value) && isValidIsoDate(value)) return { ok: true, data: value };
  const memoKey = typeof value === 'string' ? value : typeof value === 'boolean' ? (value ? '\u0001' : '\u0000') : Array.isArray(value) ? `\u0002${value.join('\u0002')}` : null;
  if (memoKey !== null) {
    const v = r.memo.get(memoKey);
    if (v) return v;
  }
  const p = r.schema.safeParse(value);
  const verdict: Verdict = p.success ? { ok: true, data: p.data } : { ok: false, message: p.error.issues[0]?.message ?? 'значение не принято' };
  if (memoKey !== null) {
    if (r.memo.size > MAX_REMEMBERED) r.memo.clear();
    r.memo.set(memoKey, verdict);
  }
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

/**
 * `layout` is any object that stays the same for every row of one file layout (the file's column
 * list): the field routing is compiled once for it.
 */
export function mapPerson(kind: PersonKind, values: FieldValues, prefix = '', layout?: object): MappedPerson {
  const out: MappedPerson = {
    kind,
    scalars: {},
    documents: [],
    addresses: [],
    extras: { className: null, login: null, relation: null, positionMain: null, positionAdditional: null, hireDate: null, hireOrderNumber: null, education: null },
    issues: [],
  };
  let docs: Map<string, Record<string, unknown>> | null = null;
  let addresses: Map<string, Record<string, unknown>> | null = null;
  for (const r of routesFor(kind, prefix, values, layout)) {
    const value = values[r.key];
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    switch (r.to) {
      case 'scalar': {
        const v = check(r, adapt(r.type, value));
        if (v.ok) out.scalars[r.field] = Array.isArray(v.data) ? [...v.data] : v.data;
        else out.issues.push({ field: r.key, message: v.message });
        break;
      }
      case 'doc':
        docs ??= new Map();
        docs.set(r.group, { ...(docs.get(r.group) ?? {}), [r.part]: value });
        break;
      case 'address':
        addresses ??= new Map();
        addresses.set(r.group, { ...(addresses.get(r.group) ?? {}), [r.part]: value });
        break;
      case 'education':
        out.extras.education = { ...(out.extras.education ?? {}), [r.part]: value };
        break;
      case 'hire':
        if (Array.isArray(value)) {
          out.extras.hireDate = value[0] || null;
          out.extras.hireOrderNumber = value[1] || null;
        }
        break;
      case 'extra':
        (out.extras as Record<string, unknown>)[r.name] = str(value);
        break;
    }
  }
  if (out.extras.hireDate && CARD_SPECS[kind].scalars.hireDate) {
    out.scalars.hireDate = out.extras.hireDate;
    if (out.extras.hireOrderNumber) out.scalars.hireOrderNumber = out.extras.hireOrderNumber;
  }
  for (const [group, d] of docs ?? []) {
    const fast = fastDocument(DOCS[group], d);
    if (fast) {
      out.documents.push(fast);
      continue;
    }
    const parsed = documentInput.safeParse({ type: DOCS[group], series: null, number: null, issueDate: null, issuer: null, issuerCode: null, ...d });
    if (parsed.success) out.documents.push(parsed.data);
    else for (const i of parsed.error.issues) out.issues.push({ field: `${prefix}${group}.${String(i.path[0] ?? 'number')}`, message: i.message });
  }
  for (const [group, a] of addresses ?? []) {
    const fast = fastAddress(ADDRESSES[group], a);
    if (fast) {
      out.addresses.push(fast);
      continue;
    }
    const parsed = addressInput.safeParse({ kind: ADDRESSES[group], postalCode: null, region: null, district: null, settlement: null, street: null, house: null, building: null, flat: null, ...a });
    if (parsed.success) out.addresses.push(parsed.data);
    else for (const i of parsed.error.issues) out.issues.push({ field: `${prefix}${group}.${String(i.path[0] ?? 'postalCode')}`, message: i.message });
  }
  return out;
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
  const out: Record<string, unknown> = { kind, postalCode };
  for (const [f, max] of Object.entries(ADDRESS_MAX)) {
    const v = text(a[f], max);
    if (v === undefined) return null;
    out[f] = v;
  }
  return out as AddressInput;
}

/** Whether a block names anybody (a parent block of an empty pupil row does not). */
export function namesSomebody(m: MappedPerson): boolean {
  return Boolean(m.scalars.lastName || m.scalars.firstName);
}

/**
 * What a builder definition does to rows the core has already read and scoped: filter, sort, group
 * with counts and totals, and the cells as the screen and Excel show them. Pure, so the form's
 * preview rules and the server agree and the unit tests need no database.
 */
import { compareRu } from '../names';
import { fieldOf, OPS_BY_TYPE, UNARY_OPS, type BuilderEntity, type BuilderField, type FilterOp } from './builderFields';

export type BuilderValue = string | number | boolean | null | readonly string[];

export interface SourceRow {
  id: string;
  values: Record<string, BuilderValue>;
}

export interface BuilderFilter {
  field: string;
  op: FilterOp;
  value?: string | number | null;
}

export interface BuilderSort {
  field: string;
  dir: 'asc' | 'desc';
}

export interface BuilderDefinition {
  entity: BuilderEntity;
  columns: string[];
  filters: BuilderFilter[];
  /** The day memberships and positions hold on; null — the day the report is run. */
  date: string | null;
  groupBy: string[];
  totals: string[];
  sort: BuilderSort[];
}

export type BuilderCell = string | number | null;

export interface BuilderGroup {
  level: number;
  /** «Класс: 5А». */
  label: string;
  count: number;
  /** Sums of the total columns, aligned with `columns` (null where not summed). */
  totals: (number | null)[];
  /** Rows of the group: [start, end) in the sorted rows. */
  start: number;
  end: number;
}

export interface Evaluated {
  rows: { id: string; cells: BuilderCell[] }[];
  groups: BuilderGroup[];
  totals: (number | null)[];
}

function norm(v: string): string {
  return v.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}

function isEmpty(v: BuilderValue): boolean {
  return v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

function asNumber(v: BuilderValue | undefined): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v.replace(',', '.')))) return Number(v.replace(',', '.'));
  return null;
}

/** Does one row pass one filter? Text compares ignore case and ё/е; a list filter asks for one value. */
export function passes(value: BuilderValue, filter: BuilderFilter, field: BuilderField): boolean {
  const op = filter.op;
  if (op === 'empty') return isEmpty(value) || value === false;
  if (op === 'notEmpty') return !isEmpty(value) && value !== false;
  if (op === 'isTrue') return value === true;
  if (op === 'isFalse') return value !== true;
  const wanted = filter.value ?? null;
  if (field.type === 'list') {
    const list = Array.isArray(value) ? (value as readonly string[]) : [];
    const hit = wanted !== null && list.some((x) => norm(x) === norm(String(wanted)));
    return op === 'has' ? hit : op === 'hasNot' ? !hit : false;
  }
  if (field.type === 'number') {
    const a = asNumber(value);
    const b = asNumber(wanted);
    if (a === null || b === null) return op === 'ne' ? a !== b : false;
    return op === 'eq' ? a === b : op === 'ne' ? a !== b : op === 'gt' ? a > b : op === 'gte' ? a >= b : op === 'lt' ? a < b : op === 'lte' ? a <= b : false;
  }
  if (field.type === 'date') {
    if (typeof value !== 'string' || wanted === null) return false;
    const b = String(wanted);
    return op === 'eq' ? value === b : op === 'gt' ? value > b : op === 'gte' ? value >= b : op === 'lt' ? value < b : op === 'lte' ? value <= b : false;
  }
  const a = value === null ? '' : norm(String(value));
  const b = wanted === null ? '' : norm(String(wanted));
  switch (op) {
    case 'eq':
      return a === b;
    case 'ne':
      return a !== b;
    case 'contains':
      return a.includes(b);
    case 'notContains':
      return !a.includes(b);
    default:
      return false;
  }
}

function compareValues(a: BuilderValue, b: BuilderValue): number {
  if (isEmpty(a) && isEmpty(b)) return 0;
  if (isEmpty(a)) return 1;
  if (isEmpty(b)) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' || typeof b === 'boolean') return Number(b === true) - Number(a === true);
  return compareRu(display(a), display(b));
}

/** A value as a cell: dates дд.мм.гггг, flags да/нет, lists joined by «; ». */
export function display(v: BuilderValue): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'да' : 'нет';
  if (Array.isArray(v)) return (v as readonly string[]).join('; ');
  const s = String(v);
  return /^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s.slice(8, 10)}.${s.slice(5, 7)}.${s.slice(0, 4)}` : s;
}

function cellOf(v: BuilderValue): BuilderCell {
  return typeof v === 'number' ? v : v === null ? null : display(v);
}

export function evaluate(source: readonly SourceRow[], def: BuilderDefinition): Evaluated {
  const fields = (keys: readonly string[]) => keys.map((k) => fieldOf(def.entity, k)).filter((f): f is BuilderField => Boolean(f));
  const filters = def.filters.map((f) => ({ f, field: fieldOf(def.entity, f.field) })).filter((x): x is { f: BuilderFilter; field: BuilderField } => Boolean(x.field));
  const kept = source.filter((r) => filters.every(({ f, field }) => passes(r.values[f.field] ?? null, f, field)));
  const order = [...def.groupBy.map((field) => ({ field, dir: 'asc' as const })), ...def.sort];
  kept.sort((a, b) => {
    for (const s of order) {
      const c = compareValues(a.values[s.field] ?? null, b.values[s.field] ?? null);
      if (c !== 0) return s.dir === 'desc' ? -c : c;
    }
    return 0;
  });
  const columns = fields(def.columns);
  const summed = new Set(def.totals.filter((k) => fieldOf(def.entity, k)?.type === 'number'));
  const sumOf = (from: number, to: number) =>
    columns.map((c) => {
      if (!summed.has(c.key)) return null;
      let s = 0;
      for (let i = from; i < to; i++) s += asNumber(kept[i].values[c.key] ?? null) ?? 0;
      return Math.round(s * 100) / 100;
    });
  const groups: BuilderGroup[] = [];
  const groupFields = fields(def.groupBy);
  const split = (level: number, start: number, end: number) => {
    if (level >= groupFields.length) return;
    const f = groupFields[level];
    let i = start;
    while (i < end) {
      const v = kept[i].values[f.key] ?? null;
      let j = i + 1;
      while (j < end && compareValues(kept[j].values[f.key] ?? null, v) === 0) j++;
      groups.push({ level, label: `${f.label}: ${isEmpty(v) ? 'не указано' : display(v)}`, count: j - i, totals: sumOf(i, j), start: i, end: j });
      split(level + 1, i, j);
      i = j;
    }
  };
  split(0, 0, kept.length);
  return {
    rows: kept.map((r) => ({ id: r.id, cells: columns.map((c) => cellOf(r.values[c.key] ?? null)) })),
    groups,
    totals: sumOf(0, kept.length),
  };
}

/** Problems of a definition in Russian, by path (the contract's refinement and the form use these). */
export function definitionIssues(def: BuilderDefinition): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  const known = (k: string) => Boolean(fieldOf(def.entity, k));
  def.columns.forEach((k, i) => {
    if (!known(k)) out.push({ path: `definition.columns.${i}`, message: `поле «${k}» нельзя выбрать для этой сущности` });
  });
  if (def.columns.length === 0) out.push({ path: 'definition.columns', message: 'выберите хотя бы один столбец' });
  def.filters.forEach((f, i) => {
    const field = fieldOf(def.entity, f.field);
    if (!field) return out.push({ path: `definition.filters.${i}.field`, message: `поле «${f.field}» нельзя выбрать для этой сущности` });
    if (!opsFor(field).includes(f.op)) return out.push({ path: `definition.filters.${i}.op`, message: `условие «${f.op}» не подходит к полю «${field.label}»` });
    if (!UNARY_OPS.includes(f.op) && (f.value === null || f.value === undefined || f.value === '')) out.push({ path: `definition.filters.${i}.value`, message: `укажите значение для условия по полю «${field.label}»` });
    if (field.type === 'number' && !UNARY_OPS.includes(f.op) && asNumber(f.value ?? null) === null) out.push({ path: `definition.filters.${i}.value`, message: `поле «${field.label}» — число` });
    if (field.type === 'date' && !UNARY_OPS.includes(f.op) && !/^\d{4}-\d{2}-\d{2}$/.test(String(f.value ?? ''))) out.push({ path: `definition.filters.${i}.value`, message: `поле «${field.label}» — дата` });
  });
  def.groupBy.forEach((k, i) => {
    if (!known(k)) out.push({ path: `definition.groupBy.${i}`, message: `группировать по «${k}» нельзя` });
  });
  def.totals.forEach((k, i) => {
    const field = fieldOf(def.entity, k);
    if (!field || field.type !== 'number') out.push({ path: `definition.totals.${i}`, message: `итог считается только по числовым полям` });
    else if (!def.columns.includes(k)) out.push({ path: `definition.totals.${i}`, message: `поле «${field.label}» для итога должно быть среди столбцов` });
  });
  def.sort.forEach((s, i) => {
    if (!known(s.field)) out.push({ path: `definition.sort.${i}.field`, message: `сортировать по «${s.field}» нельзя` });
  });
  return out;
}


export function opsFor(field: BuilderField): readonly FilterOp[] {
  return OPS_BY_TYPE[field.type];
}

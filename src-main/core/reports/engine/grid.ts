import type { ReportCell, ReportColumn, ReportRow, ReportTable } from '../../../../src-shared/contract/reportResult';

/**
 * A table of numbers whose every cell remembers who it counts: the screen and the Excel file show
 * the sizes, a drill-down lists the members. Rows and columns are declared first (their order is
 * the form's), members are added by key, and subtotal rows take the union of their parts — so a
 * total can never differ from the people it claims to count.
 */
export type MemberKind = 'pupil' | 'staff' | 'class';

export interface CellMembers {
  kind: MemberKind;
  ids: string[];
  /** Why each member is counted (the card's value, an order…), by id. */
  details?: Map<string, string>;
}

export interface ColumnSpec {
  key: string;
  title: string;
  group?: string | null;
  code?: string | null;
  width?: number;
  /** Members of this column are of another kind than the table's (e.g. «классов» in a pupil table). */
  kind?: MemberKind;
}

export interface RowSpec {
  key: string;
  label: string;
  level?: 0 | 1 | 2;
  code?: string | null;
  /** Members of this row are of another kind (ОО-1 pairs «классов» / «в них обучающихся»). */
  kind?: MemberKind;
}

export interface GridSpec {
  id: string;
  title: string;
  note?: string | null;
  labelTitle: string;
  kind: MemberKind;
  columns: ColumnSpec[];
  landscape?: boolean;
}

export interface BuiltTable {
  table: ReportTable;
  members: Map<string, CellMembers>;
}

export function drillKey(table: string, row: string, column: string): string {
  return `${table}\u0001${row}\u0001${column}`;
}

export class Grid {
  readonly spec: GridSpec;
  private readonly rows: RowSpec[] = [];
  private readonly rowIndex = new Set<string>();
  private readonly cells = new Map<string, Set<string>>();
  private readonly details = new Map<string, Map<string, string>>();
  private readonly fixed = new Map<string, ReportCell>();
  private readonly columnKinds: Map<string, MemberKind>;

  constructor(spec: GridSpec) {
    this.spec = spec;
    this.columnKinds = new Map(spec.columns.map((c) => [c.key, c.kind ?? spec.kind]));
  }

  row(r: RowSpec): this {
    if (this.rowIndex.has(r.key)) throw new Error(`row ${r.key} declared twice in ${this.spec.id}`);
    this.rowIndex.add(r.key);
    this.rows.push(r);
    return this;
  }

  hasRow(key: string): boolean {
    return this.rowIndex.has(key);
  }

  private cell(row: string, column: string): Set<string> {
    if (!this.rowIndex.has(row)) throw new Error(`unknown row ${row} in ${this.spec.id}`);
    if (!this.columnKinds.has(column)) throw new Error(`unknown column ${column} in ${this.spec.id}`);
    const k = `${row}\u0001${column}`;
    let set = this.cells.get(k);
    if (!set) this.cells.set(k, (set = new Set()));
    return set;
  }

  /** Counts `id` in the cell; `detail` says why (shown in the drill-down). */
  add(row: string, column: string, id: string, detail?: string): this {
    this.cell(row, column).add(id);
    if (detail) {
      const k = `${row}\u0001${column}`;
      let d = this.details.get(k);
      if (!d) this.details.set(k, (d = new Map()));
      d.set(id, detail);
    }
    return this;
  }

  /** A cell that is not a count of people: «х» where the form forbids a value, a sum of rates. */
  set(row: string, column: string, value: ReportCell): this {
    this.fixed.set(`${row}\u0001${column}`, value);
    return this;
  }

  members(row: string, column: string): ReadonlySet<string> {
    return this.cells.get(`${row}\u0001${column}`) ?? new Set();
  }

  count(row: string, column: string): number {
    const fixed = this.fixed.get(`${row}\u0001${column}`);
    if (typeof fixed === 'number') return fixed;
    return this.members(row, column).size;
  }

  /** Makes `target` the union of `parts` in every column (a subtotal or a total row). */
  unionRows(target: string, parts: readonly string[]): this {
    for (const c of this.spec.columns) {
      for (const p of parts) {
        const k = `${p}\u0001${c.key}`;
        for (const id of this.cells.get(k) ?? []) this.add(target, c.key, id, this.details.get(k)?.get(id));
      }
    }
    return this;
  }

  /** Makes column `target` the union of `parts` in every row. */
  unionColumns(target: string, parts: readonly string[]): this {
    for (const r of this.rows) {
      for (const p of parts) {
        const k = `${r.key}\u0001${p}`;
        for (const id of this.cells.get(k) ?? []) this.add(r.key, target, id, this.details.get(k)?.get(id));
      }
    }
    return this;
  }

  build(): BuiltTable {
    const members = new Map<string, CellMembers>();
    const columns: ReportColumn[] = this.spec.columns.map((c) => ({ key: c.key, title: c.title, group: c.group ?? null, code: c.code ?? null, width: c.width ?? 10 }));
    const rows: ReportRow[] = this.rows.map((r) => ({
      key: r.key,
      label: r.label,
      level: r.level ?? 0,
      code: r.code ?? null,
      personId: null,
      cells: this.spec.columns.map((c) => {
        const k = `${r.key}\u0001${c.key}`;
        if (this.fixed.has(k)) return this.fixed.get(k) ?? null;
        const set = this.cells.get(k);
        if (set && set.size > 0) {
          members.set(drillKey(this.spec.id, r.key, c.key), { kind: r.kind ?? this.columnKinds.get(c.key) ?? this.spec.kind, ids: [...set], details: this.details.get(k) });
        }
        return set?.size ?? 0;
      }),
    }));
    const table: ReportTable = {
      id: this.spec.id,
      title: this.spec.title,
      note: this.spec.note ?? null,
      kind: 'grid',
      labelTitle: this.spec.labelTitle,
      columns,
      rows,
      personKind: this.spec.kind,
      landscape: this.spec.landscape ?? columns.length > 9,
    };
    return { table, members };
  }
}

/** A table of people (one row each); no drill-down, a name opens the card. */
export function listTable(spec: { id: string; title: string; note?: string | null; kind: 'pupil' | 'staff'; columns: ColumnSpec[]; landscape?: boolean; labelTitle?: string }, rows: { id: string; label: string; cells: ReportCell[] }[]): ReportTable {
  return {
    id: spec.id,
    title: spec.title,
    note: spec.note ?? null,
    kind: 'list',
    labelTitle: spec.labelTitle ?? 'ФИО',
    columns: spec.columns.map((c) => ({ key: c.key, title: c.title, group: c.group ?? null, code: c.code ?? null, width: c.width ?? 14 })),
    rows: rows.map((r, i) => ({ key: `${r.id}-${i}`, label: r.label, level: 0, code: null, personId: r.id, cells: r.cells })),
    personKind: spec.kind,
    landscape: spec.landscape ?? spec.columns.length > 5,
  };
}

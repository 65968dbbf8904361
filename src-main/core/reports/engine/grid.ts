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
  /** Kept as the set itself: copying every cell's members of a district into arrays costs more than the rest. */
  ids: ReadonlySet<string>;
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

interface CellData {
  /** How many are counted here. */
  n: number;
  /** Who: kept while collecting (a drill-down) and for classes (counted once however often added). */
  ids: Set<string> | null;
  details: Map<string, string> | null;
}

export interface GridOptions {
  /**
   * Keep every cell's members and details. A report on screen only counts (a district's report
   * adds a hundred thousand people to dozens of cells each); a drill-down computes the report again
   * collecting the members of the one table it opens.
   */
  collect: boolean;
}

export class Grid {
  readonly spec: GridSpec;
  private readonly rows: RowSpec[] = [];
  private readonly rowKinds = new Map<string, MemberKind | undefined>();
  private readonly cells = new Map<string, Map<string, CellData>>();
  private readonly fixed = new Map<string, Map<string, ReportCell>>();
  private readonly columnKinds: Map<string, MemberKind>;
  private readonly collect: boolean;

  constructor(spec: GridSpec, options: GridOptions = { collect: true }) {
    this.spec = spec;
    this.collect = options.collect;
    this.columnKinds = new Map(spec.columns.map((c) => [c.key, c.kind ?? spec.kind]));
  }

  row(r: RowSpec): this {
    if (this.cells.has(r.key)) throw new Error(`row ${r.key} declared twice in ${this.spec.id}`);
    this.cells.set(r.key, new Map());
    this.rowKinds.set(r.key, r.kind);
    this.rows.push(r);
    return this;
  }

  hasRow(key: string): boolean {
    return this.cells.has(key);
  }

  private cell(row: string, column: string): CellData {
    const r = this.cells.get(row);
    if (!r) throw new Error(`unknown row ${row} in ${this.spec.id}`);
    let c = r.get(column);
    if (!c) {
      const kind = this.columnKinds.get(column);
      if (!kind) throw new Error(`unknown column ${column} in ${this.spec.id}`);
      const classes = (this.rowKinds.get(row) ?? kind) === 'class';
      r.set(column, (c = { n: 0, ids: this.collect || classes ? new Set() : null, details: null }));
    }
    return c;
  }

  /**
   * Counts `id` in the cell; `detail` says why (shown in the drill-down). A person is added to a
   * cell at most once by every report (it visits each person once); classes may repeat and are
   * counted once.
   */
  add(row: string, column: string, id: string, detail?: string): this {
    const c = this.cell(row, column);
    if (c.ids) {
      if (c.ids.has(id)) return this;
      c.ids.add(id);
    }
    c.n++;
    if (detail && this.collect) (c.details ??= new Map()).set(id, detail);
    return this;
  }

  /** Counts `id` in one column of several rows at once (its grade, its level, the total). */
  addRows(rows: readonly string[], column: string, id: string, detail?: string): this {
    for (const row of rows) this.add(row, column, id, detail);
    return this;
  }

  /** A cell that is not a count of people: «х» where the form forbids a value, a sum of rates. */
  set(row: string, column: string, value: ReportCell): this {
    let r = this.fixed.get(row);
    if (!r) this.fixed.set(row, (r = new Map()));
    r.set(column, value);
    return this;
  }

  count(row: string, column: string): number {
    const fixed = this.fixed.get(row)?.get(column);
    if (typeof fixed === 'number') return fixed;
    return this.cells.get(row)?.get(column)?.n ?? 0;
  }

  private copy(fromRow: string, fromColumn: string, toRow: string, toColumn: string): void {
    const from = this.cells.get(fromRow)?.get(fromColumn);
    if (!from || from.n === 0) return;
    const to = this.cell(toRow, toColumn);
    if (to.ids && from.ids) {
      for (const id of from.ids) this.add(toRow, toColumn, id, from.details?.get(id));
    } else to.n += from.n;
  }

  /** Makes `target` the union of `parts` in every column (a subtotal or a total row; parts do not overlap). */
  unionRows(target: string, parts: readonly string[]): this {
    for (const c of this.spec.columns) for (const p of parts) this.copy(p, c.key, target, c.key);
    return this;
  }

  /** Makes column `target` the union of `parts` in every row (parts do not overlap). */
  unionColumns(target: string, parts: readonly string[]): this {
    for (const r of this.rows) for (const p of parts) this.copy(r.key, p, r.key, target);
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
        const fixed = this.fixed.get(r.key);
        if (fixed?.has(c.key)) return fixed.get(c.key) ?? null;
        const cell = this.cells.get(r.key)?.get(c.key);
        if (cell && cell.n > 0 && cell.ids && this.collect) {
          members.set(drillKey(this.spec.id, r.key, c.key), { kind: r.kind ?? this.columnKinds.get(c.key) ?? this.spec.kind, ids: cell.ids, details: cell.details ?? undefined });
        }
        return cell?.n ?? 0;
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

/** Makes the grids of one computation: collecting members only in the table a drill-down opens. */
export type GridFactory = (spec: GridSpec) => Grid;

export function gridFactory(collect: string | 'all' | null): GridFactory {
  return (spec) => new Grid(spec, { collect: collect === 'all' || collect === spec.id });
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

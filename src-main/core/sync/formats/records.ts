import { columnLetter, type CellValue, type ColumnDef, type FieldGetter, type FieldValues, type FileFormat, type ValueKind } from './columns';
import { pupilsExtendedLayout } from './pupilsExtended';
import { parseCell, type Parsed } from './values';

/** A problem in a file, located as a person finds it in Excel: row, column letter and caption. */
export interface FileIssue {
  row: number;
  column: number | null;
  columnLetter: string | null;
  caption: string | null;
  message: string;
  /** A blocking problem rejects the row; a warning only informs. */
  severity: 'error' | 'warning';
}

/**
 * The fields of a file layout in cell order: a record keeps its values positionally (a district's
 * export has a million cells; an object per row with a hundred named keys costs more than reading it).
 */
export class RecordLayout {
  /** Field of each cell. */
  readonly fields: string[] = [];
  /** Column of each cell. */
  readonly cellColumns: ColumnDef[] = [];
  readonly index = new Map<string, number>();

  constructor(readonly columns: readonly ColumnDef[]) {
    for (const c of columns) {
      if (!c.field) continue;
      const at = this.index.get(c.field);
      if (at !== undefined) {
        // The same field twice: the later column wins, as a later key of an object would.
        this.cellColumns[at] = c;
        continue;
      }
      this.index.set(c.field, this.fields.length);
      this.fields.push(c.field);
      this.cellColumns.push(c);
    }
  }

  /** The cell index of a field, or -1. */
  at(field: string): number {
    return this.index.get(field) ?? -1;
  }
}

export class FileRecord implements FieldGetter {
  private named: FieldValues | null = null;
  /** The searchKey of each person block, once a pull has computed it (by block prefix). */
  fio: Record<string, string> | null = null;

  constructor(
    /** 1-based row of the file (line of a CSV, `<tr>` of an HTML table, row of a sheet). */
    readonly row: number,
    /** Values by the layout's cell index: dates ISO, sex `М`/`Ж`, multi-values as lists, flags as booleans. */
    readonly cells: CellValue[],
    readonly layout: RecordLayout,
    readonly issues: FileIssue[],
  ) {}

  get(field: string): CellValue | undefined {
    const i = this.layout.index.get(field);
    return i === undefined ? undefined : this.cells[i];
  }

  /** The values by field name (built on first use). */
  get values(): FieldValues {
    if (!this.named) {
      const v: FieldValues = {};
      this.layout.fields.forEach((f, i) => (v[f] = this.cells[i]));
      this.named = v;
    }
    return this.named;
  }
}

export interface ReadResult {
  columns: readonly ColumnDef[];
  /** The rows before the data (titles, filters, captions) as the file has them. */
  headerRows: string[][];
  records: FileRecord[];
  /** Problems of the file as a whole (no header found, wrong column count…). */
  fileIssues: FileIssue[];
}

export function issueAt(row: number, col: ColumnDef | null, message: string, severity: FileIssue['severity'] = 'error'): FileIssue {
  return { row, column: col?.pos ?? null, columnLetter: col ? columnLetter(col.pos) : null, caption: col ? (col.group ? `${col.group}: ${col.caption}` : col.caption) : null, message, severity };
}

/** Russian text of an issue: «Строка 17, столбец F «Дата рождения»: …». */
export function issueText(i: FileIssue): string {
  const where = i.column ? `Строка ${i.row}, столбец ${i.columnLetter} (${i.column}) «${i.caption}»` : `Строка ${i.row}`;
  return `${where}: ${i.message}`;
}

function norm(s: string): string {
  return s.toLowerCase().replace(/ё/g, 'е').replace(/[^a-zа-я0-9№]/g, '');
}

/** Caption-matched formats: find the header row among the first rows and map columns by caption. */
function captionLayout(format: FileFormat, rows: string[][]): { columns: ColumnDef[]; headerRow: number } | null {
  for (let r = 0; r < Math.min(rows.length, 8); r++) {
    const cells = rows[r].map(norm);
    const found: ColumnDef[] = [];
    for (const col of format.columns) {
      const names = [col.caption, ...(col.aliases ?? [])].map(norm);
      const at = cells.findIndex((c) => names.includes(c));
      if (at >= 0) found.push({ ...col, pos: at + 1, caption: rows[r][at].trim() || col.caption });
    }
    const required = format.columns.filter((c) => c.required);
    if (found.length >= 2 && required.every((c) => found.some((f) => f.field === c.field))) return { columns: found, headerRow: r };
  }
  return null;
}

/** Where the data starts: after the declared header, or at the first row numbered 1 for exports. */
function dataStart(format: FileFormat, rows: string[][], declared: number): number {
  if (format.columns[0]?.field === 'rowNo') {
    for (let r = 0; r < Math.min(rows.length, declared + 4); r++) if (/^\s*1\.?\s*$/.test(rows[r][0] ?? '')) return r;
  }
  return declared;
}

function isEmptyRow(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

/** Reads the data rows of a table with a format; every problem names its row and column. */
export function readRecords(format: FileFormat, rows: string[][], today: string): ReadResult {
  let columns: readonly ColumnDef[] = format.columns;
  let start: number;
  const fileIssues: FileIssue[] = [];
  if (format.match === 'caption') {
    const layout = captionLayout(format, rows);
    if (!layout) {
      const need = format.columns.filter((c) => c.required).map((c) => `«${c.caption}»`).join(', ');
      fileIssues.push(issueAt(1, null, `не найдена строка заголовка со столбцами ${need} — это не файл формата «${format.title}»`));
      return { columns, headerRows: [], records: [], fileIssues };
    }
    columns = layout.columns;
    start = layout.headerRow + 1;
  } else {
    start = dataStart(format, rows, format.headerLines);
    if (format.id === 'pupilsExtended') {
      // CSV lines carry all N−1 separators and HTML rows all cells, so the row width is the layout.
      const width = Math.max(0, ...rows.slice(start, start + 50).map((r) => r.length));
      const layout = pupilsExtendedLayout(Math.min(99, Math.max(96, width)));
      if (layout) columns = layout;
    }
  }
  const last = columns.reduce((m, c) => Math.max(m, c.pos), 0);
  const layout = new RecordLayout(columns);
  const cols = layout.cellColumns;
  const n = cols.length;
  // Per column, resolved once: its value kind and the memo of its parsed spellings.
  const kinds: ValueKind[] = cols.map((c) => c.kind ?? 'text');
  const memos: (Map<string, Parsed> | null)[] = kinds.map((k) => memoOf(k, today));
  const records: FileRecord[] = [];
  for (let r = start; r < rows.length; r++) {
    const cells = rows[r];
    if (isEmptyRow(cells)) continue;
    const rowNo = r + 1;
    const issues: FileIssue[] = [];
    if (format.match === 'position' && lastFilled(cells) > last) {
      issues.push(issueAt(rowNo, null, `в строке ${lastFilled(cells)} столбцов, а в формате «${format.title}» их ${last} — лишние значения не прочитаны`, 'warning'));
    }
    const values: CellValue[] = new Array<CellValue>(n);
    for (let k = 0; k < n; k++) {
      const col = cols[k];
      const raw = cells[col.pos - 1] ?? '';
      const kind = kinds[k];
      // Most cells of a wide export are empty or plain text: no parser object for them.
      if (raw === '' || (kind === 'text' && raw.trim() === raw)) {
        values[k] = raw === '' ? null : raw;
        if (col.required && raw === '') issues.push(issueAt(rowNo, col, 'обязательное поле не заполнено'));
        continue;
      }
      const memo = memos[k];
      let parsed = memo === null ? undefined : memo.get(raw);
      if (parsed === undefined) {
        parsed = parseCell(kind, raw, today);
        if (memo !== null) {
          if (memo.size >= MAX_REMEMBERED) memo.clear();
          memo.set(raw, parsed);
        }
      }
      if ('error' in parsed) {
        issues.push(issueAt(rowNo, col, parsed.error));
        values[k] = null;
        continue;
      }
      values[k] = parsed.value;
      if (col.required && (parsed.value === null || parsed.value === '')) issues.push(issueAt(rowNo, col, 'обязательное поле не заполнено'));
    }
    const record = new FileRecord(rowNo, values, layout, issues);
    for (const rule of format.rowRules?.(record) ?? []) {
      issues.push(issueAt(rowNo, columns.find((c) => c.field === rule.field) ?? null, rule.message));
    }
    records.push(record);
  }
  return { columns, headerRows: rows.slice(0, start), records, fileIssues };
}

/**
 * Names, dates, class names and sexes repeat down a school's list: each spelling is parsed once
 * per kind and day. Kinds whose value is a list are not remembered (the list would be shared).
 */
const MEMO_KINDS: ReadonlySet<ValueKind> = new Set(['name', 'date', 'sex', 'className', 'flag', 'text']);
const parsedMemo = new Map<ValueKind, Map<string, Parsed>>();
let memoDay = '';
const MAX_REMEMBERED = 50_000;

/** The memo of a kind's parsed spellings for a day, or null for kinds that are not remembered. */
function memoOf(kind: ValueKind, today: string): Map<string, Parsed> | null {
  if (!MEMO_KINDS.has(kind)) return null;
  if (today !== memoDay) {
    parsedMemo.clear();
    memoDay = today;
  }
  let memo = parsedMemo.get(kind);
  if (!memo) parsedMemo.set(kind, (memo = new Map()));
  return memo;
}

function lastFilled(cells: readonly string[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (cells[i].trim() !== '') return i + 1;
  return 0;
}

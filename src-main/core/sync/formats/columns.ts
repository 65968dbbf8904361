/**
 * The declarative description of a portal file: one column map per format, so a change of the
 * portal's layout is a data edit in the format's file and nothing else. Positions are 1-based, as
 * the portal's server code reads them (`formats/netschool.md` §1).
 */

/** How a cell is read and written. */
export type ValueKind =
  /** Free text (trimmed). */
  | 'text'
  /** Фамилия, Имя, Отчество: the portal rejects a first letter outside А–Я, Ё and cuts to 20 characters. */
  | 'name'
  /** `д.мм.гггг` on write; `дд.мм.гггг`, `дд.мм.гг`, ISO and Excel serials on read; ISO inside. */
  | 'date'
  /** `М`/`Ж`: only the first letter is read. */
  | 'sex'
  /** Several dictionary values separated by `|`. */
  | 'multi'
  /** Да/Нет ↔ boolean. */
  | 'flag'
  /** A class name such as `5А` (quotes stripped, upper-case letter). */
  | 'className'
  /** `дд.мм.гггг(№ приказа)`: a date with an order number in brackets (staff «Дата приема»). */
  | 'dateWithOrder';

export type CellValue = string | string[] | boolean | null;
/** A file row mapped onto fields: dates ISO, sex `М`/`Ж`, multi-values as lists, flags as booleans. */
export type FieldValues = Record<string, CellValue>;

/** Reads a row's field by name: a record of a file, or a writer's values. */
export interface FieldGetter {
  get(field: string): CellValue | undefined;
}

export interface ColumnDef {
  /** 1-based position in the full layout. */
  pos: number;
  caption: string;
  /** Two-level headers: the group caption over this column («Мать», «Паспорт»…). */
  group?: string;
  /** Our field, or null for a column we neither read nor fill. */
  field: string | null;
  kind?: ValueKind;
  required?: boolean;
  /** A server option may switch the column off; later columns then shift left (§1.6). */
  optional?: string;
  /** Other captions the portal uses for this column (caption-matched formats). */
  aliases?: readonly string[];
}

export type Confidence = 'high' | 'medium' | 'low';
export type FormatEntity = 'staff' | 'pupil' | 'parent' | 'movement';

export interface RowIssueDraft {
  field: string;
  message: string;
}

export interface HeaderContext {
  schoolName: string;
  /** Local date `YYYY-MM-DD` the file is made on. */
  today: string;
}

export interface FileFormat {
  id: string;
  /** Russian name shown to people. */
  title: string;
  entity: FormatEntity;
  /** What the portal does with it: reads it (import), writes it (export) or both. */
  portalSide: 'import' | 'export' | 'both';
  confidence: Confidence;
  /** Where the layout comes from (`formats/netschool.md` section and the portal's page). */
  source: string;
  /** Lines before the data that the portal skips (import) or writes (export). */
  headerLines: number;
  /** Position-matched (the portal's imports) or caption-matched (its loosely known exports). */
  match: 'position' | 'caption';
  columns: readonly ColumnDef[];
  /** Header lines a writer puts before the data, each as cells (padded to the column count). */
  header?: (ctx: HeaderContext, columns: readonly ColumnDef[]) => string[][];
  /** Cross-column rules of one row (a parent named → surname, name and birth date required). */
  rowRules?: (values: FieldGetter) => readonly RowIssueDraft[];
}

/** Column letters as a spreadsheet shows them: 1 → A, 27 → AA. */
export function columnLetter(pos: number): string {
  let n = pos;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A person's name the way every portal file has it: surname and first name required, patronymic not. */
export const PERSON_NAME = [
  ['Фамилия', 'lastName', 'name', true],
  ['Имя', 'firstName', 'name', true],
  ['Отчество', 'middleName', 'name'],
] as const;

/** Builds a column list from compact `[caption, field, kind?, required?]` rows in order. */
export function cols(rows: readonly (readonly [string, string | null, ValueKind?, boolean?, string?])[], start = 1): ColumnDef[] {
  return rows.map(([caption, field, kind, required, group], i) => ({ pos: start + i, caption, field, kind: kind ?? 'text', required: required ?? false, ...(group ? { group } : {}) }));
}

/** The same block of columns under a group caption with field names prefixed (`mother.lastName`). */
export function block(group: string, prefix: string, rows: readonly (readonly [string, string | null, ValueKind?, boolean?])[], start: number): ColumnDef[] {
  return rows.map(([caption, field, kind, required], i) => ({
    pos: start + i,
    caption,
    group,
    field: field === null ? null : `${prefix}.${field}`,
    kind: kind ?? 'text',
    required: required ?? false,
  }));
}

/** Title, a line about the file, and the captions: the 3 header lines of the extended imports. */
export function threeLineHeader(title: string) {
  return (ctx: HeaderContext, columns: readonly ColumnDef[]): string[][] => [
    [title],
    [`${ctx.schoolName}; сформировано ${ctx.today.split('-').reverse().join('.')} программой «Школьный офис»`],
    columns.map((c) => (c.group ? `${c.group}: ${c.caption}` : c.caption)),
  ];
}

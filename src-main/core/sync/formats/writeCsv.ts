import { columnLetter, type ColumnDef, type FieldValues, type FileFormat, type HeaderContext } from './columns';
import { csvCell } from './csv';
import { encodeCp1251, notInCp1251 } from './decode';
import { checkNameForPortal, printCell } from './values';

/**
 * Writes a portal import file exactly as the portal reads it (§0): Windows-1251, CRLF, the chosen
 * separator, N−1 separators on every line, a field holding the separator quoted, no `"` inside a
 * field, dates `д.мм.гггг`, sex `М`/`Ж`, the format's header lines. Every value the portal would
 * reject is reported BEFORE anything is written, naming the record, row and column.
 */
export interface WriteRecord {
  /** Who the row is about, for messages: «Иванов Иван Иванович». */
  label: string;
  values: FieldValues;
}

export interface WriteIssue {
  record: string;
  /** 1-based line of the file the row would have been on. */
  row: number;
  column: number;
  columnLetter: string;
  caption: string;
  message: string;
  severity: 'error' | 'warning';
}

export interface WriteOptions {
  separator?: ';' | ',';
  dayPadded?: boolean;
  /** Header lines to write instead of the format's own (the batch update keeps the portal's template). */
  headerRows?: string[][];
  /** The column layout to write instead of the format's own (a template with optional columns off). */
  columns?: readonly ColumnDef[];
  header: HeaderContext;
}

export type WriteResult = { ok: true; bytes: Buffer; text: string; lines: number; warnings: WriteIssue[] } | { ok: false; issues: WriteIssue[] };

const NAME_MAX = 20;

/** Phones, faxes and e-mails legitimately start with `+`; every other free-text field is checked. */
const NOT_FREE_TEXT = /phone|fax|email/i;

/**
 * A free-text value a spreadsheet would run as a formula when the file is opened to check it
 * (`=1+1` in a workplace came out as 2 in LibreOffice): a leading `=`, `+`, `-` or `@` followed by
 * anything. Such a value is written with a leading apostrophe, the spreadsheets' own «this is text».
 */
function executable(c: ColumnDef, text: string): boolean {
  if ((c.kind ?? 'text') !== 'text' || !c.field || NOT_FREE_TEXT.test(c.field)) return false;
  return text.length > 1 && (text[0] === '=' || text[0] === '+' || text[0] === '-' || text[0] === '@');
}

function cleanCell(v: string): string {
  // The portal forbids `"` inside a field: typographic quotes keep the meaning (МБОУ «СОШ № 6»).
  let opening = true;
  return v.replace(/[\r\n\t]+/g, ' ').replace(/"/g, () => {
    const mark = opening ? '«' : '»';
    opening = !opening;
    return mark;
  });
}

function caption(c: ColumnDef): string {
  return c.group ? `${c.group}: ${c.caption}` : c.caption;
}

export function writeCsv(format: FileFormat, records: readonly WriteRecord[], opts: WriteOptions): WriteResult {
  const sep = opts.separator ?? ';';
  const columns = opts.columns ?? format.columns;
  const width = columns.reduce((m, c) => Math.max(m, c.pos), 0);
  const header = opts.headerRows ?? format.header?.(opts.header, columns) ?? [];
  const issues: WriteIssue[] = [];
  const lines: string[] = [];
  const pad = (cells: readonly string[]) => Array.from({ length: width }, (_, i) => cleanCell(cells[i] ?? ''));
  for (const h of header) lines.push(pad(h).map((c) => csvCell(c, sep)).join(sep));

  records.forEach((rec, index) => {
    const row = header.length + index + 1;
    const cells: string[] = new Array(width).fill('');
    const at = (c: ColumnDef, message: string, severity: WriteIssue['severity'] = 'error') =>
      issues.push({ record: rec.label, row, column: c.pos, columnLetter: columnLetter(c.pos), caption: caption(c), message, severity });
    for (const c of columns) {
      if (!c.field) continue;
      const value = rec.values[c.field];
      let text = cleanCell(printCell(c.kind ?? 'text', value ?? null, { dayPadded: opts.dayPadded })).trim();
      if (c.required && text === '') at(c, 'обязательное поле не заполнено');
      if (c.kind === 'name' && text !== '') {
        const problem = checkNameForPortal(text);
        if (problem) at(c, problem);
        // The portal keeps 20 characters: it would store another name than the card's.
        if (text.length > NAME_MAX) at(c, `${text.length} символов, а портал хранит не больше ${NAME_MAX} и записал бы «${text.slice(0, NAME_MAX)}» — сократите в карточке (например, двойную фамилию) и внесите полное написание в портал вручную`);
      }
      if (executable(c, text)) {
        const safe = `'${text}`;
        at(c, `значение «${text}» начинается со знака «${text[0]}»: Excel и LibreOffice выполнили бы его как формулу — записано «${safe}»`, 'warning');
        text = safe;
      }
      if (c.kind === 'sex' && text !== '' && text !== 'М' && text !== 'Ж') at(c, `пол «${text}» — портал читает только М или Ж`);
      const bad = notInCp1251(text);
      if (bad.length > 0) {
        at(c, `символы ${bad.map((b) => `«${b}»`).join(', ')} нельзя записать в кодировке Windows-1251 — замените их`);
        text = text.replace(new RegExp(`[${bad.join('').replace(/[\]\\^-]/g, '\\$&')}]`, 'g'), '?');
      }
      cells[c.pos - 1] = text;
    }
    for (const rule of format.rowRules?.({ get: (f) => rec.values[f] }) ?? []) {
      const c = columns.find((x) => x.field === rule.field);
      if (c) at(c, rule.message);
    }
    lines.push(cells.map((c) => csvCell(c, sep)).join(sep));
  });

  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) return { ok: false, issues: errors };
  const text = lines.map((l) => `${l}\r\n`).join('');
  return { ok: true, bytes: encodeCp1251(text), text, lines: lines.length, warnings: issues };
}

import { AppError } from '../../../../src-shared/errors';
import { detectSeparator, splitCsv } from './csv';
import { decodeText, type TextEncoding } from './decode';
import { htmlTableRows, looksLikeHtml, tableBounds } from './htmlTable';
import { wrongEncoding, wrongEncodingMessage } from './textCheck';
import { checkXml, declaredEncoding } from './xmlCheck';
import { looksLikeZip, xlsxRows } from './xlsxTable';

/** What a file turned out to be, and its rows of text cells (row 1 is the file's first line). */
export interface RawTable {
  container: 'csv' | 'html' | 'xlsx' | 'xml';
  encoding: TextEncoding | null;
  separator: string | null;
  rows: string[][];
  /** The decoded text (CSV, HTML, XML), for readers that need it. */
  text: string | null;
}

/**
 * A file that cannot be read whole: refused with the line and what is wrong, in Russian (the
 * caller names the file). `line` is null when the problem is the file as a whole.
 */
export function unreadable(line: number | null, message: string): AppError {
  return new AppError('VALIDATION', line ? `строка ${line}: ${message}` : message, { line });
}

const UTF8_NAMES = new Set(['utf-8', 'utf8']);
const CP1251_NAMES = new Set(['windows-1251', 'cp1251', 'win1251', 'win-1251', 'x-cp1251']);

/**
 * The encoding a file declares (XML declaration, HTML meta) must be the one it is written in: a
 * portal file re-saved by an editor that kept the old declaration is not what the portal wrote.
 */
function checkDeclared(text: string, encoding: TextEncoding, kind: 'xml' | 'html'): void {
  const declared = declaredEncoding(text.slice(0, 2000));
  if (!declared) return;
  const where = kind === 'xml' ? 'в первой строке файла (encoding)' : 'в заголовке страницы (charset)';
  if (encoding === 'utf-8' && CP1251_NAMES.has(declared) && /[\u0080-\uffff]/.test(text.slice(0, 200_000))) {
    throw unreadable(null, `${where} указана кодировка ${declared}, а записан файл в UTF-8 — его пересохранили в другой программе, и портал прочитал бы его неверно. Выгрузите файл из портала заново или исправьте кодировку ${where} на UTF-8`);
  }
  if (encoding === 'windows-1251' && UTF8_NAMES.has(declared)) {
    throw unreadable(null, `${where} указана кодировка UTF-8, а записан файл в другой (однобайтовой) кодировке. Выгрузите файл из портала заново или сохраните его в UTF-8`);
  }
}

function checkPlausible(text: string): void {
  const guess = wrongEncoding(text);
  if (guess) throw unreadable(null, wrongEncodingMessage(guess));
}

function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** CSV: a quote left open swallows the rest of the file; a last line cut short lost its cells. */
function csvRows(text: string, separator: string): string[][] {
  let openQuote = -1;
  const rows = splitCsv(text, separator, (at) => (openQuote = at));
  if (openQuote >= 0) throw unreadable(lineOfOffset(text, openQuote), 'кавычка « " » открыта и не закрыта до конца файла — файл обрезан или испорчен');
  const last = rows[rows.length - 1];
  const before = rows[rows.length - 2];
  if (last && before && !/[\r\n]$/.test(text) && last.length < before.length && before.length > 1) {
    throw unreadable(rows.length, `строка обрывается: в ней ${last.length} ${cells(last.length)}, а в строке выше ${before.length} — файл обрезан (в конце нет перевода строки)`);
  }
  return rows;
}

function cells(n: number): string {
  const m = n % 100;
  if (m >= 11 && m <= 14) return 'полей';
  return n % 10 === 1 ? 'поле' : n % 10 >= 2 && n % 10 <= 4 ? 'поля' : 'полей';
}

/** HTML-xls: the table must be closed, or the export was cut off. */
function htmlRows(text: string): string[][] {
  const bounds = tableBounds(text);
  if (bounds && !bounds.closed) {
    const rows = htmlTableRows(text);
    throw unreadable(lineOfOffset(text, text.length), `таблица не закрыта (нет «</table>») — файл обрезан; прочитано строк таблицы: ${rows.length}`);
  }
  return htmlTableRows(text);
}

/** Reads CSV (`;`, `,` or tab), HTML-as-xls, real xlsx and the portal's XML alike, by content rather than by name. */
export async function readTable(bytes: Uint8Array): Promise<RawTable> {
  if (looksLikeZip(bytes)) {
    let rows: string[][];
    try {
      rows = await xlsxRows(bytes);
    } catch (e) {
      throw unreadable(null, `книга Excel (xlsx) повреждена и не открывается${e instanceof Error && e.message ? ` (${e.message.slice(0, 120)})` : ''}`);
    }
    return { container: 'xlsx', encoding: null, separator: null, rows, text: null };
  }
  return readTextTable(bytes);
}

/** The text formats: decode, check the encoding, check the container is whole, split. */
export function readTextTable(bytes: Uint8Array): RawTable {
  if (bytes.length === 0) throw unreadable(null, 'файл пустой');
  if (bytes.subarray(0, 4000).includes(0)) throw unreadable(null, 'это не текстовый файл: не CSV, не таблица портала и не XML (в нём двоичные данные)');
  const { text, encoding } = decodeText(bytes);
  const head = text.slice(0, 3000);
  if (/<TimeTableExchange\b/.test(head) || /^\uFEFF?\s*<\?xml/.test(head)) {
    checkDeclared(text, encoding, 'xml');
    checkPlausible(text);
    const problem = checkXml(text);
    if (problem) throw unreadable(problem.line, problem.message);
    if (!/<TimeTableExchange\b/.test(text)) throw unreadable(null, 'это XML, но не выгрузка портала для расписания (нет элемента TimeTableExchange)');
    return { container: 'xml', encoding, separator: null, rows: [], text };
  }
  checkPlausible(text);
  if (looksLikeHtml(text)) {
    checkDeclared(text, encoding, 'html');
    return { container: 'html', encoding, separator: null, rows: htmlRows(text), text };
  }
  const separator = detectSeparator(text);
  return { container: 'csv', encoding, separator, rows: csvRows(text, separator), text };
}

/** Decode and split only, without the checks: the benchmark's floor. */
export function bareTextTable(bytes: Uint8Array): RawTable {
  const { text, encoding } = decodeText(bytes);
  if (looksLikeHtml(text)) return { container: 'html', encoding, separator: null, rows: htmlTableRows(text), text };
  const separator = detectSeparator(text);
  return { container: 'csv', encoding, separator, rows: splitCsv(text, separator), text };
}

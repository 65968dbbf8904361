import { detectSeparator, splitCsv } from './csv';
import { decodeText, type TextEncoding } from './decode';
import { htmlTableRows, looksLikeHtml } from './htmlTable';
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

/** Reads CSV (`;`, `,` or tab), HTML-as-xls and real xlsx alike, by content rather than by name. */
export async function readTable(bytes: Uint8Array): Promise<RawTable> {
  if (looksLikeZip(bytes)) return { container: 'xlsx', encoding: null, separator: null, rows: await xlsxRows(bytes), text: null };
  const { text, encoding } = decodeText(bytes);
  if (/<TimeTableExchange\b/.test(text.slice(0, 3000))) {
    return { container: 'xml', encoding, separator: null, rows: [], text };
  }
  if (looksLikeHtml(text)) return { container: 'html', encoding, separator: null, rows: htmlTableRows(text), text };
  const separator = detectSeparator(text);
  return { container: 'csv', encoding, separator, rows: splitCsv(text, separator), text };
}

/** The same without the xlsx branch (synchronous), for the decode-and-split baseline of the benchmark. */
export function readTextTable(bytes: Uint8Array): RawTable {
  const { text, encoding } = decodeText(bytes);
  if (looksLikeHtml(text)) return { container: 'html', encoding, separator: null, rows: htmlTableRows(text), text };
  const separator = detectSeparator(text);
  return { container: 'csv', encoding, separator, rows: splitCsv(text, separator), text };
}

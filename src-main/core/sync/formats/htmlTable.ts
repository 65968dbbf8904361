/**
 * The portal's "Excel" exports are HTML tables sent as `.xls` in Windows-1251 (§3.1, `<table
 * class="table-print">`). This reads the first such table (or the largest table) into rows of
 * cells, expanding colspan and rowspan so positions match the CSV layout. A single forward scan
 * over the tags: a district's export is tens of megabytes.
 */
const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", laquo: '«', raquo: '»', ndash: '–', mdash: '—', hellip: '…', numero: '№' };

export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : Number(code.slice(1));
      return Number.isFinite(n) ? String.fromCodePoint(n) : all;
    }
    return ENTITIES[code.toLowerCase()] ?? all;
  });
}

function cleanText(raw: string): string {
  const t = raw.indexOf('&') < 0 ? raw : decodeEntities(raw);
  return /\s\s|[\t\r\n\u00a0]/.test(t) ? t.replace(/[\s\u00a0]+/g, ' ').trim() : t.trim();
}

function span(tag: string, name: string): number {
  const at = tag.indexOf(name);
  if (at < 0) return 1;
  const m = /^\s*=\s*["']?(\d+)/.exec(tag.slice(at + name.length));
  return m ? Math.max(1, Number(m[1])) : 1;
}

export function looksLikeHtml(text: string): boolean {
  return /<table\b/i.test(text.slice(0, 200_000));
}

/** The slice of the table to read: the `table-print` one, else the longest. */
function pickTable(html: string): string {
  const lower = html.toLowerCase();
  const found: [number, number][] = [];
  let from = 0;
  for (;;) {
    const s = lower.indexOf('<table', from);
    if (s < 0) break;
    const e = lower.indexOf('</table', s);
    const end = e < 0 ? html.length : e;
    found.push([s, end]);
    from = end + 1;
  }
  if (found.length === 0) return '';
  const print = found.find(([s]) => /class\s*=\s*["']?[^"'>]*table-print/i.test(html.slice(s, html.indexOf('>', s) + 1)));
  const [s, e] = print ?? found.sort((a, b) => b[1] - b[0] - (a[1] - a[0]))[0];
  return html.slice(s, e);
}

export function htmlTableRows(html: string): string[][] {
  const table = pickTable(html);
  const rows: string[][] = [];
  const pending: number[] = [];
  let row: string[] | null = null;
  let col = 0;
  let cell: { start: number; colspan: number; rowspan: number } | null = null;
  let text = '';
  const fillPending = () => {
    while (row && (pending[col] ?? 0) > 0) {
      row[col] = '';
      pending[col]--;
      col++;
    }
  };
  const closeCell = (end: number) => {
    if (!cell || !row) return;
    text += table.slice(cell.start, end);
    const value = cleanText(text);
    for (let k = 0; k < cell.colspan; k++) {
      row[col] = k === 0 ? value : '';
      if (cell.rowspan > 1) pending[col] = cell.rowspan - 1;
      col++;
    }
    cell = null;
    text = '';
  };
  const closeRow = (end: number) => {
    closeCell(end);
    if (!row) return;
    fillPending();
    if (row.length > 0) rows.push(Array.from(row, (v) => v ?? ''));
    row = null;
  };
  let i = 0;
  for (;;) {
    const lt = table.indexOf('<', i);
    if (lt < 0) break;
    const gt = table.indexOf('>', lt);
    if (gt < 0) break;
    const closing = table.charCodeAt(lt + 1) === 47;
    const nameStart = closing ? lt + 2 : lt + 1;
    const a = table.charCodeAt(nameStart) | 32;
    const b = table.charCodeAt(nameStart + 1) | 32;
    const after = table.charCodeAt(nameStart + 2);
    const isName2 = after === 62 || after === 32 || after === 9 || after === 10 || after === 13 || after === 47;
    if (isName2 && a === 116 /* t */ && b === 114 /* r */) {
      closeRow(lt);
      if (!closing) {
        row = [];
        col = 0;
      }
    } else if (isName2 && a === 116 && (b === 100 /* d */ || b === 104 /* h */)) {
      closeCell(lt);
      if (!closing) {
        if (!row) {
          row = [];
          col = 0;
        }
        fillPending();
        const tag = table.slice(lt, gt + 1).toLowerCase();
        cell = { start: gt + 1, colspan: span(tag, 'colspan'), rowspan: span(tag, 'rowspan') };
      }
    } else if (cell) {
      // Any other tag inside a cell: its text before it stays; <br> is a space.
      text += table.slice(cell.start, lt) + (a === 98 && b === 114 ? ' ' : '');
      cell.start = gt + 1;
    }
    i = gt + 1;
  }
  closeRow(table.length);
  return rows;
}

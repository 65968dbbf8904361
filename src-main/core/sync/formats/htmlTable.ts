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
      // Beyond Unicode (`&#xFFFFFFF;`) the entity stays as written instead of throwing (found by the fuzz test).
      return Number.isFinite(n) && n <= 0x10ffff ? String.fromCodePoint(n) : all;
    }
    return ENTITIES[code.toLowerCase()] ?? all;
  });
}

/** Whether a cell's text needs entity decoding or whitespace collapsing (most cells do not). */
function needsCleaning(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  if (s.charCodeAt(0) <= 32 || s.charCodeAt(n - 1) <= 32) return true;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c <= 32) {
      if (c !== 32 || s.charCodeAt(i + 1) === 32) return true;
    } else if (c === 38 || c === 160) return true;
  }
  return false;
}

function cleanText(raw: string): string {
  if (!needsCleaning(raw)) return raw;
  const t = raw.indexOf('&') < 0 ? raw : decodeEntities(raw);
  return t.replace(/[\s\u00a0]+/g, ' ').trim();
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

/** Where the table to read lies (the `table-print` one, else the longest), and whether it is closed. */
export function tableBounds(html: string): { from: number; to: number; closed: boolean } | null {
  const [from, to] = pickTable(html);
  if (from === 0 && to === 0) return null;
  return { from, to, closed: to < html.length };
}

/** Where the table to read lies: the `table-print` one, else the longest. */
function pickTable(html: string): [number, number] {
  const found: [number, number][] = [];
  const open = /<table\b/gi;
  const close = /<\/table/gi;
  for (let m = open.exec(html); m; m = open.exec(html)) {
    close.lastIndex = m.index;
    const e = close.exec(html);
    const end = e ? e.index : html.length;
    found.push([m.index, end]);
    open.lastIndex = end + 1;
  }
  if (found.length === 0) return [0, 0];
  const print = found.find(([s]) => /class\s*=\s*["']?[^"'>]*table-print/i.test(html.slice(s, html.indexOf('>', s) + 1)));
  return print ?? found.sort((a, b) => b[1] - b[0] - (a[1] - a[0]))[0];
}

/**
 * The row being read: its cells are allocated at the previous row's width (rows of a table have
 * the same width) and filled by index, not grown cell by cell.
 */
class RowBuilder {
  cells: string[] = [];
  n = 0;

  start(width: number): void {
    this.cells = width > 0 ? new Array<string>(width) : [];
    this.n = 0;
  }

  /** Appends a cell (with its colspan copies), marking rowspans for the rows below. */
  push(pending: number[], value: string, colspan: number, rowspan: number): void {
    for (let k = 0; k < colspan; k++) {
      if (rowspan > 1) pending[this.n] = rowspan - 1;
      this.cells[this.n++] = k === 0 ? value : '';
    }
  }

  /** Cells a rowspan from above occupies at the row's current position. */
  fillPending(pending: number[]): void {
    while (this.n < pending.length && pending[this.n] > 0) {
      pending[this.n]--;
      this.cells[this.n++] = '';
    }
  }

  /** The finished row (trimmed to its cells). */
  finish(): string[] {
    if (this.cells.length !== this.n) this.cells.length = this.n;
    return this.cells;
  }
}

/**
 * Rows of cells. One pass over the characters (faster than a search call per tag: a district's
 * export has a million cells): the text of a cell is checked for entities and stray whitespace as
 * it is passed, so the common `<td>text</td>` costs one slice. Cells with inner tags (`<b>`,
 * `<br>`) gather their text pieces. No closures in the loop: its state stays in registers.
 */
export function htmlTableRows(html: string): string[][] {
  const [from, to] = pickTable(html);
  const rows: string[][] = [];
  const pending: number[] = [];
  const row = new RowBuilder();
  let inRow = false;
  let width = 0;
  let inCell = false;
  let cellStart = 0;
  let pieces = '';
  let dirty = false;
  let colspan = 1;
  let rowspan = 1;
  let i = from;
  for (;;) {
    // The text up to the next tag; inside a cell, note what cleaning it needs.
    let lt = i;
    if (inCell) {
      let prevSpace = false;
      for (; lt < to; lt++) {
        const c = html.charCodeAt(lt);
        if (c === 60) break;
        if (c <= 32) {
          if (c !== 32 || prevSpace) dirty = true;
          prevSpace = true;
        } else {
          if (c === 38 || c === 160) dirty = true;
          prevSpace = false;
        }
      }
    } else {
      while (lt < to && html.charCodeAt(lt) !== 60) lt++;
    }
    let gt = lt;
    if (lt < to) {
      gt = lt + 1;
      while (gt < to && html.charCodeAt(gt) !== 62) gt++;
    }
    const end = lt >= to;
    const closing = !end && html.charCodeAt(lt + 1) === 47;
    const nameStart = closing ? lt + 2 : lt + 1;
    const a = html.charCodeAt(nameStart) | 32;
    const b = html.charCodeAt(nameStart + 1) | 32;
    const after = html.charCodeAt(nameStart + 2);
    const isName2 = !end && (after === 62 || after === 32 || after === 9 || after === 10 || after === 13 || after === 47);
    const isRow = isName2 && a === 116 /* t */ && b === 114; /* r */
    const isCell = isName2 && a === 116 && (b === 100 /* d */ || b === 104); /* h */
    if (end || isRow || isCell) {
      // The end of a cell (and, for a row tag or the table's end, of the row).
      if (inCell && inRow) {
        const last = html.slice(cellStart, lt);
        let value: string;
        if (pieces !== '') value = cleanText(pieces + last);
        else if (dirty || (last.length > 0 && (last.charCodeAt(0) <= 32 || last.charCodeAt(last.length - 1) <= 32))) value = cleanText(last);
        else value = last;
        row.push(pending, value, colspan, rowspan);
        pieces = '';
      }
      inCell = false;
      if ((end || isRow) && inRow) {
        row.fillPending(pending);
        if (row.n > 0) {
          width = row.n;
          rows.push(row.finish());
        }
        inRow = false;
      }
      if (end) break;
      if (isRow && !closing) {
        row.start(width);
        inRow = true;
      }
      if (isCell && !closing) {
        if (!inRow) {
          row.start(width);
          inRow = true;
        }
        row.fillPending(pending);
        if (gt - lt > 3) {
          const tag = html.slice(lt, gt + 1).toLowerCase();
          colspan = span(tag, 'colspan');
          rowspan = span(tag, 'rowspan');
        } else {
          colspan = 1;
          rowspan = 1;
        }
        inCell = true;
        dirty = false;
        cellStart = gt + 1;
      }
    } else if (inCell) {
      // Any other tag inside a cell: its text before it stays; <br> is a space.
      pieces += html.slice(cellStart, lt) + (a === 98 && b === 114 ? ' ' : '');
      cellStart = gt + 1;
    }
    i = gt + 1;
  }
  return rows;
}

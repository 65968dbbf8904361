/**
 * CSV as the portal reads and people save it: `;` or `,` separators, fields quoted with `"` when
 * they hold the separator (a doubled `""` inside quotes is read as one quote), CRLF or LF lines.
 */

/**
 * Splits text into rows of cells; quotes may span lines (Excel writes them so). A quote never
 * closed takes the rest of the file into its cell; `onUnclosedQuote` hears where it opened.
 */
export function splitCsv(text: string, sep: string, onUnclosedQuote?: (offset: number) => void): string[][] {
  const rows: string[][] = [];
  const n = text.length;
  const SEP = sep.charCodeAt(0);
  // Rows of a file have the same width: each row is allocated at the previous one's, not grown cell by cell.
  let row: string[] = [];
  let at = 0;
  let i = 0;
  // One field per step: an unquoted field is a slice up to the next separator or line end.
  while (i < n) {
    let c: number;
    // A quote opens a quoted field only at its start (after optional spaces).
    let j = i;
    while (j < n && text.charCodeAt(j) === 32) j++;
    if (j < n && text.charCodeAt(j) === 34) {
      let cell = '';
      let k = j + 1;
      for (;;) {
        const q = text.indexOf('"', k);
        if (q < 0) {
          onUnclosedQuote?.(j);
          cell += text.slice(k);
          k = n;
          break;
        }
        cell += text.slice(k, q);
        if (text.charCodeAt(q + 1) === 34) {
          cell += '"';
          k = q + 2;
          continue;
        }
        k = q + 1;
        break;
      }
      // Anything between the closing quote and the separator belongs to the field, as Excel reads it.
      let e = k;
      while (e < n && (c = text.charCodeAt(e)) !== SEP && c !== 10 && c !== 13) e++;
      row[at++] = cell + text.slice(k, e);
      i = e;
    } else {
      let e = i;
      while (e < n && (c = text.charCodeAt(e)) !== SEP && c !== 10 && c !== 13) e++;
      row[at++] = text.slice(i, e);
      i = e;
    }
    if (i >= n) break;
    c = text.charCodeAt(i);
    if (c === SEP) {
      i++;
      if (i >= n) row[at++] = '';
      continue;
    }
    // Line end.
    if (at !== row.length) row.length = at;
    rows.push(row);
    row = at > 0 ? new Array<string>(at) : [];
    at = 0;
    i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
  }
  if (at > 0) {
    if (at !== row.length) row.length = at;
    rows.push(row);
  }
  return rows;
}

/**
 * The separator of a file: the one whose count per line is the most consistent and non-zero over
 * the first lines (header lines of the portal's imports have the same count as data lines).
 */
export function detectSeparator(text: string): ';' | ',' | '\t' {
  const lines = text.split(/\r?\n/, 30).filter((l) => l.length > 0);
  let best: ';' | ',' | '\t' = ';';
  let bestScore = -1;
  for (const sep of [';', ',', '\t'] as const) {
    const counts = lines.map((l) => l.split(sep).length - 1);
    const nonZero = counts.filter((c) => c > 0);
    if (nonZero.length === 0) continue;
    const freq = new Map<number, number>();
    for (const c of nonZero) freq.set(c, (freq.get(c) ?? 0) + 1);
    const [mode, modeCount] = [...freq.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
    const score = modeCount * 1000 + mode;
    if (score > bestScore) {
      bestScore = score;
      best = sep;
    }
  }
  return best;
}

/** One cell as the portal reads it: quoted when it holds the separator; `"` never appears inside. */
export function csvCell(value: string, sep: string): string {
  return value.includes(sep) ? `"${value}"` : value;
}

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempFile } from '../movement/readers';

/** Every sheet of a workbook as rows of cells, read by LibreOffice (an independent reader). */
export function sheets(xlsx: Buffer): Map<string, string[][]> {
  const { dir, file } = tempFile('book.xlsx', xlsx);
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', dir, file], { stdio: 'pipe', timeout: 180_000 });
  const out = new Map<string, string[][]>();
  for (const f of fs.readdirSync(dir).filter((x) => x.startsWith('book-') && x.endsWith('.csv'))) out.set(f.slice(5, -4), parseCsv(fs.readFileSync(path.join(dir, f), 'utf8')));
  return out;
}

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else if (ch !== '\r') cell += ch;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

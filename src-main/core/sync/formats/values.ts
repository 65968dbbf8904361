import type { CellValue, ValueKind } from './columns';

/**
 * Reading and printing one cell by its kind. Readers are lenient (what the portal and Excel write);
 * printers write exactly what the portal's import reads. A reader returns `{ error }` with a short
 * Russian message; the caller names the row and column.
 */
export type Parsed = { value: CellValue } | { error: string };

const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isoOf(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > MONTH_DAYS[m - 1]) return null;
  if (m === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** A two-digit year as the help examples write it (`29.03.69`): later than this year's → 19xx. */
function fullYear(yy: number, today: string): number {
  const current = Number(today.slice(2, 4));
  return yy > current ? 1900 + yy : 2000 + yy;
}

/** Dates as people and the portal write them; `null` for an empty cell. */
export function parseDate(raw: string, today: string): Parsed {
  const s = raw.trim();
  if (s === '') return { value: null };
  let m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(s);
  if (m) {
    const y = m[3].length === 2 ? fullYear(Number(m[3]), today) : Number(m[3]);
    const iso = isoOf(y, Number(m[2]), Number(m[1]));
    return iso ? { value: iso } : { error: `нет такой даты «${s}»` };
  }
  m = /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/.exec(s);
  if (m) {
    const iso = isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
    return iso ? { value: iso } : { error: `нет такой даты «${s}»` };
  }
  // An Excel serial day number (a date cell saved without its format).
  if (/^\d{5}$/.test(s)) {
    const d = new Date(Date.UTC(1899, 11, 30) + Number(s) * 86_400_000);
    return { value: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` };
  }
  return { error: `дата «${s}» не в формате д.мм.гггг` };
}

/** `д.мм.гггг` (the portal's default) or `дд.мм.гггг`. */
export function printDate(iso: string | null, dayPadded = false): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${dayPadded ? d : String(Number(d))}.${m}.${y}`;
}

export function parseSex(raw: string): Parsed {
  const s = raw.trim();
  if (s === '') return { value: null };
  const first = s[0].toUpperCase();
  if (first === 'М' || first === 'M') return { value: 'М' };
  if (first === 'Ж') return { value: 'Ж' };
  return { error: `пол «${s}» — ожидается М или Ж` };
}

const CYR_FIRST = /^[А-ЯЁ]/;

/** The portal trims, capitalises the first letter, and rejects a name not starting with А–Я or Ё. */
export function parseName(raw: string): Parsed {
  const s = raw.trim().replace(/\s+/g, ' ');
  if (s === '') return { value: null };
  const v = s[0].toUpperCase() + s.slice(1);
  if (!CYR_FIRST.test(v)) return { error: `«${s}» начинается не с русской буквы — портал такое имя не примет` };
  return { value: v };
}

export function checkNameForPortal(value: string): string | null {
  if (!CYR_FIRST.test(value)) return `«${value}» начинается не с русской буквы (А–Я, Ё) — портал такое имя не примет`;
  return null;
}

/** `10"А"` → `10А`, `5а` → `5А`; the grade must be 0–12 (§1.1). */
export function parseClassName(raw: string): Parsed {
  const s = raw.replace(/["«»]/g, '').replace(/\s+/g, '').trim();
  if (s === '') return { value: null };
  const m = /^(\d{1,2})(.*)$/.exec(s);
  if (!m) return { value: s };
  if (Number(m[1]) > 12) return { error: `класс «${raw.trim()}»: номер параллели больше 12` };
  return { value: m[1] + m[2].toUpperCase() };
}

export function parseFlag(raw: string): Parsed {
  const s = raw.trim().toLowerCase();
  if (s === '') return { value: null };
  if (['да', '1', 'true', '+', 'есть'].includes(s)) return { value: true };
  if (['нет', '0', 'false', '-'].includes(s)) return { value: false };
  return { error: `«${raw.trim()}» — ожидается «Да» или «Нет»` };
}

export function parseCell(kind: ValueKind, raw: string, today: string): Parsed {
  switch (kind) {
    case 'date':
      return parseDate(raw, today);
    case 'sex':
      return parseSex(raw);
    case 'name':
      return parseName(raw);
    case 'className':
      return parseClassName(raw);
    case 'flag':
      return parseFlag(raw);
    case 'multi': {
      const list = raw.split('|').map((v) => v.trim()).filter(Boolean);
      return { value: list.length ? list : null };
    }
    case 'dateWithOrder': {
      const s = raw.trim();
      if (s === '') return { value: null };
      const m = /^([^(]*)(?:\((.*)\))?$/.exec(s);
      const date = parseDate(m?.[1] ?? s, today);
      if ('error' in date) return date;
      // Kept as "ISO|order" and split by the mapper into hireDate and hireOrderNumber.
      return { value: [String(date.value ?? ''), (m?.[2] ?? '').trim()] };
    }
    default: {
      const s = raw.trim();
      return { value: s === '' ? null : s };
    }
  }
}

export interface PrintOptions {
  dayPadded?: boolean;
}

export function printCell(kind: ValueKind, value: CellValue | undefined, opts: PrintOptions = {}): string {
  if (value === null || value === undefined) return '';
  switch (kind) {
    case 'date':
      return printDate(String(value), opts.dayPadded);
    case 'flag':
      return value === true ? 'Да' : value === false ? 'Нет' : '';
    case 'multi':
      return Array.isArray(value) ? value.join('|') : String(value);
    case 'sex':
      return String(value).slice(0, 1).toUpperCase();
    case 'dateWithOrder': {
      const [d, order] = Array.isArray(value) ? value : [String(value), ''];
      if (!d) return '';
      return order ? `${printDate(d, opts.dayPadded)}(${order})` : printDate(d, opts.dayPadded);
    }
    default:
      return Array.isArray(value) ? value.join('|') : String(value);
  }
}

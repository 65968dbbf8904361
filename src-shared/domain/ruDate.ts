/**
 * A date as a person types it (дд.мм.гггг, д.м.гггг, ддммгггг, or ISO гггг-мм-дд), read strictly:
 * an impossible date such as 31.02.2020 is an error naming what was typed, never rounded to a
 * neighbouring day, cleared or replaced by today. Shared by the date fields of the window and by
 * anything on the server that reads a typed date, so both refuse the same things with the same words.
 */
import { isValidIsoDate } from '../contract/fields';

export type RuDateResult = { ok: true; iso: string | null } | { ok: false; error: string };

const RU = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const COMPACT = /^(\d{2})(\d{2})(\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (n: string) => n.padStart(2, '0');

/** `гггг-мм-дд` → `дд.мм.гггг`: how every message, sheet and file shows a date. */
export function formatRuDate(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

/** Reads a typed date; empty text is `iso: null` (the caller decides whether the field is required). */
export function parseRuDate(text: string): RuDateResult {
  const t = text.trim();
  if (t === '') return { ok: true, iso: null };
  const m = RU.exec(t) ?? COMPACT.exec(t);
  const iso = m ? `${m[3]}-${pad(m[2])}-${pad(m[1])}` : ISO.test(t) ? t : null;
  if (iso === null) return { ok: false, error: `дату пишут как дд.мм.гггг, а введено «${t}»` };
  if (!isValidIsoDate(iso)) return { ok: false, error: `такой даты нет: ${t}` };
  return { ok: true, iso };
}

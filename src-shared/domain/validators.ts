/**
 * Checksums and formats of Russian identifiers. Pure functions shared by forms and the server
 * so both say the same thing. Each returns `null` when valid, otherwise a short Russian message;
 * the caller adds the field's name (a form shows it under the field, the server prefixes the label).
 */

const digitsOnly = (value: string): string => value.replace(/[\s-]/g, '');

function weightedSum(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += Number(digits[i]) * weights[i];
  return sum;
}

const INN10_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_WEIGHTS_11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_WEIGHTS_12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

/** ИНН of an organisation (10 digits) or of a person (12 digits). */
export function checkInn(raw: string, kind: 'any' | 'legal' | 'person' = 'any'): string | null {
  const inn = digitsOnly(raw);
  if (!/^\d+$/.test(inn)) return 'допустимы только цифры';
  if (kind === 'legal' && inn.length !== 10) return 'ИНН организации содержит 10 цифр';
  if (kind === 'person' && inn.length !== 12) return 'ИНН физического лица содержит 12 цифр';
  if (inn.length === 10) {
    const check = (weightedSum(inn, INN10_WEIGHTS) % 11) % 10;
    return check === Number(inn[9]) ? null : 'неверная контрольная сумма — проверьте цифры';
  }
  if (inn.length === 12) {
    const c11 = (weightedSum(inn, INN12_WEIGHTS_11) % 11) % 10;
    const c12 = (weightedSum(inn, INN12_WEIGHTS_12) % 11) % 10;
    return c11 === Number(inn[10]) && c12 === Number(inn[11]) ? null : 'неверная контрольная сумма — проверьте цифры';
  }
  return 'нужно 10 цифр (организация) или 12 цифр (физическое лицо)';
}

/** КПП: 4 digits (tax office), 2 digits or capital Latin letters (reason), 3 digits. */
export function checkKpp(raw: string): string | null {
  const kpp = raw.trim().toUpperCase();
  return /^\d{4}[\dA-Z]{2}\d{3}$/.test(kpp) ? null : 'нужно 9 символов: 4 цифры, 2 цифры или латинские буквы, 3 цифры';
}

/** ОГРН (13 digits) or ОГРНИП (15 digits) with the check digit. */
export function checkOgrn(raw: string): string | null {
  const ogrn = digitsOnly(raw);
  if (!/^\d+$/.test(ogrn)) return 'допустимы только цифры';
  if (ogrn.length === 13) {
    const check = (BigInt(ogrn.slice(0, 12)) % 11n) % 10n;
    return check === BigInt(ogrn[12]) ? null : 'неверная контрольная цифра — проверьте цифры';
  }
  if (ogrn.length === 15) {
    const check = (BigInt(ogrn.slice(0, 14)) % 13n) % 10n;
    return check === BigInt(ogrn[14]) ? null : 'неверная контрольная цифра — проверьте цифры';
  }
  return 'нужно 13 цифр (ОГРНИП — 15)';
}

/**
 * СНИЛС: 11 digits, `XXX-XXX-XXX YY`. Numbers up to 001-001-998 were issued before the checksum
 * rule and are accepted without a check.
 */
export function checkSnils(raw: string): string | null {
  // One pass over the characters for the usual spellings (digits, hyphens, spaces); anything else
  // takes the general path below.
  let count = 0;
  let body = 0;
  let sum = 0;
  let control = 0;
  let plain = true;
  for (let i = 0; i < raw.length && plain; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (count < 9) {
        body = body * 10 + (c - 48);
        sum += (c - 48) * (9 - count);
      } else control = control * 10 + (c - 48);
      count++;
    } else if (c !== 45 && c !== 32) plain = false;
  }
  // 000-000-000 is never issued (the fund's numbers start at 001-001-998 and below it only
  // the checksum is waived), so an all-zero body is a typo or a placeholder, not a number.
  if (plain) return count !== 11 ? SNILS_DIGITS : body === 0 ? SNILS_ZERO : body <= 1001998 ? null : snilsControl(sum) === control ? null : SNILS_SUM;
  const snils = digitsOnly(raw);
  if (!/^\d{11}$/.test(snils)) return SNILS_DIGITS;
  const head = snils.slice(0, 9);
  if (Number(head) === 0) return SNILS_ZERO;
  if (Number(head) <= 1001998) return null;
  return snilsControl(weightedSum(head, [9, 8, 7, 6, 5, 4, 3, 2, 1])) === Number(snils.slice(9)) ? null : SNILS_SUM;
}

const SNILS_DIGITS = 'нужно 11 цифр (формат 123-456-789 01)';
const SNILS_ZERO = 'такого номера не бывает — проверьте цифры';
const SNILS_SUM = 'неверная контрольная сумма — проверьте цифры';

function snilsControl(sum: number): number {
  if (sum < 100) return sum;
  if (sum === 100 || sum === 101) return 0;
  const check = sum % 101;
  return check === 100 ? 0 : check;
}

const SNILS_FORMATTED = /^\d{3}-\d{3}-\d{3} \d{2}$/;

/** Formats 11 digits as `123-456-789 01`. */
export function formatSnils(raw: string): string {
  return canonicalSnils(raw) ?? raw;
}

/**
 * A СНИЛС however it is written → `123-456-789 01`, or null without 11 digits. The usual spelling
 * comes back as it is, with no allocation (a pull looks tens of thousands of them up).
 */
export function canonicalSnils(raw: string): string | null {
  if (SNILS_FORMATTED.test(raw)) return raw;
  const s = digitsOnly(raw);
  return s.length === 11 ? `${s.slice(0, 3)}-${s.slice(3, 6)}-${s.slice(6, 9)} ${s.slice(9)}` : null;
}

/** Computes the control number for 9 body digits; used by demo data. */
export function snilsChecksum(body9: string): string {
  const sum = weightedSum(body9, [9, 8, 7, 6, 5, 4, 3, 2, 1]);
  let check = sum < 100 ? sum : sum === 100 || sum === 101 ? 0 : sum % 101;
  if (check === 100) check = 0;
  return String(check).padStart(2, '0');
}

export function checkEmail(raw: string): string | null {
  return /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(raw.trim()) ? null : 'адрес указан неверно (пример: school@mail.ru)';
}

/** Accepts Russian phone numbers in the usual spellings; 10 significant digits. */
export function checkPhone(raw: string): string | null {
  const d = raw.replace(/[^\d]/g, '');
  const ok = (d.length === 11 && (d[0] === '7' || d[0] === '8')) || d.length === 10 || (d.length >= 5 && d.length <= 7);
  return ok ? null : 'номер указан неверно (пример: +7 (3852) 12-34-56)';
}

/**
 * The one spelling a phone is stored in (issue 24 item 7): «9131234567», «8 913 123 45 67» and
 * «+7-913-123-45-67» all become «+7 (913) 123-45-67». A code the person put in brackets is kept
 * («8 (3852) 12-34-56» → «+7 (3852) 12-34-56»); a local number is grouped («12-34-56»). Only for a
 * value `checkPhone` accepted — anything else is refused with the field named, never changed.
 */
export function normalisePhone(raw: string): string {
  const digits = raw.replace(/\D/g, '');
  if (digits.length < 10) return groupLocal(digits);
  const national = digits.length === 11 ? digits.slice(1) : digits;
  const typedCode = /\(\s*(\d{3,5})\s*\)/.exec(raw)?.[1];
  const code = typedCode && national.startsWith(typedCode) ? typedCode : national.slice(0, 3);
  return `+7 (${code}) ${groupLocal(national.slice(code.length))}`;
}

/** 1234567 → 123-45-67, 123456 → 12-34-56, 12345 → 1-23-45: two pairs at the end. */
function groupLocal(d: string): string {
  if (d.length <= 4) return d;
  return `${d.slice(0, -4)}-${d.slice(-4, -2)}-${d.slice(-2)}`;
}

export function checkUrl(raw: string): string | null {
  return /^(https?:\/\/)?[\p{L}\d-]+(\.[\p{L}\d-]+)+(\/\S*)?$/u.test(raw.trim()) ? null : 'адрес сайта указан неверно (пример: school6.ru)';
}

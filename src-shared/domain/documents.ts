/**
 * Identity documents of pupils, parents and staff: types, normalisation of what people actually
 * type (Cyrillic and Latin look-alike letters, spaces instead of hyphens, lower case) and format
 * checks. Every check returns `null` when the value is valid or a short Russian message; the caller
 * names the field. Pure functions shared by the forms and the server.
 */

export const DOCUMENT_TYPES = {
  birthCertificate: 'Свидетельство о рождении (РФ)',
  passport: 'Паспорт гражданина РФ',
  foreignBirthCertificate: 'Свидетельство о рождении (иностранное)',
  foreignPassport: 'Документ иностранного гражданина',
  medicalPolicy: 'Полис ОМС',
  other: 'Иной документ',
} as const;

export type DocumentType = keyof typeof DOCUMENT_TYPES;
export const DOCUMENT_TYPE_IDS = Object.keys(DOCUMENT_TYPES) as DocumentType[];

/** Age from which a citizen of Russia gets a passport (the pupil card accepts a passport from 14). */
export const PASSPORT_AGE = 14;

// Cyrillic letters people type instead of the Latin Roman numerals of a birth-certificate series.
const ROMAN_LOOKALIKES: Record<string, string> = {
  І: 'I', і: 'I', Ӏ: 'I', ӏ: 'I', l: 'I', '1': 'I', i: 'I',
  Х: 'X', х: 'X', x: 'X',
  С: 'C', с: 'C', c: 'C',
  Л: 'L', л: 'L',
  М: 'M', м: 'M', m: 'M',
  Д: 'D', д: 'D', d: 'D',
  v: 'V', Ѵ: 'V', ѵ: 'V',
  Ⅰ: 'I', Ⅱ: 'II', Ⅲ: 'III', Ⅳ: 'IV', Ⅴ: 'V', Ⅵ: 'VI', Ⅶ: 'VII', Ⅷ: 'VIII', Ⅸ: 'IX', Ⅹ: 'X', Ⅺ: 'XI', Ⅻ: 'XII',
};

// Latin letters people type instead of the Cyrillic letters of a series (keyboard layout slips).
const CYRILLIC_LOOKALIKES: Record<string, string> = {
  A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х', Y: 'У',
  a: 'А', b: 'В', c: 'С', e: 'Е', h: 'Н', k: 'К', m: 'М', o: 'О', p: 'Р', t: 'Т', x: 'Х', y: 'У',
};

const ROMAN_RE = /^(C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;

/**
 * Birth-certificate series: a Roman numeral (the region) in Latin capitals, a hyphen, two Cyrillic
 * capitals — `IV-МЮ`. Accepts `iv-мю`, `IV МЮ`, `ІV-MЮ` (Cyrillic І, Latin M) and the like.
 */
export function normaliseBirthCertificateSeries(raw: string): string {
  const compact = raw.trim().replace(/[\s\u00a0]+/g, ' ');
  const m = /^(.+?)[\s\-‐–—_./]*([^\s\-‐–—_./]{2})$/u.exec(compact);
  if (!m) return compact.toUpperCase();
  const roman = [...m[1].replace(/[\s\-‐–—_./]/g, '')].map((ch) => ROMAN_LOOKALIKES[ch] ?? ch.toUpperCase()).join('');
  const letters = [...m[2]].map((ch) => CYRILLIC_LOOKALIKES[ch] ?? ch.toUpperCase()).join('');
  return `${roman}-${letters}`;
}

export function checkBirthCertificateSeries(raw: string): string | null {
  const s = normaliseBirthCertificateSeries(raw);
  const m = /^([IVXLCM]+)-([А-ЯЁ]{2})$/.exec(s);
  if (!m || !ROMAN_RE.test(m[1])) {
    return 'серия — римское число и две русские буквы через дефис (пример: IV-МЮ)';
  }
  return null;
}

const digits = (v: string) => v.replace(/\D/g, '');

export function checkBirthCertificateNumber(raw: string): string | null {
  return /^\d{6}$/.test(digits(raw)) && /^[\d\s]+$/.test(raw.trim()) ? null : 'номер свидетельства — 6 цифр';
}

/** Passport series: 4 digits, stored without the space (`0123`), shown as `01 23`. */
export function normalisePassportSeries(raw: string): string {
  return /^[\d\s-]+$/.test(raw.trim()) ? digits(raw) : raw.trim();
}

export function checkPassportSeries(raw: string): string | null {
  return /^\d{4}$/.test(normalisePassportSeries(raw)) ? null : 'серия паспорта — 4 цифры (пример: 01 23)';
}

export function checkPassportNumber(raw: string): string | null {
  return /^\d{6}$/.test(normaliseDigitsNumber(raw)) ? null : 'номер паспорта — 6 цифр';
}

/** A number made of digits: spaces and hyphens dropped, anything else kept (so the check fails). */
export function normaliseDigitsNumber(raw: string): string {
  return /^[\d\s-]+$/.test(raw.trim()) ? digits(raw) : raw.trim();
}

/** Код подразделения: `123-456`. */
export function normaliseDivisionCode(raw: string): string {
  const d = digits(raw);
  return d.length === 6 && /^[\d\s-]+$/.test(raw.trim()) ? `${d.slice(0, 3)}-${d.slice(3)}` : raw.trim();
}

export function checkDivisionCode(raw: string): string | null {
  return /^\d{3}-\d{3}$/.test(normaliseDivisionCode(raw)) ? null : 'код подразделения — 6 цифр (пример: 220-001)';
}

/** Единый полис ОМС (since 2011): 16 digits. Older policies have a series and are accepted as typed. */
export function checkMedicalPolicyNumber(raw: string, hasSeries: boolean): string | null {
  if (hasSeries) return raw.trim().length <= 30 ? null : 'не длиннее 30 символов';
  return /^\d{16}$/.test(normaliseDigitsNumber(raw)) ? null : 'номер полиса ОМС единого образца — 16 цифр';
}

export function formatPassportSeries(series: string): string {
  return /^\d{4}$/.test(series) ? `${series.slice(0, 2)} ${series.slice(2)}` : series;
}

export interface DocumentFields {
  type: DocumentType;
  series: string | null;
  number: string | null;
  issueDate: string | null;
  issuer: string | null;
  issuerCode: string | null;
}

/** The document as it is stored: series and number in their canonical spelling. */
export function normaliseDocument<T extends DocumentFields>(doc: T): T {
  const out = { ...doc };
  if (doc.type === 'birthCertificate') {
    out.series = doc.series ? normaliseBirthCertificateSeries(doc.series) : null;
    out.number = doc.number ? normaliseDigitsNumber(doc.number) : null;
  } else if (doc.type === 'passport') {
    out.series = doc.series ? normalisePassportSeries(doc.series) : null;
    out.number = doc.number ? normaliseDigitsNumber(doc.number) : null;
    out.issuerCode = doc.issuerCode ? normaliseDivisionCode(doc.issuerCode) : null;
  } else if (doc.type === 'medicalPolicy' && doc.number && !doc.series) {
    out.number = normaliseDigitsNumber(doc.number);
  }
  return out;
}

export interface DocumentIssue {
  field: keyof DocumentFields;
  message: string;
}

/**
 * Format problems of one document. `birthDate` (of the holder) enables the age rules: a Russian
 * passport is issued from 14, a document cannot be issued before its holder was born.
 */
export function checkDocument(doc: DocumentFields, birthDate: string | null, today: string): DocumentIssue[] {
  // No closures: a pull checks tens of thousands of documents with this.
  const out: DocumentIssue[] = [];
  switch (doc.type) {
    case 'birthCertificate':
      need(out, 'series', doc.series, checkBirthCertificateSeries);
      need(out, 'number', doc.number, checkBirthCertificateNumber);
      break;
    case 'passport':
      need(out, 'series', doc.series, checkPassportSeries);
      need(out, 'number', doc.number, checkPassportNumber);
      if (doc.issuerCode) {
        const problem = checkDivisionCode(doc.issuerCode);
        if (problem) out.push({ field: 'issuerCode', message: problem });
      }
      break;
    case 'medicalPolicy':
      need(out, 'number', doc.number, doc.series ? checkOldMedicalPolicyNumber : checkUnifiedMedicalPolicyNumber);
      break;
    default:
      need(out, 'number', doc.number, checkOtherNumber);
  }
  for (const issue of documentDateIssues(doc, birthDate, today)) out.push(issue);
  return out;
}

/** A required part of a document: empty, or its format's problem. */
function need(out: DocumentIssue[], field: keyof DocumentFields, value: string | null, check: (v: string) => string | null): void {
  if (!value) {
    out.push({ field, message: 'обязательное поле' });
    return;
  }
  const problem = check(value);
  if (problem) out.push({ field, message: problem });
}

const checkOldMedicalPolicyNumber = (v: string) => checkMedicalPolicyNumber(v, true);
const checkUnifiedMedicalPolicyNumber = (v: string) => checkMedicalPolicyNumber(v, false);
const checkOtherNumber = (v: string) => (v.length <= 50 ? null : 'не длиннее 50 символов');

const NO_ISSUES: readonly DocumentIssue[] = [];

/**
 * The date rules of a document (all on `issueDate`): a passport from 14, not in the future, not
 * before its holder was born. The card rules need only these; the format is the field schema's.
 */
export function documentDateIssues(doc: Pick<DocumentFields, 'type' | 'issueDate'>, birthDate: string | null, today: string): readonly DocumentIssue[] {
  if (!doc.issueDate) return NO_ISSUES;
  const out: DocumentIssue[] = [];
  if (doc.type === 'passport' && birthDate && doc.issueDate < addYears(birthDate, PASSPORT_AGE)) {
    out.push({ field: 'issueDate', message: `паспорт гражданина РФ выдаётся с ${PASSPORT_AGE} лет` });
  }
  if (doc.issueDate > today) out.push({ field: 'issueDate', message: 'дата выдачи не может быть в будущем' });
  else if (birthDate && doc.issueDate < birthDate) out.push({ field: 'issueDate', message: 'документ выдан раньше даты рождения' });
  return out;
}

/** `YYYY-MM-DD` plus whole years (29 February → 28 February in a common year). */
export function addYears(iso: string, years: number): string {
  if (!/^\d{4}-\d{2}-\d{2}/.test(iso)) {
    const [y, m, d] = iso.split('-').map(Number);
    return shifted(y + years, m, d);
  }
  const y = Number(iso.slice(0, 4)) + years;
  // Only 29 February moves (to the 28th of a common year); otherwise the month and day stay as written.
  if (iso.charCodeAt(5) === 48 && iso.charCodeAt(6) === 50 && iso.charCodeAt(8) === 50 && iso.charCodeAt(9) === 57) return shifted(y, 2, 29);
  return `${y < 1000 ? String(y).padStart(4, '0') : y}${iso.slice(4, 10)}`;
}

function shifted(year: number, m: number, d: number): string {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** What the document is called on a card or in a list: «Свидетельство о рождении IV-МЮ 123456». */
export function documentTitle(doc: Pick<DocumentFields, 'type' | 'series' | 'number'>): string {
  const series = doc.type === 'passport' && doc.series ? formatPassportSeries(doc.series) : doc.series;
  return [DOCUMENT_TYPES[doc.type], series, doc.number].filter(Boolean).join(' ');
}

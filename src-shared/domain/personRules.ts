/**
 * Rules for people's names and dates that the pupil, parent and staff cards share: Cyrillic names
 * with hyphens and ё, plausible ages per role, no dates in the future. Each check returns `null` or
 * a short Russian message; the caller names the record and the field.
 */
import { parseRuDate } from './ruDate';
import { addYears } from './documents';

export type PersonKind = 'staff' | 'pupil' | 'parent';

export const PERSON_KIND_TITLES: Record<PersonKind, string> = {
  staff: 'Карточка сотрудника',
  pupil: 'Карточка обучающегося',
  parent: 'Карточка родителя',
};

/** Ages a card accepts, in whole years on the day of the check (the plausibility rule). */
export const AGE_LIMITS: Record<'pupil' | 'staff', { min: number; max: number }> = {
  pupil: { min: 5, max: 20 },
  staff: { min: 16, max: 90 },
};
/** A parent must be at least this much older than each of their children. */
export const PARENT_MIN_AGE_GAP = 14;
/** A parent or legal representative card accepts ages up to this (grandparents as guardians). */
export const PARENT_MAX_AGE = 110;

// Latin letters that look like Cyrillic ones: a keyboard-layout slip inside a Russian name.
const LATIN_TO_CYRILLIC: Record<string, string> = {
  A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х', Y: 'У',
  a: 'а', c: 'с', e: 'е', o: 'о', p: 'р', x: 'х', y: 'у', k: 'к', m: 'м', t: 'т', h: 'н', b: 'в',
};

/** Particles of patronymics that stay in lower case: «Ахмед оглы», «Аслан кызы». */
const LOWER_PARTICLES = new Set(['оглы', 'кызы', 'улы', 'уулу']);

function capitalise(word: string): string {
  if (word.length === 0 || LOWER_PARTICLES.has(word.toLowerCase())) return word.toLowerCase();
  const lower = word === word.toUpperCase() && word.length > 1 ? word.toLowerCase() : word;
  return lower[0].toUpperCase() + lower.slice(1);
}

/**
 * The spelling a name is stored in: trimmed, single spaces, a hyphen without spaces around it,
 * Latin look-alike letters replaced when the rest of the name is Cyrillic, each part capitalised
 * (a name typed with Caps Lock on is turned into «Иванов»).
 */
export function normaliseName(raw: string): string {
  let s = raw.normalize('NFC').trim().replace(/\s+/g, ' ').replace(/\s*-\s*/g, '-').replace(/[’`]/g, "'");
  if (/[А-ЯЁа-яё]/.test(s)) s = [...s].map((ch) => LATIN_TO_CYRILLIC[ch] ?? ch).join('');
  return s
    .split(' ')
    .map((w) => w.split('-').map(capitalise).join('-'))
    .join(' ');
}

const NAME_RE = /^[А-ЯЁ][а-яёА-ЯЁ']*(?:[- ][А-ЯЁа-яё][а-яёА-ЯЁ']*)*$/;

/** A normalised name: Russian letters, hyphen, space and apostrophe; starts with a capital. */
export function checkName(value: string): string | null {
  const v = normaliseName(value);
  if (v.length === 0) return 'обязательное поле';
  if (v.length > 60) return 'не длиннее 60 символов';
  if (/[A-Za-z]/.test(v)) return 'латинские буквы не допускаются: имя пишется русскими буквами';
  if (/\d/.test(v)) return 'цифры в имени не допускаются';
  if (!NAME_RE.test(v)) return 'допустимы русские буквы (включая ё), дефис и пробел; начинается с заглавной буквы';
  return null;
}

/** Full years between a birth date and a day (`YYYY-MM-DD`). */
export function ageOn(birthDate: string, day: string): number {
  const by = isoPart(birthDate, 0, 4);
  const bm = isoPart(birthDate, 5, 7);
  const bd = isoPart(birthDate, 8, 10);
  const y = isoPart(day, 0, 4);
  const m = isoPart(day, 5, 7);
  const d = isoPart(day, 8, 10);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The number in `iso[from, to)` (a year, month or day of `YYYY-MM-DD`), without allocating. */
function isoPart(iso: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = iso.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return Number(iso.split('-')[from === 0 ? 0 : from === 5 ? 1 : 2]);
    n = n * 10 + c;
  }
  return n;
}

export function checkNotFuture(date: string, today: string, what = 'дата'): string | null {
  return date > today ? `${what} не может быть в будущем` : null;
}

/** Birth date plausibility for a role; `today` is the local date of the check. */
export function checkBirthDate(kind: PersonKind, birthDate: string, today: string): string | null {
  // A date field hands over the text as typed when it is no date at all (31.02.2020): say so.
  const read = parseRuDate(birthDate);
  if (!read.ok) return read.error;
  if (birthDate > today) return 'дата рождения не может быть в будущем';
  const age = ageOn(birthDate, today);
  if (kind === 'parent') {
    if (age < PARENT_MIN_AGE_GAP) return `родителю или законному представителю должно быть не меньше ${PARENT_MIN_AGE_GAP} лет`;
    if (age > PARENT_MAX_AGE) return `возраст больше ${PARENT_MAX_AGE} лет — проверьте год рождения`;
    return null;
  }
  const { min, max } = AGE_LIMITS[kind];
  if (age < min || age > max) {
    const who = kind === 'pupil' ? 'обучающегося' : 'сотрудника';
    return `возраст ${who} должен быть от ${min} до ${max} лет, а получается ${age} — проверьте год рождения`;
  }
  return null;
}

/** A parent at least 14 years older than the child; `null` when either date is unknown. */
export function checkParentChildAges(parentBirth: string | null, childBirth: string | null): string | null {
  if (!parentBirth || !childBirth) return null;
  if (addYears(parentBirth, PARENT_MIN_AGE_GAP) > childBirth) {
    return `родитель должен быть старше ребёнка не меньше чем на ${PARENT_MIN_AGE_GAP} лет — проверьте даты рождения`;
  }
  return null;
}

/** Today as `YYYY-MM-DD` in local time: the date a person reads on the wall calendar. */
export function todayLocal(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

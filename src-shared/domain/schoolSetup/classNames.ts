/**
 * The grade (параллель) of a class read from how schools write class names: «5А», «10 Б», «11-а»,
 * «5 «А»», «1 класс», «7А (профиль)», Roman numerals «V-Б», «XI А», «IX класс». A bare number («8»)
 * is not read as a grade: many timetables (and FET files from other countries) name a year of study
 * that way, so the caller is asked instead of guessing.
 */

/** Latin letters typed instead of the Cyrillic ones they look like («5A», «10B»). */
const LOOKALIKE = new Set(['A', 'B', 'C', 'E', 'H', 'K', 'M', 'O', 'P', 'T', 'X']);

const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, V: 5, VI: 6, VII: 7, VIII: 8, IX: 9, X: 10, XI: 11 };

const ARABIC_HEAD = /^(\d{1,2})(?!\d)/;
/** Roman numerals, also typed with the Cyrillic look-alikes Х and І («ІХ-А»). */
const ROMAN_HEAD = /^([IVXХІ]{1,4})(?=[\s\-–—.«"“'])/;
const SEPARATORS = /^[\s\-–—.]*/;
/** One or two letters, maybe quoted, maybe a digit (a «5А1» stream), then the end or a separator. */
const LETTER = /^[«"“']?([А-ЯA-Z]{1,2})[»"”']?\d?(?=$|[\s(,;:/])/;
/** «класс», «классы», «кл», «кл.», «-й класс». */
const CLASS_WORD = /^(?:Й\s+)?КЛ(?:АСС(?:Ы)?)?\.?(?=$|[\s(,;:/])/;

function clean(name: string): string {
  return name.normalize('NFC').toUpperCase().replace(/Ё/g, 'Е').replace(/\s+/g, ' ').trim().replace(/^КЛАСС\s+/, '');
}

function isLetter(s: string): boolean {
  return [...s].every((ch) => /[А-Я]/.test(ch) || LOOKALIKE.has(ch));
}

/** The grade 1…11 a class name states, or null when the name does not say it plainly. */
export function gradeFromClassName(name: string): number | null {
  const s = clean(name);
  let grade: number | undefined;
  let rest: string;
  const arabic = ARABIC_HEAD.exec(s);
  const roman = arabic ? null : ROMAN_HEAD.exec(s);
  if (arabic) {
    grade = Number(arabic[1]);
    rest = s.slice(arabic[0].length);
  } else if (roman) {
    grade = ROMAN[roman[1].replace(/Х/g, 'X').replace(/І/g, 'I')];
    rest = s.slice(roman[0].length);
  } else return null;
  if (grade === undefined || grade < 1 || grade > 11) return null;
  rest = rest.replace(SEPARATORS, '');
  const letter = LETTER.exec(rest);
  if (letter && isLetter(letter[1])) return grade;
  if (CLASS_WORD.test(rest)) return grade;
  return null;
}

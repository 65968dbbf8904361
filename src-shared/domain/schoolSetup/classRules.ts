/**
 * Classes (классы): `5А` = grade (параллель) + letter (литера). The education programme follows
 * the level (НОО 1–4, ООО 5–9, СОО 10–11); a class for pupils with ОВЗ follows an adapted one
 * (АООП) in one of the variants of the federal adapted programmes.
 */

export const LETTER_RE = /^[А-ЯЁ]{1,2}\d?$/;

export function normaliseLetter(letter: string): string {
  return letter.trim().toUpperCase();
}

export function className(grade: number, letter: string): string {
  return `${grade}${normaliseLetter(letter)}`;
}

export type EducationLevel = 'НОО' | 'ООО' | 'СОО';

export function levelOf(grade: number): EducationLevel {
  return grade <= 4 ? 'НОО' : grade <= 9 ? 'ООО' : 'СОО';
}

export const PROGRAMMES = ['ООП', 'АООП'] as const;
export type Programme = (typeof PROGRAMMES)[number];

export function programmeTitle(programme: Programme, grade: number, variant: string | null): string {
  const level = levelOf(grade);
  if (programme === 'ООП') return `ООП ${level}`;
  return `АООП ${level}${variant ? `, ${variant}` : ''}`;
}

/** Common variants offered in the form; the school may type another. */
export const AOOP_VARIANTS = [
  'вариант 1.1 (глухие)',
  'вариант 2.1 (слабослышащие)',
  'вариант 3.1 (слепые)',
  'вариант 4.1 (слабовидящие)',
  'вариант 5.1 (ТНР)',
  'вариант 6.1 (НОДА)',
  'вариант 7.1 (ЗПР)',
  'вариант 7.2 (ЗПР)',
  'вариант 8.1 (РАС)',
  'вариант 8.2 (РАС)',
  'ФАООП УО, вариант 1',
  'ФАООП УО, вариант 2',
] as const;

/** Grades SanPiN allows only in the first shift (SP 2.4.3648-20). */
export const FIRST_SHIFT_ONLY_GRADES = [1, 5, 9, 10, 11] as const;

/**
 * SanPiN regime warnings for a class: grade 1 has a five-day week and the first shift; grades 5,
 * 9–11 and ОВЗ classes study in the first shift.
 */
export function classRegimeWarnings(c: { name: string; grade: number; shift: number; weekLength: number; programme: Programme }): string[] {
  const warnings: string[] = [];
  if (c.grade === 1 && c.weekLength !== 5) warnings.push(`класс ${c.name}: в 1 классе учебная неделя только пятидневная (СП 2.4.3648-20)`);
  if (c.shift !== 1 && (FIRST_SHIFT_ONLY_GRADES as readonly number[]).includes(c.grade)) {
    warnings.push(`класс ${c.name}: ${c.grade} классы учатся только в первую смену (СП 2.4.3648-20)`);
  }
  if (c.shift !== 1 && c.programme === 'АООП') {
    warnings.push(`класс ${c.name}: классы для обучающихся с ОВЗ учатся только в первую смену (СП 2.4.3648-20)`);
  }
  return warnings;
}

/** «АБВ» → ['А', 'Б', 'В']; «А, Б, В» works too. */
export function parseLetters(text: string): string[] {
  const parts = text.includes(',') || text.includes(' ') ? text.split(/[\s,]+/) : [...text];
  return [...new Set(parts.map(normaliseLetter).filter(Boolean))];
}

/**
 * Timetable norms the instance builder and the printouts share (`../shared/domain/sanpin.md` §1, §5):
 * the SanPiN daily maximum of lessons by grade and the 2025 ministry rules for two lessons of
 * внеурочная деятельность. One table each, never scattered in code.
 */

export const DAILY_MAX_SOURCE = 'СП 2.4.3648-20, табл. 6.6 / СанПиН 1.2.3685-21: максимальное число уроков в день';

/** Lessons a day: grades 1 — 4 (once a week 5), 2–4 — 5 (once a week 6), 5–6 — 6, 7–11 — 7. */
export function sanpinDailyMax(grade: number): { value: number; onceAWeek: number | null } {
  if (grade <= 1) return { value: 4, onceAWeek: 5 };
  if (grade <= 4) return { value: 5, onceAWeek: 6 };
  if (grade <= 6) return { value: 6, onceAWeek: null };
  return { value: 7, onceAWeek: null };
}

/** Grades that study in the first shift only (SanPiN; also classes for children with ОВЗ). */
export const FIRST_SHIFT_GRADES: readonly number[] = [1, 5, 9, 10, 11];

export const MINISTRY_SOURCE = 'Приказ Минпросвещения России № 704 от 09.10.2024 и примерные расписания 2025 г.';

export type MinistryRule = 'conversationsMonday' | 'horizonsThursday';

export interface MinistryLesson {
  rule: MinistryRule;
  /** Russian name as in the starter plans. */
  title: string;
  /** 0 = Monday. */
  day: number;
  grades: readonly number[];
}

/**
 * Both are placed as the first lesson of the class's shift on their day and, being внеурочная
 * деятельность, do not count against the daily maximum of lessons.
 */
export const MINISTRY_LESSONS: readonly MinistryLesson[] = [
  { rule: 'conversationsMonday', title: 'Разговоры о важном', day: 0, grades: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] },
  { rule: 'horizonsThursday', title: 'Россия — мои горизонты', day: 3, grades: [6, 7, 8, 9, 10, 11] },
];

const norm = (s: string): string =>
  s
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»"'.,]/g, '')
    .replace(/[\s\u2010-\u2015-]+/g, ' ')
    .trim();

/** The ministry lesson a subject name is, if any («Россия - мои горизонты» matches too). */
export function ministryLessonOf(subjectName: string): MinistryLesson | undefined {
  const n = norm(subjectName);
  return MINISTRY_LESSONS.find((m) => norm(m.title) === n);
}

export const WEEKDAY_NAMES = ['Понедельник', 'Вторник', 'Среда', 'Четверг', 'Пятница', 'Суббота'] as const;
export const WEEKDAY_SHORT = ['Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб'] as const;

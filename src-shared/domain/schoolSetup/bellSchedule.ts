/**
 * Bell schedules (расписание звонков): lesson number → start and end time. Hard errors make a
 * schedule unusable (overlapping lessons, a lesson ending before it starts, a missing number);
 * the SanPiN regime (SP 2.4.3648-20, `shared/domain/sanpin.md` §1) is reported as warnings because a
 * school may knowingly deviate for a day (a shortened Saturday, a holiday concert).
 */

export const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

export const MAX_LESSONS_PER_DAY = 10;

export interface BellLesson {
  number: number;
  start: string;
  end: string;
}

export interface BellBreak {
  /** The break after this lesson. */
  after: number;
  minutes: number;
}

export interface BellCheck {
  errors: string[];
  warnings: string[];
  breaks: BellBreak[];
}

export function toMinutes(time: string): number {
  const m = TIME_RE.exec(time);
  if (!m) return Number.NaN;
  return Number(m[1]) * 60 + Number(m[2]);
}

export function fromMinutes(total: number): string {
  const h = Math.floor(total / 60);
  const m = total % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

function label(l: BellLesson): string {
  return `урок ${l.number} (${l.start}–${l.end})`;
}

export function checkBellSchedule(lessons: readonly BellLesson[]): BellCheck {
  const errors: string[] = [];
  const warnings: string[] = [];
  const breaks: BellBreak[] = [];
  if (lessons.length === 0) return { errors: ['нет ни одного урока'], warnings, breaks };

  const seen = new Set<number>();
  for (const l of lessons) {
    if (seen.has(l.number)) errors.push(`урок ${l.number} указан дважды`);
    seen.add(l.number);
    if (Number.isNaN(toMinutes(l.start)) || Number.isNaN(toMinutes(l.end))) {
      errors.push(`урок ${l.number}: время пишется как ЧЧ:ММ, например 08:30`);
    }
  }
  const max = Math.max(...seen);
  for (let n = 1; n <= max; n++) if (!seen.has(n)) errors.push(`пропущен урок ${n}: номера уроков идут подряд с 1`);
  if (errors.length) return { errors, warnings, breaks };

  const sorted = [...lessons].sort((a, b) => a.number - b.number);
  for (const l of sorted) {
    const length = toMinutes(l.end) - toMinutes(l.start);
    if (length <= 0) {
      errors.push(`урок ${l.number}: окончание ${l.end} не позже начала ${l.start}`);
      continue;
    }
    if (length > 45) warnings.push(`${label(l)} длится ${length} мин — больше 45 минут (СП 2.4.3648-20)`);
  }
  for (let i = 0; i + 1 < sorted.length; i++) {
    const a = sorted[i];
    const b = sorted[i + 1];
    const gap = toMinutes(b.start) - toMinutes(a.end);
    if (gap < 0) {
      errors.push(`${label(a)} и ${label(b)} пересекаются`);
    } else {
      breaks.push({ after: a.number, minutes: gap });
      if (gap < 10) warnings.push(`перемена после урока ${a.number} — ${gap} мин, меньше 10 минут (СП 2.4.3648-20)`);
    }
  }
  if (errors.length) return { errors, warnings, breaks };

  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (toMinutes(first.start) < 8 * 60) warnings.push(`первый урок начинается в ${first.start} — раньше 08:00 (СП 2.4.3648-20)`);
  if (toMinutes(last.end) > 19 * 60) warnings.push(`последний урок заканчивается в ${last.end} — позже 19:00 (СП 2.4.3648-20)`);
  if (sorted.length >= 4 && !breaks.some((b) => b.minutes >= 20)) {
    warnings.push('нет ни одной перемены 20 минут и больше (СП 2.4.3648-20: одна большая перемена или две по 20 минут)');
  }
  return { errors, warnings, breaks };
}

/**
 * A regular schedule: `count` lessons of `length` minutes from `start`, with `shortBreak` minutes
 * between them and `longBreak` after the lessons listed in `longAfter`.
 */
export function generateBells(opts: {
  start: string;
  count: number;
  length: number;
  shortBreak: number;
  longBreak: number;
  longAfter: readonly number[];
}): BellLesson[] {
  const lessons: BellLesson[] = [];
  let t = toMinutes(opts.start);
  for (let n = 1; n <= opts.count; n++) {
    lessons.push({ number: n, start: fromMinutes(t), end: fromMinutes(t + opts.length) });
    t += opts.length + (opts.longAfter.includes(n) ? opts.longBreak : opts.shortBreak);
  }
  return lessons;
}

export const WEEKDAY_NAMES = ['понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота', 'воскресенье'] as const;
export const WEEKDAY_SHORT = ['Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб', 'Вс'] as const;
/** «по понедельникам» — for messages. */
export const WEEKDAY_DATIVE_PLURAL = ['понедельникам', 'вторникам', 'средам', 'четвергам', 'пятницам', 'субботам', 'воскресеньям'] as const;

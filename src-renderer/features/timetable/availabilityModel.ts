import type { AvailabilitySlot } from '../../../src-shared/contract/timetableFields';

/**
 * A teacher's week of time off as the editor holds it — for each weekday either a whole-day mark
 * (методический день) or a mark per lesson of each shift — and back to the contract's slots
 * (runs of consecutive lessons with the same mark become one «с … по …» slot).
 */

export type Mark = 'free' | 'unavailable' | 'undesired';

export interface DayMarks {
  whole: Mark;
  /** shift → marks of lessons 1…n (index 0 is lesson 1). */
  lessons: Record<number, Mark[]>;
}

export type WeekMarks = Record<number, DayMarks>;

export const WEEKDAY_NAMES = ['', 'Понедельник', 'Вторник', 'Среда', 'Четверг', 'Пятница', 'Суббота'];
export const WEEKDAY_SHORT = ['', 'Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб'];

/** Stronger marks win where two slots overlap: «never» over «rather not». */
const stronger = (a: Mark, b: Mark): Mark => (a === 'unavailable' || b === 'unavailable' ? 'unavailable' : a === 'undesired' || b === 'undesired' ? 'undesired' : 'free');

export function emptyWeek(weekdays: readonly number[], shifts: readonly { shift: number; lessons: number }[]): WeekMarks {
  const out: WeekMarks = {};
  for (const wd of weekdays) out[wd] = { whole: 'free', lessons: Object.fromEntries(shifts.map((s) => [s.shift, Array<Mark>(s.lessons).fill('free')])) };
  return out;
}

export function marksFromSlots(slots: readonly AvailabilitySlot[], weekdays: readonly number[], shifts: readonly { shift: number; lessons: number }[]): WeekMarks {
  const week = emptyWeek(weekdays, shifts);
  for (const s of slots) {
    const day = week[s.weekday];
    if (!day) continue;
    if (s.shift === null) {
      day.whole = stronger(day.whole, s.kind);
      continue;
    }
    const list = day.lessons[s.shift];
    if (!list) continue;
    for (let n = s.from ?? 1; n <= (s.to ?? list.length); n++) if (n >= 1 && n <= list.length) list[n - 1] = stronger(list[n - 1], s.kind);
  }
  return week;
}

export function slotsFromMarks(week: WeekMarks): AvailabilitySlot[] {
  const out: AvailabilitySlot[] = [];
  for (const wd of Object.keys(week).map(Number).sort((a, b) => a - b)) {
    const day = week[wd];
    if (day.whole !== 'free') {
      out.push({ weekday: wd, shift: null, from: null, to: null, kind: day.whole });
      continue;
    }
    for (const shift of Object.keys(day.lessons).map(Number).sort((a, b) => a - b)) {
      const list = day.lessons[shift];
      let i = 0;
      while (i < list.length) {
        const mark = list[i];
        let j = i;
        while (j + 1 < list.length && list[j + 1] === mark) j++;
        if (mark !== 'free') out.push({ weekday: wd, shift: shift as 1 | 2, from: i + 1, to: j + 1, kind: mark });
        i = j + 1;
      }
    }
  }
  return out;
}

const ROMAN: Record<number, string> = { 1: 'I', 2: 'II' };

/** «Пт — весь день; Ср — 1–3 ур. (I см.), нежелательно». */
export function describeSlots(slots: readonly AvailabilitySlot[], manyShifts: boolean): string {
  if (slots.length === 0) return '';
  return [...slots]
    .sort((a, b) => a.weekday - b.weekday || (a.shift ?? 0) - (b.shift ?? 0) || (a.from ?? 0) - (b.from ?? 0))
    .map((s) => {
      const when =
        s.shift === null ? 'весь день' : `${s.from === s.to ? `${s.from}-й урок` : `${s.from}–${s.to} ур.`}${manyShifts ? ` (${ROMAN[s.shift] ?? s.shift} см.)` : ''}`;
      return `${WEEKDAY_SHORT[s.weekday] ?? s.weekday} — ${when}${s.kind === 'undesired' ? ', нежелательно' : ''}`;
    })
    .join('; ');
}

export const NEXT_MARK: Record<Mark, Mark> = { free: 'unavailable', unavailable: 'undesired', undesired: 'free' };
export const MARK_LABEL: Record<Mark, string> = { free: 'свободен', unavailable: 'недоступен', undesired: 'нежелательно' };

import { sanpinDailyMax, WEEKDAY_NAMES, WEEKDAY_SHORT } from '../../../src-shared/domain/timetable/rules';
import { toMinutes } from '../../../src-shared/domain/schoolSetup/bellSchedule';
import type { ExplanationItem } from '../../../src-shared/contract/timetableFields';
import type { ClassSnapshot, GridSnapshot } from './snapshot';
import { item, links } from './links';

/**
 * The time axis of a school week: days (5, or 6 when any class studies six days) × periods, where
 * both shifts share one axis aligned by the clock — lesson 1 of the second shift takes the position
 * of the first-shift lesson it overlaps (13:30 meets lesson 6 of a shift that starts at 08:30), so
 * a teacher or a room can never be in both at once. Each class gets its shift's window and the
 * slots its bells do not cover (a shorter Saturday, Saturday of a five-day class) closed.
 */

const ACCUSATIVE = ['понедельник', 'вторник', 'среду', 'четверг', 'пятницу', 'субботу'];

export interface GridClass {
  id: string;
  name: string;
  grade: number;
  shift: number;
  weekLength: number;
  classTeacherId: string | null;
  homeRoomId: string | null;
  size: number | null;
}

export interface GridBells {
  shift: number;
  weekdays: number[];
  lessons: { number: number; start: string; end: string }[];
}

export interface GridResult {
  grid: GridSnapshot;
  items: ExplanationItem[];
}

/** Lessons of a shift on an ISO weekday (1 = Monday), by number. */
function lessonsOn(bells: readonly GridBells[], shift: number, weekday: number): GridBells['lessons'] {
  const s = bells.find((b) => b.shift === shift && b.weekdays.includes(weekday));
  return s ? [...s.lessons].sort((a, b) => a.number - b.number) : [];
}

export function buildGrid(classes: readonly GridClass[], bells: readonly GridBells[], yearId: string): GridResult {
  const items: ExplanationItem[] = [];
  const dayCount = classes.some((c) => c.weekLength === 6) ? 6 : 5;
  const days = Array.from({ length: dayCount }, (_, i) => ({ index: i, weekday: i + 1, name: WEEKDAY_NAMES[i], short: WEEKDAY_SHORT[i] }));
  const shifts = [...new Set([...classes.map((c) => c.shift), ...bells.map((b) => b.shift)])].sort((a, b) => a - b);
  // A shift's typical day: the weekday with the most lessons among Monday–Friday.
  const typical = new Map<number, GridBells['lessons']>();
  const longest = new Map<number, number>();
  for (const s of shifts) {
    let best: GridBells['lessons'] = [];
    let most = 0;
    for (let wd = 1; wd <= 6; wd++) {
      const l = lessonsOn(bells, s, wd);
      if (wd <= 5 && l.length > best.length) best = l;
      most = Math.max(most, l.length ? Math.max(...l.map((x) => x.number)) : 0);
    }
    typical.set(s, best);
    longest.set(s, most);
  }
  const byStart = shifts.filter((s) => (typical.get(s)?.length ?? 0) > 0).sort((a, b) => toMinutes(typical.get(a)![0].start) - toMinutes(typical.get(b)![0].start));
  const offsets: Record<string, number> = {};
  const first = byStart[0];
  if (first !== undefined) offsets[String(first)] = 0;
  for (const s of byStart.slice(1)) {
    const start = toMinutes(typical.get(s)![0].start);
    // Positions of the earliest shift that end before this shift's first lesson begins.
    const before = (typical.get(first!) ?? []).filter((l) => toMinutes(l.end) <= start).length;
    offsets[String(s)] = before;
  }
  let axis = 0;
  for (const s of byStart) axis = Math.max(axis, offsets[String(s)] + (longest.get(s) ?? 0));
  const periods = Array.from({ length: axis }, (_, p) => {
    const byShift = byStart
      .map((s) => ({ shift: s, number: p - offsets[String(s)] + 1 }))
      .filter((x) => x.number >= 1 && x.number <= (longest.get(x.shift) ?? 0));
    const label = byShift.length === 0 ? `${p + 1}` : byShift.length === 1 && byStart.length === 1 ? `${byShift[0].number}` : byShift.map((x) => `${x.number} (${x.shift === 1 ? 'I' : 'II'} см.)`).join(' / ');
    return { index: p, label, byShift };
  });
  const bellsOut: GridSnapshot['bells'] = [];
  for (const s of shifts) for (let wd = 1; wd <= dayCount; wd++) {
    const l = lessonsOn(bells, s, wd);
    if (l.length) bellsOut.push({ shift: s, weekday: wd, lessons: l });
  }

  const out: ClassSnapshot[] = [];
  for (const c of classes) {
    const max = sanpinDailyMax(c.grade);
    const base: ClassSnapshot = {
      id: c.id,
      name: c.name,
      grade: c.grade,
      shift: c.shift,
      weekLength: c.weekLength,
      firstPeriod: 0,
      lastPeriod: -1,
      classTeacherId: c.classTeacherId,
      homeRoomId: c.homeRoomId,
      size: c.size,
      maxPerDay: max.value,
      onceAWeek: max.onceAWeek,
      divisions: [],
      closed: [],
    };
    const offset = offsets[String(c.shift)];
    if (offset === undefined) {
      items.push(item('error', 'noBells', `Класс ${c.name} учится ${c.shift === 2 ? 'во' : 'в'} ${c.shift}-й смене, а расписания звонков ${c.shift}-й смены нет: уроки некуда поставить.`, links.bells(yearId), { classIds: [c.id] }));
      out.push(base);
      continue;
    }
    base.firstPeriod = offset;
    base.lastPeriod = offset + (longest.get(c.shift) ?? 0) - 1;
    for (let d = 0; d < dayCount; d++) {
      const studies = d < c.weekLength;
      const lessons = studies ? lessonsOn(bells, c.shift, d + 1) : [];
      if (studies && lessons.length === 0) {
        items.push(
          item('error', 'noBells', `Класс ${c.name} учится ${c.weekLength} дней в неделю, а расписания звонков ${c.shift}-й смены на ${ACCUSATIVE[d]} нет.`, links.bells(yearId), { classIds: [c.id] }),
        );
      }
      const numbers = new Set(lessons.map((l) => l.number));
      for (let p = base.firstPeriod; p <= base.lastPeriod; p++) if (!numbers.has(p - offset + 1)) base.closed.push({ day: d, period: p });
    }
    out.push(base);
  }
  return { grid: { days, periods, bells: bellsOut, shiftOffsets: offsets, classes: out }, items };
}

import type { LessonOut, VersionView } from '../../../src-shared/contract/timetableFields';

/**
 * What the timetable views draw, derived once per loaded version: every occurrence of every lesson
 * (placed or not) indexed by the slots it covers for each class, teacher and room. Pure, so the
 * grid, the master view and (issue 16) the drag-and-drop checks share one reading of a version.
 */

export type ClassInfo = VersionView['classes'][number];
export type TeacherInfo = VersionView['teachers'][number];
export type RoomInfo = VersionView['rooms'][number];
export type SubjectInfo = VersionView['subjects'][number];
export type EntityKind = 'class' | 'teacher' | 'room';

export interface Occurrence {
  /** `lessonId:index` — stable across reloads; the draggable id of issue 16. */
  key: string;
  lesson: LessonOut;
  index: number;
  day: number | null;
  period: number | null;
  roomId: string | null;
  locked: boolean;
}

/** An occurrence as it stands in one slot: a double lesson stands in two, `part` 1 is its second half. */
export interface SlotEntry {
  occ: Occurrence;
  part: number;
}

export type SlotMap = Map<number, SlotEntry[]>;

export interface TimetableIndex {
  view: VersionView;
  lessons: Map<string, LessonOut>;
  subjects: Map<string, SubjectInfo>;
  teachers: Map<string, TeacherInfo>;
  rooms: Map<string, RoomInfo>;
  classes: Map<string, ClassInfo>;
  occurrences: Occurrence[];
  byKey: Map<string, Occurrence>;
  unplaced: Occurrence[];
  byClass: Map<string, SlotMap>;
  byTeacher: Map<string, SlotMap>;
  byRoom: Map<string, SlotMap>;
}

export const slotKey = (day: number, period: number): number => day * 100 + period;
export const occKey = (lessonId: string, index: number): string => `${lessonId}:${index}`;
/** The droppable id of a cell (issue 16 puts @dnd-kit on these). */
export const slotId = (day: number, period: number): string => `slot:${day}:${period}`;

function push(map: Map<string, SlotMap>, id: string, key: number, entry: SlotEntry): void {
  let slots = map.get(id);
  if (!slots) map.set(id, (slots = new Map()));
  const list = slots.get(key);
  if (list) list.push(entry);
  else slots.set(key, [entry]);
}

export function indexTimetable(view: VersionView): TimetableIndex {
  const lessons = new Map(view.lessons.map((l) => [l.id, l]));
  const placed = new Map(view.placements.map((p) => [occKey(p.lessonId, p.index), p]));
  const occurrences: Occurrence[] = [];
  const unplaced: Occurrence[] = [];
  const byClass = new Map<string, SlotMap>();
  const byTeacher = new Map<string, SlotMap>();
  const byRoom = new Map<string, SlotMap>();
  for (const lesson of view.lessons) {
    const classIds = [...new Set(lesson.audiences.map((a) => a.classId))];
    for (let index = 0; index < lesson.count; index++) {
      const key = occKey(lesson.id, index);
      const p = placed.get(key);
      const occ: Occurrence = { key, lesson, index, day: p?.day ?? null, period: p?.period ?? null, roomId: p?.roomId ?? null, locked: p?.locked ?? false };
      occurrences.push(occ);
      if (occ.day === null || occ.period === null) {
        unplaced.push(occ);
        continue;
      }
      for (let part = 0; part < Math.max(1, lesson.duration); part++) {
        const k = slotKey(occ.day, occ.period + part);
        const entry = { occ, part };
        for (const c of classIds) push(byClass, c, k, entry);
        for (const t of lesson.teacherIds) push(byTeacher, t, k, entry);
        if (occ.roomId) push(byRoom, occ.roomId, k, entry);
      }
    }
  }
  return {
    view,
    lessons,
    subjects: new Map(view.subjects.map((s) => [s.id, s])),
    teachers: new Map(view.teachers.map((t) => [t.id, t])),
    rooms: new Map(view.rooms.map((r) => [r.id, r])),
    classes: new Map(view.classes.map((c) => [c.id, c])),
    occurrences,
    byKey: new Map(occurrences.map((o) => [o.key, o])),
    unplaced,
    byClass,
    byTeacher,
    byRoom,
  };
}

export function slotsOf(index: TimetableIndex, kind: EntityKind, id: string): SlotMap {
  const map = kind === 'class' ? index.byClass : kind === 'teacher' ? index.byTeacher : index.byRoom;
  return map.get(id) ?? new Map();
}

/** Does an occurrence belong to the entity (its class, its teacher, its room)? */
export function occursFor(occ: Occurrence, kind: EntityKind, id: string): boolean {
  if (kind === 'class') return occ.lesson.audiences.some((a) => a.classId === id);
  if (kind === 'teacher') return occ.lesson.teacherIds.includes(id);
  return occ.roomId === id;
}

export function unplacedFor(index: TimetableIndex, kind: EntityKind, id: string): Occurrence[] {
  return index.unplaced.filter((o) => occursFor(o, kind, id));
}

// ---- the period axis, bells and rows of a weekly grid ----

export interface GridRow {
  period: number;
  /** «3» in a class's grid; «6 / 1 (II см.)» where the grid spans both shifts. */
  label: string;
  /** Bell times of a usual weekday, «10:20–11:00» (one line per shift). */
  times: string[];
}

const ROMAN = ['', 'I', 'II', 'III'];

/** Bell time of a lesson number of a shift on an ISO weekday, «08:30–09:10»; null without bells. */
export function bellTime(view: VersionView, shift: number, weekday: number, number: number): string | null {
  const b = view.bells.find((x) => x.shift === shift && x.weekday === weekday);
  const l = b?.lessons.find((x) => x.number === number);
  return l ? `${l.start}–${l.end}` : null;
}

/** The weekday whose bells stand for the shift in the row headers: the first with the most lessons. */
function typicalWeekday(view: VersionView, shift: number): number {
  let best = 1;
  let most = -1;
  for (const b of view.bells) {
    if (b.shift !== shift) continue;
    if (b.lessons.length > most || (b.lessons.length === most && b.weekday < best)) {
      best = b.weekday;
      most = b.lessons.length;
    }
  }
  return best;
}

/** Rows of a class's grid: the positions of its shift, numbered from its first lesson. */
export function classRows(view: VersionView, cls: ClassInfo): GridRow[] {
  const wd = typicalWeekday(view, cls.shift);
  const rows: GridRow[] = [];
  for (let p = cls.firstPeriod; p <= cls.lastPeriod; p++) {
    const n = p - cls.firstPeriod + 1;
    const t = bellTime(view, cls.shift, wd, n);
    rows.push({ period: p, label: String(n), times: t ? [t] : [] });
  }
  return rows;
}

/** Rows of a teacher's or a room's grid: the positions of the shifts they work in (all when none). */
export function shiftRows(view: VersionView, shifts: ReadonlySet<number>): GridRow[] {
  const used = shifts.size > 0 ? shifts : new Set(view.periods.flatMap((p) => p.byShift.map((b) => b.shift)));
  const many = used.size > 1;
  const rows: GridRow[] = [];
  for (const p of view.periods) {
    const here = p.byShift.filter((b) => used.has(b.shift));
    if (here.length === 0) continue;
    rows.push({
      period: p.index,
      label: here.map((b) => (many ? `${b.number} (${ROMAN[b.shift] ?? b.shift} см.)` : String(b.number))).join(' / '),
      times: here.map((b) => bellTime(view, b.shift, typicalWeekday(view, b.shift), b.number)).filter((t): t is string => t !== null),
    });
  }
  return rows;
}

/** Shifts of the classes an entity's lessons are for. */
export function shiftsOf(index: TimetableIndex, kind: EntityKind, id: string): Set<number> {
  const out = new Set<number>();
  for (const o of index.occurrences) {
    if (!occursFor(o, kind, id)) continue;
    for (const a of o.lesson.audiences) {
      const c = index.classes.get(a.classId);
      if (c) out.add(c.shift);
    }
  }
  return out;
}

/**
 * The bell time of a slot for a class when it differs from the row header (a shortened Saturday),
 * or why the class has no lesson there: `closed` outside its week or its bells.
 */
export function classSlot(view: VersionView, cls: ClassInfo, day: number, period: number, rowTimes: string[]): { closed: boolean; time: string | null } {
  const weekday = view.days[day]?.weekday ?? day + 1;
  if (day >= cls.weekLength) return { closed: true, time: null };
  const t = bellTime(view, cls.shift, weekday, period - cls.firstPeriod + 1);
  if (!t) return { closed: true, time: null };
  return { closed: false, time: rowTimes.includes(t) ? null : t };
}

/** Lessons a day of the longest shift: the master view's columns per day. */
export function lessonsPerDay(view: VersionView): number {
  return Math.max(1, ...view.classes.map((c) => c.lastPeriod - c.firstPeriod + 1));
}

// ---- labels ----

export function teacherNames(index: TimetableIndex, occ: Occurrence, full = false): string {
  return occ.lesson.teacherIds
    .map((t) => index.teachers.get(t))
    .map((t) => (t ? (full ? t.fullName : t.shortName) : 'без учителя'))
    .join(', ');
}

export function roomLabel(index: TimetableIndex, roomId: string | null): string {
  if (!roomId) return '';
  const r = index.rooms.get(roomId);
  return r ? r.number : '';
}

/** «5А гр. 1, 5Б» — who the lesson is for. */
export function audienceLabel(occ: Occurrence): string {
  return occ.lesson.audiences.map((a) => a.label).join(', ');
}

/** The group part of an audience label within a class («гр. 2»), or '' for the whole class. */
export function groupInClass(occ: Occurrence, classId: string): string {
  const a = occ.lesson.audiences.find((x) => x.classId === classId);
  if (!a || a.groupNo === 0) return occ.lesson.audiences.length > 1 ? 'объедин.' : '';
  return `гр. ${a.groupNo}`;
}

export function subjectName(index: TimetableIndex, occ: Occurrence, short = true): string {
  const s = index.subjects.get(occ.lesson.subjectId);
  if (!s) return '—';
  return short ? s.shortName : s.name;
}

export function entityName(index: TimetableIndex, kind: EntityKind, id: string): string {
  if (kind === 'class') return index.classes.get(id)?.name ?? '';
  if (kind === 'teacher') return index.teachers.get(id)?.fullName ?? '';
  const r = index.rooms.get(id);
  return r ? `каб. ${r.number}${r.name ? ` (${r.name})` : ''}` : '';
}

/** «Вт, 3-й урок (10:20–11:00)» for a class; the axis label for others. */
export function whenLabel(index: TimetableIndex, occ: Occurrence): string {
  if (occ.day === null || occ.period === null) return 'не поставлен';
  const view = index.view;
  const day = view.days[occ.day];
  const cls = index.classes.get(occ.lesson.audiences[0]?.classId ?? '');
  if (!cls) return `${day?.short ?? ''}, ${view.periods[occ.period]?.label ?? occ.period + 1}`;
  const n = occ.period - cls.firstPeriod + 1;
  const t = bellTime(view, cls.shift, day?.weekday ?? occ.day + 1, n);
  const span = occ.lesson.duration > 1 ? `${n}–${n + occ.lesson.duration - 1}-й уроки` : `${n}-й урок`;
  return `${day?.name ?? ''}, ${span}${t ? ` (${t})` : ''}`;
}

// ---- the master view's compact labels ----

const cleanWords = (s: string): string[] =>
  s
    .split(/[\s.\-–—,()«»]+/)
    .map((w) => w.trim())
    .filter(Boolean);

/**
 * Codes for the whole-week master grid, unique among the version's subjects and short enough for a
 * column of a 33-class school at 1366 px: the first word of the short name cut to four letters
 * («Рус» of «Рус. яз.», «Англ»), an acronym to three («ОРК» of «ОРКСЭ»); where two subjects would
 * read the same, the longer name takes the initials of its next words or more letters («Физ» /
 * «Физр», «Лит» / «Литч»).
 */
export function subjectCodes(subjects: readonly SubjectInfo[]): Map<string, string> {
  const words = new Map(subjects.map((s) => [s.id, cleanWords(s.shortName || s.name)]));
  const candidates = (id: string): string[] => {
    const w = words.get(id) ?? [];
    const first = w[0] ?? '?';
    const acronym = first.length > 1 && first === first.toUpperCase();
    const cap = acronym ? 3 : 4;
    const initials = w
      .slice(1)
      .map((x) => x[0] ?? '')
      .join('');
    return [first.slice(0, cap), `${first.slice(0, 3)}${initials}`.slice(0, 4), first.slice(0, 4), `${first.slice(0, 2)}${initials}`.slice(0, 4), first.slice(0, 5)];
  };
  const result = new Map<string, string>();
  const ids = subjects.map((s) => s.id);
  const level = new Map(ids.map((id) => [id, 0]));
  for (let round = 0; round < 6; round++) {
    const byCode = new Map<string, string[]>();
    for (const id of ids) {
      const c = candidates(id);
      const code = c[Math.min(level.get(id) ?? 0, c.length - 1)];
      result.set(id, code);
      byCode.set(code, [...(byCode.get(code) ?? []), id]);
    }
    let clash = false;
    for (const same of byCode.values()) {
      if (same.length < 2) continue;
      clash = true;
      // The subject with the fewest words (then the shortest name) keeps the code; the others move on.
      const size = (id: string) => (words.get(id)?.length ?? 0) * 100 + (words.get(id)?.join('').length ?? 0);
      const sorted = [...same].sort((a, b) => size(a) - size(b));
      for (const id of sorted.slice(1)) level.set(id, (level.get(id) ?? 0) + 1);
    }
    if (!clash) break;
  }
  return result;
}

/** Soft background colours the subjects take in turn (by name), so a column of one subject reads at a glance. */
const PALETTE = ['#e6f4ff', '#f6ffed', '#fff7e6', '#f9f0ff', '#e6fffb', '#fff0f6', '#fcffe6', '#f0f5ff', '#fff1f0', '#feffe6', '#f5f5f5', '#fffbe6'];

export function subjectColors(subjects: readonly SubjectInfo[]): Map<string, string> {
  const sorted = [...subjects].sort((a, b) => a.name.localeCompare(b.name, 'ru'));
  return new Map(sorted.map((s, i) => [s.id, PALETTE[i % PALETTE.length]]));
}

/** Classes in school order: grade, then name (5А, 5Б, …, 10А). */
export function sortedClasses(classes: readonly ClassInfo[]): ClassInfo[] {
  return [...classes].sort((a, b) => a.grade - b.grade || a.name.localeCompare(b.name, 'ru'));
}

export function formatShare(share: number | null | undefined): string {
  if (share === null || share === undefined) return '—';
  return `${Math.round(share * 100)} %`;
}

const numberFormat = new Intl.NumberFormat('ru-RU');
export const formatCount = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : numberFormat.format(n));

import type { LessonOut, PlacementOut } from '../../../../src-shared/contract/timetableFields';
import { classifyDay } from '../../../../src-shared/domain/schoolSetup/calendarDays';
import type { SchoolCalendar } from '../../../../src-shared/domain/calendar/schoolCalendar';
import type { Executor } from '../../foundation/executor';
import { loadSchoolCalendar } from '../../schoolSetup/index';
import { loadVersion, type LoadedVersion } from '../versionStore';
import { versionsInForce } from '../repo/versions';
import { absencesBetween, substitutionsBetween, transferOn, type AbsenceRow, type SubstitutionRow } from './repo/subs';
import { closuresBetween, type ClosureRow } from './repo/closures';

/**
 * One school day as substitutions see it: the approved version in force, which of its days runs on
 * the date (a перенос учебного дня included), who is absent, the lessons their absence leaves
 * uncovered, and what was decided so far. Every read and check of substitutions starts here.
 */

export interface AffectedOccurrence {
  lesson: LessonOut;
  placement: PlacementOut;
  /** `teacher`: its teacher is absent; `room`: only its room is closed («кабинет закрыт»). */
  cause: 'teacher' | 'room';
  /** The absent teacher, or (room closed) the lesson's own teacher, who still teaches it. */
  absentId: string;
  /** The teacher's absence (cause `teacher`), else null. */
  absenceId: string | null;
  /** The closure of the lesson's room that day, whatever the cause (a decision must then name another room). */
  closure: ClosureRow | null;
  periods: number[];
}

export interface DayModel {
  date: string;
  version: LoadedVersion | null;
  dayIndex: number | null;
  absences: AbsenceRow[];
  absentIds: Set<string>;
  /** Rooms closed on the date. */
  closures: ClosureRow[];
  closedRooms: Map<string, ClosureRow>;
  subs: SubstitutionRow[];
  affected: AffectedOccurrence[];
  /** Classes of the version that do not study on the date (каникулы, a day off), with the reason. */
  closed: Map<string, string>;
}

/** ISO weekday (1 = Monday) of a `YYYY-MM-DD` date. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T12:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

export const periodsOf = (start: number, duration: number): number[] => Array.from({ length: Math.max(1, duration) }, (_, i) => start + i);

/**
 * Versions and year calendars read once per call: a month's ledger touches the same version and
 * calendar on every day.
 */
export interface DayCache {
  versions: Map<string, LoadedVersion>;
  calendars: Map<string, SchoolCalendar>;
}
export const newDayCache = (): DayCache => ({ versions: new Map(), calendars: new Map() });

/**
 * Classes that have no lessons on the date by the school calendar: holidays, the school's days off,
 * federal days off, a day freed by a перенос. A weekend is left to the grid (a class may study six
 * days in a five-day grade), so only those kinds close a class.
 */
async function closedClasses(db: Executor, version: LoadedVersion, date: string, cache: DayCache): Promise<Map<string, string>> {
  const yearId = version.row.academicYearId;
  let cal = cache.calendars.get(yearId);
  if (!cal) {
    cal = (await loadSchoolCalendar(db, yearId)).calendar;
    cache.calendars.set(yearId, cal);
  }
  const closed = new Map<string, string>();
  for (const c of version.grid.classes) {
    const info = classifyDay(cal, c.grade, date);
    if (info.kind === 'holiday' || info.kind === 'dayOff' || info.kind === 'federal' || info.kind === 'outside') closed.set(c.id, info.label ?? info.kind);
  }
  return closed;
}

export async function loadDay(db: Executor, date: string, cache: DayCache = newDayCache()): Promise<DayModel> {
  const [inForce, absences, subs, transfer, closures] = await Promise.all([
    versionsInForce(db, date),
    absencesBetween(db, date, date),
    substitutionsBetween(db, date, date),
    transferOn(db, date),
    closuresBetween(db, date, date),
  ]);
  const absentIds = new Set(absences.map((a) => a.staffId));
  const closedRooms = new Map(closures.map((c) => [c.roomId, c]));
  const none = { date, absences, absentIds, closures, closedRooms, subs };
  const row = inForce[0];
  if (!row) return { ...none, version: null, dayIndex: null, affected: [], closed: new Map() };
  let version = cache.versions.get(row.id);
  if (!version) {
    version = await loadVersion(db, row.id, row);
    cache.versions.set(row.id, version);
  }
  const closed = await closedClasses(db, version, date, cache);
  const weekday = transfer ?? isoWeekday(date);
  const dayIndex = version.grid.days.findIndex((d) => d.weekday === weekday);
  if (dayIndex < 0) return { ...none, version, dayIndex: null, affected: [], closed };
  const lessons = new Map(version.lessons.map((l) => [l.id, l]));
  const affected: AffectedOccurrence[] = [];
  for (const p of version.placements) {
    if (p.day !== dayIndex) continue;
    const lesson = lessons.get(p.lessonId);
    // A lesson none of whose classes studies that day (каникулы) is neither missed nor substituted.
    if (!lesson || lesson.audiences.every((a) => closed.has(a.classId))) continue;
    const absent = lesson.teacherIds.find((t) => absentIds.has(t));
    const closure = (p.roomId && closedRooms.get(p.roomId)) || null;
    const periods = periodsOf(p.period, lesson.duration);
    if (absent) affected.push({ lesson, placement: p, cause: 'teacher', absentId: absent, absenceId: absences.find((a) => a.staffId === absent)!.id, closure, periods });
    else if (closure) affected.push({ lesson, placement: p, cause: 'room', absentId: lesson.teacherIds[0] ?? '', absenceId: null, closure, periods });
  }
  affected.sort((a, b) => a.placement.period - b.placement.period || a.lesson.audiences[0]?.label.localeCompare(b.lesson.audiences[0]?.label ?? '', 'ru') || 0);
  return { ...none, version, dayIndex, affected, closed };
}

/** Periods each teacher is busy on the day: own lessons (unless absent) and substitutions taken. */
export function busyOf(day: DayModel, exceptSubId?: string): { busy: Map<string, Set<number>>; own: Map<string, Set<number>> } {
  const busy = new Map<string, Set<number>>();
  const own = new Map<string, Set<number>>();
  const add = (m: Map<string, Set<number>>, t: string, ps: number[]) => {
    const s = m.get(t) ?? new Set<number>();
    for (const p of ps) s.add(p);
    m.set(t, s);
  };
  const v = day.version;
  if (!v || day.dayIndex === null) return { busy, own };
  const lessons = new Map(v.lessons.map((l) => [l.id, l]));
  const moved = new Set(day.subs.filter((s) => s.kind === 'move' || s.kind === 'cancel').map((s) => `${s.lessonId}:${s.occurrence}`));
  for (const p of v.placements) {
    if (p.day !== day.dayIndex) continue;
    const l = lessons.get(p.lessonId);
    if (!l || l.audiences.every((a) => day.closed.has(a.classId))) continue;
    for (const t of l.teacherIds) {
      add(own, t, periodsOf(p.period, l.duration));
      if (!moved.has(`${p.lessonId}:${p.index}`)) add(busy, t, periodsOf(p.period, l.duration));
    }
  }
  for (const s of day.subs) {
    if (s.id === exceptSubId || !s.substituteId || s.kind === 'merge') continue;
    add(busy, s.substituteId, periodsOf(s.kind === 'move' && s.toPeriod !== null ? Number(s.toPeriod) : Number(s.period), Number(s.hours)));
  }
  return { busy, own };
}

export function subjectsAndClasses(v: LoadedVersion) {
  const subjectsOf = new Map<string, Set<string>>();
  const classesOf = new Map<string, Set<string>>();
  for (const l of v.lessons) {
    for (const t of l.teacherIds) {
      subjectsOf.set(t, (subjectsOf.get(t) ?? new Set()).add(l.subjectId));
      const cs = classesOf.get(t) ?? new Set<string>();
      for (const a of l.audiences) cs.add(a.classId);
      classesOf.set(t, cs);
    }
  }
  return { subjectsOf, classesOf };
}

export const monthOf = (date: string): { from: string; to: string } => ({ from: `${date.slice(0, 7)}-01`, to: `${date.slice(0, 7)}-31` });

/** Hours each teacher substituted in a month (merged groups included: the teacher took more pupils). */
export function hoursBySubstitute(subs: readonly SubstitutionRow[]): Map<string, number> {
  const m = new Map<string, number>();
  // A closed room's decision (its own teacher moving it) is nobody's substitution.
  for (const s of subs) if (s.substituteId && !s.closureId) m.set(s.substituteId, (m.get(s.substituteId) ?? 0) + Number(s.hours));
  return m;
}

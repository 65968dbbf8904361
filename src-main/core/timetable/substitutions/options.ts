import type { CandidateOut } from '../../../../src-shared/contract/timetableSubs';
import type { LessonOut } from '../../../../src-shared/contract/timetableFields';
import type { LoadedVersion } from '../versionStore';
import { periodsOf, type AffectedOccurrence, type DayModel } from './dayModel';

/**
 * What else the завуч can do with an affected lesson besides a substitute: merge it with another
 * group of the class taught in the same period (whose teacher is present), or move it to another
 * period of the class's day. The same rules `assignSubstitution` checks on save, so the screen offers
 * what the save accepts — and names what stands in the way of the rest (the class's own lesson there).
 */

/**
 * A period as the class counts it: «3» for the class's third lesson (the axis of a two-shift school
 * reads «7 (I см.) / 2 (II см.)», which a class of one shift never says).
 */
export function lessonLabel(v: LoadedVersion, classId: string | undefined, period: number): string {
  const p = v.grid.periods[period];
  const shift = v.grid.classes.find((c) => c.id === classId)?.shift;
  const own = p?.byShift.find((b) => b.shift === shift) ?? (p?.byShift.length === 1 ? p.byShift[0] : undefined);
  return own ? String(own.number) : (p?.label ?? String(period + 1));
}

/** Whether two lessons share pupils: the same class, and either a whole-class lesson or the same group. */
export function sharePupils(a: LessonOut, b: LessonOut): boolean {
  return a.audiences.some((x) => b.audiences.some((y) => x.classId === y.classId && (x.groupNo === 0 || y.groupNo === 0 || x.groupNo === y.groupNo)));
}

/** Another lesson of the same class standing in the same period (the other group of a split subject). */
export function mergePartners(v: LoadedVersion, day: DayModel, a: AffectedOccurrence): string[] {
  const out = new Set<string>();
  for (const p of v.placements) {
    if (p.day !== day.dayIndex || p.period !== a.placement.period) continue;
    const l = v.lessons.find((x) => x.id === p.lessonId);
    if (!l || l.id === a.lesson.id || !l.audiences.some((au) => a.lesson.audiences.some((b) => b.classId === au.classId))) continue;
    for (const t of l.teacherIds) if (!day.absentIds.has(t)) out.add(t);
  }
  return [...out];
}

/** The class's lesson (subject name) occupying any of `periods` on the day, apart from the moved one. */
export function classLessonAt(v: LoadedVersion, day: DayModel, a: AffectedOccurrence, periods: readonly number[]): LessonOut | null {
  for (const p of v.placements) {
    if (p.day !== day.dayIndex || (p.lessonId === a.lesson.id && p.index === a.placement.index)) continue;
    const l = v.lessons.find((x) => x.id === p.lessonId);
    if (l && periodsOf(p.period, l.duration).some((q) => periods.includes(q)) && sharePupils(l, a.lesson)) return l;
  }
  return null;
}

export interface MoveOption {
  period: number;
  label: string;
  /** The class's own lesson there (a move onto it is refused), by subject name. */
  classBusy: string | null;
  /** The best candidate free at the new period, who would teach the moved lesson. */
  candidateId: string | null;
  candidateName: string | null;
  /** The best free room at the new period when the lesson's room is closed that day. */
  roomId: string | null;
  roomNumber: string | null;
}

/** Every other period of the class's shift that day, with what stands there and who could teach. */
export function moveOptions(
  v: LoadedVersion,
  day: DayModel,
  a: AffectedOccurrence,
  rank: (periods: number[]) => CandidateOut[],
  roomAt: (periods: number[]) => { roomId: string; number: string } | null = () => null,
): MoveOption[] {
  const classes = a.lesson.audiences.map((au) => v.grid.classes.find((c) => c.id === au.classId)).filter((c) => c !== undefined);
  if (classes.length === 0) return [];
  const first = Math.max(...classes.map((c) => c.firstPeriod));
  const last = Math.min(...classes.map((c) => c.lastPeriod)) - (a.lesson.duration - 1);
  const subjects = new Map(v.labels.subjects.map((s) => [s.id, s.name]));
  const out: MoveOption[] = [];
  for (let p = first; p <= last; p++) {
    if (p === a.placement.period) continue;
    const periods = periodsOf(p, a.lesson.duration);
    const busy = classLessonAt(v, day, a, periods);
    const best = busy ? undefined : rank(periods)[0];
    const room = busy ? null : roomAt(periods);
    out.push({
      period: p,
      label: lessonLabel(v, a.lesson.audiences[0]?.classId, p),
      classBusy: busy ? (subjects.get(busy.subjectId) ?? 'урок') : null,
      candidateId: best?.staffId ?? null,
      candidateName: best?.name ?? null,
      roomId: room?.roomId ?? null,
      roomNumber: room?.number ?? null,
    });
  }
  return out;
}

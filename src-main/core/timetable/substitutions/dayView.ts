import { ABSENCE_REASONS, type AbsenceOut, type SubsDay } from '../../../../src-shared/contract/timetableSubs';
import { shortName } from '../../../../src-shared/domain/names';
import type { Executor } from '../../foundation/executor';
import { staffNames } from '../repo/setup';
import { rankCandidates } from './candidates';
import { busyOf, hoursBySubstitute, loadDay, monthOf, subjectsAndClasses, type DayModel } from './dayModel';
import { lessonLabel, mergePartners, moveOptions } from './options';
import { substitutionsBetween, type AbsenceRow, type SubstitutionRow } from './repo/subs';
import { closureOut } from './closureService';
import { loadRoomContext, rankInput, rankRooms, roomBusyOf } from './roomOptions';

/** The «Замены» screen of a date: absences, affected lessons with the decision and ranked candidates. */

export async function namesOf(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  return new Map((await staffNames(db, ids)).map((s) => [s.id, shortName(s)]));
}

export function absenceOut(a: AbsenceRow, names: Map<string, string>): AbsenceOut {
  const reason = (ABSENCE_REASONS as readonly string[]).includes(a.reason) ? (a.reason as AbsenceOut['reason']) : 'other';
  return { id: a.id, staffId: a.staffId, name: names.get(a.staffId) ?? '—', dateFrom: a.dateFrom, dateTo: a.dateTo, reason, document: a.document, version: Number(a.version) };
}

export function substitutionOut(s: SubstitutionRow, names: Map<string, string>, rooms: ReadonlyMap<string, string> = new Map()) {
  return {
    id: s.id,
    kind: s.kind as 'substitute' | 'merge' | 'move' | 'cancel' | 'room',
    substituteId: s.substituteId,
    substituteName: s.substituteId ? (names.get(s.substituteId) ?? '—') : null,
    toPeriod: s.toPeriod === null ? null : Number(s.toPeriod),
    roomId: s.roomId,
    toRoomId: s.toRoomId,
    toRoomNumber: s.toRoomId ? (rooms.get(s.toRoomId) ?? '—') : null,
    paid: Number(s.paid) === 1,
    note: s.note,
    version: Number(s.version),
  };
}

/** Time of a period for the class's shift on that weekday, «08:30–09:10», or '' when unknown. */
export function timeOf(day: DayModel, classId: string | undefined, period: number): string {
  const v = day.version;
  if (!v || day.dayIndex === null) return '';
  const cls = v.grid.classes.find((c) => c.id === classId);
  const p = v.grid.periods[period];
  const weekday = v.grid.days[day.dayIndex]?.weekday;
  const number = p?.byShift.find((b) => b.shift === (cls?.shift ?? 1))?.number;
  const bells = v.grid.bells.find((b) => b.shift === (cls?.shift ?? 1) && b.weekday === weekday);
  const l = bells?.lessons.find((x) => x.number === number);
  return l ? `${l.start}–${l.end}` : '';
}

export async function subsDay(db: Executor, date: string): Promise<SubsDay> {
  const day = await loadDay(db, date);
  const v = day.version;
  const month = monthOf(date);
  const monthSubs = await substitutionsBetween(db, month.from, month.to);
  const ids = [...day.absences.map((a) => a.staffId), ...day.subs.flatMap((s) => (s.substituteId ? [s.substituteId] : [])), ...(v?.labels.teachers.map((t) => t.id) ?? [])];
  const names = await namesOf(db, ids);
  const base = {
    date,
    dayName: v && day.dayIndex !== null ? (v.grid.days[day.dayIndex]?.name ?? null) : null,
    versionId: v?.row.id ?? null,
    versionName: v?.row.name ?? null,
    absences: day.absences.map((a) => absenceOut(a, names)),
    teachers: (v?.labels.teachers ?? []).map((t) => ({ id: t.id, name: names.get(t.id) ?? t.shortName })).sort((a, b) => a.name.localeCompare(b.name, 'ru')),
    periods: (v?.grid.periods ?? []).map((p) => ({ index: p.index, label: p.label })),
    rooms: (v?.labels.rooms ?? []).map((r) => ({ id: r.id, number: r.number })).sort((a, b) => a.number.localeCompare(b.number, 'ru', { numeric: true })),
  };
  const rooms = new Map(v?.labels.rooms.map((r) => [r.id, r.number]) ?? []);
  const closures = day.closures.map((c) => closureOut(c, rooms));
  if (!v) return { ...base, closures, lessons: [] };
  const { busy, own } = busyOf(day);
  const { subjectsOf, classesOf } = subjectsAndClasses(v);
  const teachers = base.teachers;
  const subjects = new Map(v.labels.subjects.map((s) => [s.id, s.name]));
  const roomCtx = await loadRoomContext(db, day);
  const roomBusy = roomBusyOf(day);
  const monthHours = hoursBySubstitute(monthSubs);
  /** A closed room's lesson moves with its own teacher, when she is free at the new period. */
  const ownTeacher = (id: string) => (periods: number[]) => {
    const b = busy.get(id);
    return b && periods.some((p) => b.has(p)) ? [] : [{ staffId: id, name: names.get(id) ?? '—', qualified: true, monthHours: 0, inBuilding: true, sameClass: true }];
  };
  const roomAt = (a: (typeof day.affected)[number], subId: string | undefined) => (periods: number[]) => {
    const best = rankRooms(rankInput(roomCtx, day, a, periods, subId ? roomBusyOf(day, subId) : roomBusy))[0];
    return best ? { roomId: best.roomId, number: best.number } : null;
  };
  const lessons = day.affected.map((a) => {
    const sub = day.subs.find((s) => s.lessonId === a.lesson.id && Number(s.occurrence) === a.placement.index) ?? null;
    const classIds = a.lesson.audiences.map((x) => x.classId);
    const rank = (periods: number[]) =>
      rankCandidates({ subjectId: a.lesson.subjectId, classIds, periods, teachers, absent: day.absentIds, busy, ownDay: own, subjectsOf, classesOf, monthHours });
    return {
      lessonId: a.lesson.id,
      index: a.placement.index,
      period: a.placement.period,
      periodLabel: lessonLabel(v, classIds[0], a.placement.period),
      time: timeOf(day, classIds[0], a.placement.period),
      classLabel: a.lesson.audiences.map((x) => x.label).join(', '),
      classIds,
      subjectName: subjects.get(a.lesson.subjectId) ?? '—',
      cause: a.cause,
      absentId: a.absentId,
      absentName: names.get(a.absentId) ?? '—',
      roomNumber: a.placement.roomId ? (rooms.get(a.placement.roomId) ?? null) : null,
      roomClosed: a.closure !== null,
      // Rooms free in the lesson's own period (the decision being changed frees what it took).
      roomOptions: a.closure ? rankRooms(rankInput(roomCtx, day, a, a.periods, sub ? roomBusyOf(day, sub.id) : roomBusy)) : [],
      hours: a.lesson.duration,
      substitution: sub ? substitutionOut(sub, names, rooms) : null,
      // Teachers for another teacher's lesson; a closed room's lesson keeps its own teacher.
      candidates: a.cause === 'teacher' ? rank(a.periods) : [],
      mergeWith: a.cause === 'teacher' ? mergePartners(v, day, a).map((id) => ({ staffId: id, name: names.get(id) ?? '—' })) : [],
      moveTo: moveOptions(v, day, a, a.cause === 'teacher' ? rank : ownTeacher(a.absentId), a.closure ? roomAt(a, sub?.id) : undefined),
    };
  });
  return { ...base, closures, lessons };
}

import type { RoomOptionOut } from '../../../../src-shared/contract/timetableSubs';
import type { LessonOut } from '../../../../src-shared/contract/timetableFields';
import { compareRu } from '../../../../src-shared/domain/names';
import type { Executor } from '../../foundation/executor';
import { periodsOf, type AffectedOccurrence, type DayModel } from './dayModel';
import { sharePupils } from './options';
import { classSizes, homeRooms, roomFacts } from './repo/closures';

/**
 * «Кабинет закрыт»: which rooms are taken in which periods of a day once the decisions are laid over
 * the timetable, and the free rooms offered for a lesson whose room is closed, ranked. The save
 * (`assignSubstitution`) runs the same checks, so the screen offers what the save accepts.
 */

export interface RoomFact {
  id: string;
  number: string;
  floor: number | null;
  capacity: number | null;
  roomTypeId: string;
  isActive: number;
}

/** Periods each room is taken on the day: lessons where they stand unless a decision moved them, plus the rooms decisions name. */
export function roomBusyOf(day: DayModel, exceptSubId?: string): Map<string, Set<number>> {
  const busy = new Map<string, Set<number>>();
  const add = (room: string | null, ps: number[]) => {
    if (!room) return;
    const s = busy.get(room) ?? new Set<number>();
    for (const p of ps) s.add(p);
    busy.set(room, s);
  };
  const v = day.version;
  if (!v || day.dayIndex === null) return busy;
  const lessons = new Map(v.lessons.map((l) => [l.id, l]));
  const subs = day.subs.filter((s) => s.id !== exceptSubId);
  const decided = new Map(subs.map((s) => [`${s.lessonId}:${s.occurrence}`, s]));
  for (const p of v.placements) {
    if (p.day !== day.dayIndex) continue;
    const l = lessons.get(p.lessonId);
    if (!l || l.audiences.every((a) => day.closed.has(a.classId))) continue;
    const s = decided.get(`${p.lessonId}:${p.index}`);
    // A lesson moved, cancelled, merged into another group's room or sent to another room leaves its own.
    if (s && s.kind !== 'substitute') continue;
    if (s?.toRoomId) continue;
    add(p.roomId, periodsOf(p.period, l.duration));
  }
  for (const s of subs) {
    if (s.kind === 'cancel' || s.kind === 'merge') continue;
    const at = periodsOf(s.kind === 'move' && s.toPeriod !== null ? Number(s.toPeriod) : Number(s.period), Number(s.hours));
    add(s.toRoomId ?? (s.kind === 'move' ? s.roomId : null), at);
  }
  return busy;
}

export interface RoomRankInput {
  a: AffectedOccurrence;
  /** The periods the lesson would take (its own, or a move's). */
  periods: readonly number[];
  rooms: readonly RoomFact[];
  busy: ReadonlyMap<string, ReadonlySet<number>>;
  closedRooms: ReadonlySet<string>;
  /** Home rooms of the lesson's classes. */
  homes: ReadonlySet<string>;
  /** Pupils of the audience, when known (whole classes). */
  size: number | null;
  /** Rooms the class sits in at each other period of the day. */
  classRoomAt: ReadonlyMap<number, string>;
}

/**
 * Rooms fit for the lesson: active, not closed, free in every period it takes, either among the
 * lesson's own candidate rooms (type and seats checked when the timetable was built) or of the
 * closed room's type with enough seats. Ranked: on the closed room's floor and of its type, the
 * class's home room, fewest room changes for the class that day (its lessons before and after), number.
 */
export function rankRooms(input: RoomRankInput): RoomOptionOut[] {
  const own = input.a.placement.roomId;
  const closedFact = input.rooms.find((r) => r.id === own);
  const candidates = new Set(input.a.lesson.roomIds);
  const out: RoomOptionOut[] = [];
  for (const r of input.rooms) {
    if (!r.isActive || r.id === own || input.closedRooms.has(r.id)) continue;
    const sameType = closedFact ? r.roomTypeId === closedFact.roomTypeId : false;
    const seats = r.capacity === null || input.size === null || r.capacity >= input.size;
    if (!(candidates.has(r.id) || (sameType && seats))) continue;
    if (!seats) continue;
    const taken = input.busy.get(r.id);
    if (taken && input.periods.some((p) => taken.has(p))) continue;
    const first = Math.min(...input.periods);
    const last = Math.max(...input.periods);
    const neighbours = [input.classRoomAt.get(first - 1), input.classRoomAt.get(last + 1)].filter((x): x is string => Boolean(x));
    out.push({
      roomId: r.id,
      number: r.number,
      floor: r.floor,
      capacity: r.capacity,
      sameFloorType: sameType && closedFact !== undefined && closedFact.floor !== null && r.floor === closedFact.floor,
      homeRoom: input.homes.has(r.id),
      moves: neighbours.filter((x) => x !== r.id).length,
    });
  }
  const rank = (b: boolean) => (b ? 0 : 1);
  return out.sort((x, y) => rank(x.sameFloorType) - rank(y.sameFloorType) || rank(x.homeRoom) - rank(y.homeRoom) || x.moves - y.moves || compareRu(x.number, y.number));
}

/** Why a room cannot take the lesson in those periods, or null when it can. */
export function roomRefusal(input: RoomRankInput, roomId: string): string | null {
  const r = input.rooms.find((x) => x.id === roomId);
  const name = r ? `кабинет ${r.number}` : 'кабинет';
  if (!r) return 'кабинет не найден';
  if (input.closedRooms.has(roomId)) return `${name} в этот день закрыт`;
  if (roomId === input.a.placement.roomId) return `${name} — тот же кабинет, что по расписанию`;
  const taken = input.busy.get(roomId);
  if (taken && input.periods.some((p) => taken.has(p))) return `${name} в этот урок занят`;
  if (!rankRooms(input).some((o) => o.roomId === roomId)) return `${name} не подходит для урока (тип кабинета или число мест)`;
  return null;
}

/** What ranking rooms needs beyond the day: the rooms' facts, home rooms and class sizes (read once per call). */
export interface RoomContext {
  rooms: RoomFact[];
  homes: Map<string, string>;
  sizes: Map<string, number>;
}

export async function loadRoomContext(db: Executor, day: DayModel): Promise<RoomContext> {
  const classIds = [...new Set(day.affected.filter((a) => a.closure).flatMap((a) => a.lesson.audiences.map((x) => x.classId)))];
  if (classIds.length === 0) return { rooms: [], homes: new Map(), sizes: new Map() };
  const [rooms, homes, sizes] = await Promise.all([roomFacts(db), homeRooms(db, classIds), classSizes(db, classIds, day.date)]);
  return { rooms: rooms.map((r) => ({ ...r, floor: r.floor === null ? null : Number(r.floor), capacity: r.capacity === null ? null : Number(r.capacity), isActive: Number(r.isActive) })), homes, sizes };
}

/** Lessons of a version by id, kept per loaded version (a day view ranks rooms for many lessons and periods). */
const lessonMaps = new WeakMap<object, Map<string, LessonOut>>();
function lessonsById(v: NonNullable<DayModel['version']>): Map<string, LessonOut> {
  let m = lessonMaps.get(v);
  if (!m) {
    m = new Map(v.lessons.map((l) => [l.id, l]));
    lessonMaps.set(v, m);
  }
  return m;
}

export function rankInput(ctx: RoomContext, day: DayModel, a: AffectedOccurrence, periods: readonly number[], busy: ReadonlyMap<string, ReadonlySet<number>>): RoomRankInput {
  const classRoomAt = new Map<number, string>();
  const v = day.version;
  if (v) {
    const lessons = lessonsById(v);
    for (const p of v.placements) {
      if (p.day !== day.dayIndex || !p.roomId || (p.lessonId === a.lesson.id && p.index === a.placement.index)) continue;
      const l = lessons.get(p.lessonId);
      if (l && sharePupils(l, a.lesson)) for (const q of periodsOf(p.period, l.duration)) classRoomAt.set(q, p.roomId);
    }
  }
  // A group's size is not known here: seats are checked for whole classes only.
  const sizes = a.lesson.audiences.map((x) => (x.groupNo === 0 ? ctx.sizes.get(x.classId) : undefined));
  const size = sizes.every((n) => n !== undefined) ? sizes.reduce((n: number, m) => n + (m ?? 0), 0) : null;
  return {
    a,
    periods,
    rooms: ctx.rooms,
    busy,
    closedRooms: new Set(day.closedRooms.keys()),
    homes: new Set(a.lesson.audiences.flatMap((x) => (ctx.homes.has(x.classId) ? [ctx.homes.get(x.classId)!] : []))),
    size,
    classRoomAt,
  };
}

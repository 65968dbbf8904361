import type { AvailabilitySlot, LessonOut, PlacementOut } from '../../../src-shared/contract/timetableFields';
import type { LockedPlacement, SlotRef, Timetable, TimetableInstance } from './engine';
import type { GridSnapshot, LabelSnapshot } from './snapshot';

/**
 * A version's snapshot as the engine's instance. Classes get their shift window, the slots their
 * bells do not cover and the SanPiN limits (daily maximum, no gaps, from the first lesson); a lesson
 * of a split subject is taught to a group of the class's division for that subject; the ministry
 * lessons pinned to the first lesson of a day take the class's slot away (they are внеурочная and
 * do not count against the daily maximum), so they occupy only their teacher and room.
 */

export interface InstanceParts {
  grid: GridSnapshot;
  labels: LabelSnapshot;
  lessons: readonly LessonOut[];
  availability: ReadonlyMap<string, readonly AvailabilitySlot[]>;
  /** Locked occurrences are passed to the solver as locks. */
  placements?: readonly PlacementOut[];
  name?: string;
}

/** Axis slots of a teacher's time off. */
export function availabilitySlots(grid: GridSnapshot, slots: readonly AvailabilitySlot[], kind: AvailabilitySlot['kind']): SlotRef[] {
  const out: SlotRef[] = [];
  const P = grid.periods.length;
  for (const s of slots) {
    if (s.kind !== kind) continue;
    const day = s.weekday - 1;
    if (day >= grid.days.length) continue;
    if (s.shift === null || s.from === null || s.to === null) {
      for (let p = 0; p < P; p++) out.push({ day, period: p });
      continue;
    }
    const offset = grid.shiftOffsets[String(s.shift)];
    if (offset === undefined) continue;
    for (let n = s.from; n <= s.to; n++) {
      const p = offset + n - 1;
      if (p >= 0 && p < P) out.push({ day, period: p });
    }
  }
  return out;
}

export function toInstance(parts: InstanceParts): TimetableInstance {
  const { grid, labels, lessons } = parts;
  const teacherIds = [...new Set(lessons.flatMap((l) => l.teacherIds))];
  const teacherName = new Map(labels.teachers.map((t) => [t.id, t.shortName]));
  const roomIds = new Set<string>();
  for (const l of lessons) for (const r of l.roomIds) roomIds.add(r);
  for (const p of parts.placements ?? []) if (p.roomId) roomIds.add(p.roomId);
  const subjectIds = new Set(lessons.map((l) => l.subjectId));
  const doubles = new Set(lessons.filter((l) => l.duration > 1).map((l) => l.subjectId));
  const pinnedByClass = new Map<string, SlotRef[]>();
  for (const l of lessons) {
    if (l.kind !== 'ministry' || !l.pinned) continue;
    for (const a of l.audiences) pinnedByClass.set(a.classId, [...(pinnedByClass.get(a.classId) ?? []), l.pinned]);
  }
  const divisionOf = new Map<string, number>();
  for (const c of grid.classes) c.divisions.forEach((d, i) => divisionOf.set(`${c.id}|${d.subjectId}`, i));
  const locks = new Map<string, LockedPlacement[]>();
  for (const p of parts.placements ?? []) {
    if (!p.locked) continue;
    const list = locks.get(p.lessonId) ?? [];
    list[p.index] = { day: p.day, period: p.period, ...(p.roomId ? { roomId: p.roomId } : {}) };
    locks.set(p.lessonId, list);
  }
  return {
    name: parts.name ?? 'Расписание',
    days: grid.days.map((d) => d.name),
    periods: grid.periods.map((p) => p.label),
    subjects: labels.subjects
      .filter((s) => subjectIds.has(s.id))
      .map((s) => ({ id: s.id, name: s.shortName || s.name, difficulty: s.points, doubleAllowed: doubles.has(s.id) })),
    teachers: teacherIds.map((id) => {
      const slots = parts.availability.get(id) ?? [];
      const unavailable = availabilitySlots(grid, slots, 'unavailable');
      const undesired = availabilitySlots(grid, slots, 'undesired');
      return { id, name: teacherName.get(id) ?? id, ...(unavailable.length ? { unavailable } : {}), ...(undesired.length ? { undesired } : {}) };
    }),
    rooms: labels.rooms.filter((r) => roomIds.has(r.id)).map((r) => ({ id: r.id, name: r.number, type: r.typeName, ...(r.capacity !== null ? { capacity: r.capacity } : {}) })),
    classes: grid.classes.map((c) => ({
      id: c.id,
      name: c.name,
      grade: c.grade,
      periods: { first: c.firstPeriod, last: c.lastPeriod },
      divisions: c.divisions.map((d) => ({ name: d.subjectName, groups: d.groups.map((g) => g.name) })),
      ...(c.size !== null ? { size: c.size } : {}),
      unavailable: [...c.closed, ...(pinnedByClass.get(c.id) ?? [])],
      limits: [
        {
          maxPerDay: { value: c.maxPerDay, weight: 100, ...(c.onceAWeek !== null ? { onceAWeek: c.onceAWeek } : {}) },
          maxGapsPerWeek: { value: 0 },
          maxSecondPeriodStarts: { value: 0 },
        },
      ],
    })),
    lessons: lessons.map((l) => {
      const lock = locks.get(l.id);
      return {
        id: l.id,
        subjectId: l.subjectId,
        teacherIds: l.teacherIds,
        students:
          l.kind === 'ministry'
            ? []
            : l.audiences.map((a) => {
                if (a.groupNo === 0) return { classId: a.classId };
                const division = divisionOf.get(`${a.classId}|${l.subjectId}`);
                return division === undefined ? { classId: a.classId } : { classId: a.classId, division, groups: [a.groupNo - 1] };
              }),
        duration: l.duration,
        count: l.count,
        roomIds: l.roomIds,
        ...(l.parallelKey ? { parallelKey: l.parallelKey } : {}),
        ...(l.pinned ? { allowedStarts: [l.pinned] } : {}),
        ...(lock ? { locked: Array.from({ length: l.count }, (_, k) => lock[k] ?? null) } : {}),
      };
    }),
  };
}

export function toTimetable(placements: readonly PlacementOut[]): Timetable {
  return { placements: placements.map((p) => ({ lessonId: p.lessonId, index: p.index, day: p.day, period: p.period, roomId: p.roomId })) };
}

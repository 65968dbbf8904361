import type { Compiled } from './compile';
import type { Timetable } from './model';
import { createProbe, type UnitMove } from './probe';

/**
 * After a repair: every changed lesson (with its parallel partners) that can go back to where it
 * was without adding a hard violation goes back. The search pays a penalty per moved lesson, but
 * it may still move one to win a soft figure or leave one moved on its way; the завуч asked to fix
 * the rules with as few changes as possible, so those are undone. Passes repeat until nothing
 * more can be undone (one revert can free the way for another).
 */
export function minimiseChanges(c: Compiled, before: Timetable, after: Timetable): { timetable: Timetable; reverted: number } {
  const unitOf = (lessonId: string, index: number): number => {
    const li = c.lessonIdx.get(lessonId);
    return li === undefined || index >= c.inst.lessons[li].count ? -1 : c.lessonFirstUnit[li] + index;
  };
  const oldStart = new Int32Array(c.nU).fill(-1);
  const oldRoom = new Int32Array(c.nU).fill(-1);
  for (const p of before.placements) {
    const u = unitOf(p.lessonId, p.index);
    if (u < 0) continue;
    oldStart[u] = p.day * c.P + p.period;
    oldRoom[u] = p.roomId ? (c.roomIdx.get(p.roomId) ?? -1) : -1;
  }
  const probe = createProbe(c, after);
  const changed = (u: number): boolean => probe.start(u) !== oldStart[u] || (oldStart[u] >= 0 && probe.room(u) !== oldRoom[u]);
  let reverted = 0;
  for (let pass = 0; pass < 5; pass++) {
    let any = false;
    for (let b = 0; b < c.nB; b++) {
      const units = c.blockUnits[b];
      if (!Array.from(units).some(changed)) continue;
      const moves: UnitMove[] = Array.from(units, (u) => ({ unit: u, start: oldStart[u], room: oldRoom[u] }));
      if (probe.tryMoves(moves).hard > 0) continue;
      probe.applyMoves(moves);
      reverted += units.length;
      any = true;
    }
    if (!any) break;
  }
  // Rooms swapped among the lessons of one period (two groups trading rooms) cannot go back one
  // lesson at a time: every period's room-only changes are tried back together.
  const bySlot = new Map<number, number[]>();
  for (let u = 0; u < c.nU; u++) if (probe.start(u) >= 0 && probe.start(u) === oldStart[u] && probe.room(u) !== oldRoom[u]) bySlot.set(oldStart[u], [...(bySlot.get(oldStart[u]) ?? []), u]);
  for (const units of bySlot.values()) {
    const moves: UnitMove[] = units.map((u) => ({ unit: u, start: oldStart[u], room: oldRoom[u] }));
    if (probe.tryMoves(moves).hard > 0) continue;
    probe.applyMoves(moves);
    reverted += units.length;
  }
  return { timetable: probe.timetable(), reverted };
}

/**
 * After a repair under a short budget a lesson can be left sharing a room with another one while a
 * free candidate room stands empty: each such lesson takes the first candidate room that lowers the
 * hard count. Only rooms change here, never days or periods.
 */
export function settleRooms(c: Compiled, tt: Timetable): { timetable: Timetable; changed: number } {
  const probe = createProbe(c, tt);
  let changed = 0;
  for (let u = 0; u < c.nU; u++) {
    const s = probe.start(u);
    if (s < 0 || probe.hard() === 0) continue;
    const r0 = probe.room(u);
    let shared = r0 < 0;
    for (let q = 0; q < c.unitDur[u] && !shared; q++) for (const v of probe.unitsAt(s + q)) if (v !== u && probe.room(v) === r0) shared = true;
    if (!shared) continue;
    for (const r of c.unitRooms[u]) {
      if (r === r0) continue;
      const move = [{ unit: u, start: s, room: r }];
      if (probe.tryMoves(move).hard < 0) {
        probe.applyMoves(move);
        changed++;
        break;
      }
    }
  }
  return { timetable: probe.timetable(), changed };
}

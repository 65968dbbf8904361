import type { Compiled } from './compile';
import type { Placement, Timetable } from './model';

/**
 * A lesson dragged onto a slot its class already uses most often means "swap these two": the
 * displaced lesson (and its parallel partners) takes the dragged lesson's old slot. Starting the
 * repair from the swap keeps the class day compact, so the search usually only has teacher or
 * room clashes left to clear and moves fewer other lessons. Done only when it is clean: one
 * displaced block of the same duration, not locked, allowed at the vacated start.
 */
export function swapDisplaced(
  c: Compiled,
  initial: Timetable,
  before: Timetable,
  move: Placement,
  locks: Map<string, Placement>,
): void {
  const li = c.lessonIdx.get(move.lessonId);
  if (li === undefined) return;
  const mu = c.lessonFirstUnit[li] + move.index;
  const old = before.placements.find((p) => p.lessonId === move.lessonId && p.index === move.index);
  if (!old) return;
  const from = old.day * c.P + old.period;
  const to = move.day * c.P + move.period;
  if (from === to) return;
  const unitOf = (p: Placement): number => {
    const l = c.lessonIdx.get(p.lessonId);
    return l === undefined ? -1 : c.lessonFirstUnit[l] + p.index;
  };
  const movedBlock = c.unitBlock[mu];
  const cells = new Set<number>();
  for (const u of c.blockUnits[movedBlock]) for (const x of c.unitCells[u]) cells.add(x);
  const dur = c.unitDur[mu];
  const displaced = new Set<number>();
  const index = new Map<number, number>();
  initial.placements.forEach((p, i) => {
    const u = unitOf(p);
    if (u < 0) return;
    index.set(u, i);
    const s = p.day * c.P + p.period;
    if (c.unitBlock[u] === movedBlock || s + c.unitDur[u] <= to || s >= to + dur) return;
    if (c.unitCells[u].some((x) => cells.has(x))) displaced.add(c.unitBlock[u]);
  });
  if (displaced.size !== 1) return;
  const [b] = displaced;
  const units = c.blockUnits[b];
  for (const u of units) {
    if (c.unitDur[u] !== dur || c.unitLock[u] >= 0) return;
    const p = initial.placements[index.get(u) ?? -1];
    if (!p || p.day * c.P + p.period !== to || locks.has(`${p.lessonId}#${p.index}`)) return;
  }
  if (!c.blockDomain[b].includes(from)) return;
  for (const u of units) {
    const i = index.get(u) ?? -1;
    const p = initial.placements[i];
    initial.placements[i] = { lessonId: p.lessonId, index: p.index, day: old.day, period: old.period };
  }
  // Parallel partners of the dragged lesson follow it.
  for (const u of c.blockUnits[movedBlock]) {
    const i = index.get(u);
    if (u === mu || i === undefined || c.unitLock[u] >= 0) continue;
    const p = initial.placements[i];
    initial.placements[i] = { lessonId: p.lessonId, index: p.index, day: move.day, period: move.period };
  }
}

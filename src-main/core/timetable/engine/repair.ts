import { compile, type Compiled } from './compile';
import { swapDisplaced } from './repairSwap';
import type { Evaluation } from './evaluator';
import type { Lesson, Placement, Timetable, TimetableInstance } from './model';
import { solve } from './solver';

export interface RepairRequest {
  timetable: Timetable;
  /** The user's manual move: this occurrence goes here and stays here. */
  move?: Placement;
  /** Lock occurrences at their current place (and optionally room) before re-optimising. */
  lock?: { lessonId: string; index: number }[];
  seed?: number;
  maxIterations?: number;
  /** Total budget over all attempts (default 900 ms: repair is interactive). */
  timeLimitMs?: number;
}

export interface RepairResult {
  timetable: Timetable;
  evaluation: Evaluation;
  /** Lessons other than the moved one whose day or period changed. */
  changed: number;
  changedPlacements: Placement[];
  elapsedMs: number;
}

/**
 * Re-optimises after a manual move or lock. The touched lesson is locked; every other lesson is
 * anchored to its old place with a penalty (weights.change) so the search repairs the clashes the
 * move caused while moving as few other lessons as it can.
 */
export function repair(inst: TimetableInstance, req: RepairRequest): RepairResult {
  const t0 = performance.now();
  const locks = new Map<string, Placement>();
  const key = (lessonId: string, index: number): string => `${lessonId}#${index}`;
  const byKey = new Map(req.timetable.placements.map((p) => [key(p.lessonId, p.index), p] as const));
  for (const l of req.lock ?? []) {
    const p = byKey.get(key(l.lessonId, l.index));
    if (p) locks.set(key(l.lessonId, l.index), p);
  }
  if (req.move) locks.set(key(req.move.lessonId, req.move.index), req.move);
  const lessons: Lesson[] = inst.lessons.map((l) => {
    const mine = [...locks.values()].filter((p) => p.lessonId === l.id);
    if (!mine.length) return l;
    const locked = Array.from({ length: l.count }, (_, k) => l.locked?.[k] ?? null);
    for (const p of mine) locked[p.index] = { day: p.day, period: p.period, ...(p.roomId ? { roomId: p.roomId } : {}) };
    return { ...l, locked };
  });
  const patched: TimetableInstance = { ...inst, lessons };
  const c: Compiled = compile(patched);
  const initial: Timetable = {
    placements: req.timetable.placements.map((p) => locks.get(key(p.lessonId, p.index)) ?? p),
  };
  if (req.move) swapDisplaced(c, initial, req.timetable, req.move, locks);
  const deadline = t0 + (req.timeLimitMs ?? 900);
  const attempt = (from: Timetable, temperatureFactor: number, seed: number): ReturnType<typeof solve> =>
    solve(c, {
      seed,
      initial: from,
      anchor: req.timetable,
      maxIterations: req.maxIterations ?? 30_000,
      timeLimitMs: Math.max(50, deadline - performance.now()),
      feasibilitySoftWeight: 0.005,
      temperatureFactor,
      stallIterations: 3_000,
    });
  let res = attempt(initial, 0.05, req.seed ?? 1);
  // A cold search keeps the timetable close to the original; if it cannot clear the violations,
  // retry warmer from where it stopped (more lessons may move, the penalty still counts them).
  for (let i = 0; i < 3 && !res.evaluation.valid && performance.now() < deadline; i++) res = attempt(res.timetable, 0.2 * (i + 1), (req.seed ?? 1) + i + 1);
  const changedPlacements = res.timetable.placements.filter((p) => {
    if (req.move && p.lessonId === req.move.lessonId && p.index === req.move.index) return false;
    const old = byKey.get(key(p.lessonId, p.index));
    return !old || old.day !== p.day || old.period !== p.period;
  });
  return {
    timetable: res.timetable,
    evaluation: res.evaluation,
    changed: changedPlacements.length,
    changedPlacements,
    elapsedMs: performance.now() - t0,
  };
}

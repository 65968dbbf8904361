import { describe, expect, it } from 'vitest';
import { compile } from '../../../src-main/core/timetable/engine/compile';
import { generateSchool } from '../../../src-main/core/timetable/engine/generator/generator';
import { repair } from '../../../src-main/core/timetable/engine/repair';
import { solve } from '../../../src-main/core/timetable/engine/solver';

describe('repair after a manual move', () => {
  it('keeps the moved lesson, restores validity and changes few other lessons', () => {
    const inst = generateSchool({ size: 'S', seed: 3 });
    const base = solve(inst, { seed: 1, maxIterations: 1_000_000, stopWhenValid: true });
    expect(base.evaluation.valid).toBe(true);
    const c = compile(inst);
    // Drop a maths lesson of 5А onto another day's lesson slot (a typical drag in the grid).
    const p = base.timetable.placements.find((x) => x.lessonId === 'c5А-math' && x.index === 0);
    expect(p).toBeDefined();
    if (!p) return;
    const target = { day: (p.day + 2) % c.D, period: 1 };
    const move = { lessonId: p.lessonId, index: p.index, ...target };
    // A generous time budget: the result must depend on iterations only, never on machine speed.
    const r = repair(inst, { timetable: base.timetable, move, seed: 2, timeLimitMs: 600_000 });
    const moved = r.timetable.placements.find((x) => x.lessonId === p.lessonId && x.index === p.index);
    expect(moved).toMatchObject(target);
    expect(r.evaluation.valid).toBe(true);
    expect(r.changed).toBe(r.changedPlacements.length);
    expect(r.changed).toBeLessThan(c.nU / 10);
  });

  it('keeps locked lessons in place', () => {
    const inst = generateSchool({ size: 'S', seed: 4 });
    const base = solve(inst, { seed: 1, maxIterations: 1_000_000, stopWhenValid: true });
    const lock = base.timetable.placements.slice(0, 20).map((x) => ({ lessonId: x.lessonId, index: x.index }));
    const p = base.timetable.placements[40];
    const r = repair(inst, { timetable: base.timetable, lock, move: { ...p, day: (p.day + 1) % 5 }, seed: 3, timeLimitMs: 600_000 });
    for (const l of base.timetable.placements.slice(0, 20)) {
      const now = r.timetable.placements.find((x) => x.lessonId === l.lessonId && x.index === l.index);
      expect(now).toMatchObject({ day: l.day, period: l.period });
    }
  });
});

import { describe, expect, it } from 'vitest';
import { generateSchool } from '../../../src-main/core/timetable/engine/generator/generator';
import type { SolveProgress } from '../../../src-main/core/timetable/engine/solver';
import { runSolver, startSolverService } from '../../../src-main/core/timetable/engine/worker';

describe('solver worker', () => {
  it('streams progress and returns the best timetable when cancelled', async () => {
    const handle = runSolver(generateSchool({ size: 'S', seed: 2 }), {
      seed: 3,
      // Far more than the test waits: only cancel can end this run early.
      maxIterations: 500_000_000,
      progressIntervalMs: 50,
    });
    const seen: SolveProgress[] = [];
    handle.onProgress((p) => {
      seen.push(p);
      if (seen.filter((x) => x.phase === 'search').length === 4) handle.cancel();
    });
    const res = await handle.result;
    expect(res.stopReason).toBe('cancelled');
    expect(seen[0].phase).toBe('construct');
    expect(seen.some((p) => p.phase === 'search' && p.placed === p.units)).toBe(true);
    expect(seen.at(-1)?.phase).toBe('done');
    expect(res.timetable.placements.length).toBeGreaterThan(0);
    expect(res.iterations).toBeLessThan(500_000_000);
  }, 60_000);

  it('runs to completion with an iteration limit', async () => {
    const res = await runSolver(generateSchool({ size: 'S', seed: 2 }), { seed: 3, maxIterations: 20_000 }).result;
    expect(res.stopReason).toBe('iterations');
    expect(res.iterations).toBe(20_000);
  }, 60_000);
});

describe('solver service (a warm worker kept between requests)', () => {
  it('answers several solves and a repair from one worker, reports the first valid timetable before the result', async () => {
    const service = startSolverService({ warmUp: false });
    try {
      await service.ready;
      const school = generateSchool({ size: 'S', seed: 4 });
      const events: string[] = [];
      const first = service.solve(school, {
        seed: 1,
        maxIterations: 30_000,
        onFirstValid: () => events.push('firstValid'),
      });
      // A second request waits for the first (one at a time, in order).
      const second = service.solve(generateSchool({ size: 'S', seed: 5 }), { seed: 2, stopWhenValid: true });
      const a = await first.result;
      events.push('result');
      expect(events).toEqual(['firstValid', 'result']);
      expect(a.evaluation.valid).toBe(true);
      expect(a.firstValidIteration).not.toBeNull();
      const b = await second.result;
      expect(b.stopReason).toBe('valid');
      const p = a.timetable.placements[0];
      const fixed = await service.repair(school, { timetable: a.timetable, move: { ...p, day: (p.day + 1) % 5 }, seed: 1, timeLimitMs: 60_000 });
      expect(fixed.timetable.placements.find((x) => x.lessonId === p.lessonId && x.index === p.index)?.day).toBe((p.day + 1) % 5);
    } finally {
      await service.close();
    }
  }, 60_000);

  it('cancels a running solve and rejects what is pending when closed', async () => {
    const service = startSolverService({ warmUp: false });
    const h = service.solve(generateSchool({ size: 'S', seed: 2 }), { seed: 3, maxIterations: 500_000_000, progressIntervalMs: 20 });
    h.onProgress((p) => {
      if (p.phase === 'search') h.cancel();
    });
    const res = await h.result;
    expect(res.stopReason).toBe('cancelled');
    const pending = service.solve(generateSchool({ size: 'S', seed: 2 }), { seed: 3, maxIterations: 500_000_000 }).result;
    await service.close();
    await expect(pending).rejects.toThrow('Служба составления расписания остановлена');
  }, 60_000);
});

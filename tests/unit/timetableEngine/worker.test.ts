import { describe, expect, it } from 'vitest';
import { generateSchool } from '../../../src-main/core/timetable/engine/generator/generator';
import type { SolveProgress } from '../../../src-main/core/timetable/engine/solver';
import { runSolver } from '../../../src-main/core/timetable/engine/worker';

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

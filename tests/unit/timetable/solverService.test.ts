import { describe, expect, it } from 'vitest';
import type { Core } from '../../../src-main/core/foundation/context';
import { generateSchool } from '../../../src-main/core/timetable/engine/generator/generator';
import { runSolver } from '../../../src-main/core/timetable/engine/worker';
import { solveInService } from '../../../src-main/core/timetable/solverService';

describe('the core’s warm solver worker', () => {
  it('is started once, answers every run like a fresh worker, and closeCore’s hook stops it', async () => {
    // Only onClose of the core is used: the service is keyed by the core object.
    const core = { onClose: [] } as unknown as Core;
    const school = generateSchool({ size: 'S', seed: 2 });
    const first = await solveInService(core, school, { seed: 3, maxIterations: 5_000 }).result;
    let firstValid: number | null = null;
    const second = await solveInService(core, school, { seed: 4, maxIterations: 5_000, onFirstValid: (it) => (firstValid = it) }).result;
    // One worker for both runs: one stop hook registered.
    expect(core.onClose).toHaveLength(1);
    // The same answer as a new worker would give (the search is deterministic for a seed and an iteration limit).
    const fresh = await runSolver(school, { seed: 4, maxIterations: 5_000 }).result;
    expect(second.timetable).toEqual(fresh.timetable);
    expect(first.evaluation.valid && second.evaluation.valid).toBe(true);
    expect(firstValid).not.toBeNull();
    await core.onClose[0]();
    // A stopped service is not reused: the next run starts a new worker.
    const third = solveInService(core, school, { seed: 3, maxIterations: 5_000 });
    expect(core.onClose).toHaveLength(2);
    expect((await third.result).timetable).toEqual(first.timetable);
    await core.onClose[1]();
  }, 120_000);
});

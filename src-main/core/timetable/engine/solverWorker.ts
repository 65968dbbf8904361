import { parentPort, workerData } from 'node:worker_threads';
import { generateSchool } from './generator/generator';
import type { TimetableInstance } from './model';
import { repair, type RepairRequest, type RepairResult } from './repair';
import { solve, type SolveOptions, type SolveProgress, type SolveResult } from './solver';

/**
 * Worker entry. Two modes: a single solve of workerData.instance (runSolver), or a service that
 * stays alive, warms V8 up on a generated school, then answers solve and repair requests one at
 * a time (startSolverService). Progress streams as messages; a shared flag cancels.
 */
export interface WorkerInput {
  instance: TimetableInstance;
  options: Omit<SolveOptions, 'onProgress' | 'shouldStop'>;
  cancel: SharedArrayBuffer;
}

export interface ServiceInput {
  service: true;
  /** Solve generated schools first so the solver's hot code is compiled before the first request. */
  warmUp: boolean;
}

export type ServiceRequest =
  | { type: 'solve'; id: number; instance: TimetableInstance; options: WorkerInput['options']; cancel: SharedArrayBuffer }
  | { type: 'repair'; id: number; instance: TimetableInstance; request: RepairRequest };

export type WorkerMessage =
  | { type: 'progress'; id?: number; progress: SolveProgress }
  | { type: 'firstValid'; id?: number; iteration: number }
  | { type: 'result'; id?: number; result: SolveResult }
  | { type: 'repaired'; id: number; result: RepairResult }
  | { type: 'ready' }
  | { type: 'error'; id?: number; message: string };

const post = (m: WorkerMessage): void => parentPort?.postMessage(m);

function run(instance: TimetableInstance, options: WorkerInput['options'], cancel: SharedArrayBuffer, id?: number, receivedAt?: number): void {
  const flag = new Int32Array(cancel);
  try {
    const result = solve(instance, {
      ...options,
      shouldStop: () => Atomics.load(flag, 0) !== 0,
      onProgress: (progress) => post({ type: 'progress', id, progress }),
      onFirstValid: (iteration) => post({ type: 'firstValid', id, iteration }),
    });
    if (receivedAt !== undefined) result.timings.receivedAt = receivedAt;
    post({ type: 'result', id, result });
  } catch (e) {
    post({ type: 'error', id, message: e instanceof Error ? e.message : String(e) });
  }
}

/**
 * V8 compiles the solver's hot functions only after they ran a while; a fresh worker spends a
 * large part of a short solve in the interpreter. Two small schools (one tight enough to leave the
 * construction with violations), solved past their first valid timetable, and a repair get the
 * construction, both search phases and the evaluator optimised.
 */
function warmUp(): void {
  // S-hard leaves violations after the construction, so the feasibility moves get compiled too.
  for (const [size, hard] of [['S', true], ['M', false]] as const) {
    const inst = generateSchool({ size, hard, seed: 97 });
    const res = solve(inst, { seed: 1, maxIterations: 30_000 });
    const p = res.timetable.placements[0];
    if (p) repair(inst, { timetable: res.timetable, move: { ...p, day: (p.day + 1) % inst.days.length }, seed: 1, maxIterations: 5_000 });
  }
}

const input = workerData as WorkerInput | ServiceInput;
if ('service' in input) {
  if (input.warmUp) warmUp();
  parentPort?.on('message', (req: ServiceRequest) => {
    if (req.type === 'solve') run(req.instance, req.options, req.cancel, req.id, performance.timeOrigin + performance.now());
    else {
      try {
        post({ type: 'repaired', id: req.id, result: repair(req.instance, req.request) });
      } catch (e) {
        post({ type: 'error', id: req.id, message: e instanceof Error ? e.message : String(e) });
      }
    }
  });
  post({ type: 'ready' });
} else run(input.instance, input.options, input.cancel);

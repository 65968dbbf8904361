import { parentPort, workerData } from 'node:worker_threads';
import type { TimetableInstance } from './model';
import { solve, type SolveOptions } from './solver';

/** Worker entry: solves workerData.instance, streams progress, stops when the cancel flag is set. */
export interface WorkerInput {
  instance: TimetableInstance;
  options: Omit<SolveOptions, 'onProgress' | 'shouldStop'>;
  cancel: SharedArrayBuffer;
}

export type WorkerMessage =
  | { type: 'progress'; progress: import('./solver').SolveProgress }
  | { type: 'result'; result: import('./solver').SolveResult }
  | { type: 'error'; message: string };

const input = workerData as WorkerInput;
const flag = new Int32Array(input.cancel);
const post = (m: WorkerMessage): void => parentPort?.postMessage(m);
try {
  const result = solve(input.instance, {
    ...input.options,
    shouldStop: () => Atomics.load(flag, 0) !== 0,
    onProgress: (progress) => post({ type: 'progress', progress }),
  });
  post({ type: 'result', result });
} catch (e) {
  post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
}

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { TimetableInstance } from './model';
import type { SolveOptions, SolveProgress, SolveResult } from './solver';
import type { WorkerInput, WorkerMessage } from './solverWorker';

export interface SolverHandle {
  /** Resolves with the best timetable found (also after cancel); rejects if the worker fails. */
  result: Promise<SolveResult>;
  cancel(): void;
  onProgress(listener: (p: SolveProgress) => void): void;
}

export type RunOptions = Omit<SolveOptions, 'onProgress' | 'shouldStop'> & {
  onProgress?: (p: SolveProgress) => void;
};

/**
 * Runs the solver in a worker thread so the caller's event loop stays free. Cancelling sets a
 * shared flag the solver polls; the worker then returns its best timetable so far.
 */
export function runSolver(instance: TimetableInstance, options: RunOptions = {}): SolverHandle {
  const { onProgress, ...solveOptions } = options;
  const listeners: ((p: SolveProgress) => void)[] = onProgress ? [onProgress] : [];
  const cancel = new SharedArrayBuffer(4);
  const data: WorkerInput = { instance, options: solveOptions, cancel };
  const worker = spawnWorker(data);
  const result = new Promise<SolveResult>((resolve, reject) => {
    let settled = false;
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') for (const l of listeners) l(m.progress);
      else if (m.type === 'result') {
        settled = true;
        resolve(m.result);
        void worker.terminate();
      } else {
        settled = true;
        reject(new Error(`Ошибка составления расписания: ${m.message}`));
        void worker.terminate();
      }
    });
    worker.on('error', (e) => {
      settled = true;
      reject(e);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`Поток составления расписания завершился с кодом ${code}`));
    });
  });
  return {
    result,
    cancel: () => Atomics.store(new Int32Array(cancel), 0, 1),
    onProgress: (l) => listeners.push(l),
  };
}

function spawnWorker(workerData: WorkerInput): Worker {
  // Sources run through tsx (dev, tests, benchmark); a bundled build ships solverWorker.js.
  const fromSource = import.meta.url.endsWith('.ts');
  const url = new URL(fromSource ? './solverWorker.ts' : './solverWorker.js', import.meta.url);
  if (!fromSource) return new Worker(url, { workerData });
  // Node 20 workers do not inherit loader hooks, so the worker loads tsx's API itself.
  const api = tsxEsmApi();
  const boot = `import(${JSON.stringify(api)}).then((m) => m.tsImport(${JSON.stringify(url.href)}, ${JSON.stringify(url.href)}))`;
  return new Worker(boot, { eval: true, workerData });
}

/** File URL of tsx's ESM API, read from its exports map (the CommonJS build resolves wrongly here). */
function tsxEsmApi(): string {
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as {
    exports: Record<string, string | { import?: { default?: string } }>;
  };
  const entry = pkg.exports['./esm/api'];
  const rel = typeof entry === 'string' ? entry : entry?.import?.default ?? './dist/esm/api/index.mjs';
  return new URL(rel, pathToFileURL(pkgPath)).href;
}

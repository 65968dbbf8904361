import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { TimetableInstance } from './model';
import type { RepairRequest, RepairResult } from './repair';
import type { SolveOptions, SolveProgress, SolveResult } from './solver';
import type { ServiceInput, ServiceRequest, WorkerInput, WorkerMessage } from './solverWorker';

export interface SolverHandle {
  /** Resolves with the best timetable found (also after cancel); rejects if the worker fails. */
  result: Promise<SolveResult>;
  cancel(): void;
  onProgress(listener: (p: SolveProgress) => void): void;
}

export type RunOptions = Omit<SolveOptions, 'onProgress' | 'shouldStop' | 'onFirstValid'> & {
  onProgress?: (p: SolveProgress) => void;
  /**
   * Called in the caller's thread when the worker reports its first timetable without hard
   * violations (the message arrives while the search goes on).
   */
  onFirstValid?: (iteration: number) => void;
};

/**
 * Runs one solve in a new worker thread so the caller's event loop stays free. Cancelling sets a
 * shared flag the solver polls; the worker then returns its best timetable so far. A new worker
 * pays for its start and V8's warm-up on every call: an app that solves repeatedly keeps a
 * startSolverService() instead.
 */
export function runSolver(instance: TimetableInstance, options: RunOptions = {}): SolverHandle {
  const { onProgress, onFirstValid, ...solveOptions } = options;
  const listeners: ((p: SolveProgress) => void)[] = onProgress ? [onProgress] : [];
  const cancel = new SharedArrayBuffer(4);
  const data: WorkerInput = { instance, options: solveOptions, cancel };
  const worker = spawnWorker(data);
  const result = new Promise<SolveResult>((resolve, reject) => {
    let settled = false;
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') for (const l of listeners) l(m.progress);
      else if (m.type === 'firstValid') onFirstValid?.(m.iteration);
      else if (m.type === 'result') {
        settled = true;
        resolve(m.result);
        void worker.terminate();
      } else if (m.type === 'error') {
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

/** A solver worker kept alive between requests ("start once, solve many"). */
export interface SolverService {
  /** Resolves once the worker has started and warmed up; requests sent earlier wait for it. */
  ready: Promise<void>;
  /** Solves in the warm worker; requests run one at a time in the order they were made. */
  solve(instance: TimetableInstance, options?: RunOptions): SolverHandle;
  /** Repair after a manual move or lock (see repair()), in the warm worker. */
  repair(instance: TimetableInstance, request: RepairRequest): Promise<RepairResult>;
  /** Stops the worker; pending requests are rejected. */
  close(): Promise<void>;
}

export interface ServiceOptions {
  /** Warm V8 up on generated schools before the first request (default true, ≈ 0.5–1 s of CPU once). */
  warmUp?: boolean;
}

interface Pending {
  resolve: (v: never) => void;
  reject: (e: Error) => void;
  listeners: ((p: SolveProgress) => void)[];
  onFirstValid?: (iteration: number) => void;
}

/**
 * Starts a solver worker that stays alive: the worker start, the module load and V8's warm-up are
 * paid once, so a request's time to its first valid timetable is the instance transfer, compile,
 * construction and search only.
 */
export function startSolverService(options: ServiceOptions = {}): SolverService {
  const input: ServiceInput = { service: true, warmUp: options.warmUp ?? true };
  const worker = spawnWorker(input);
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let closed = false;
  let markReady: () => void = () => undefined;
  let failReady: (e: Error) => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    failReady = reject;
  });
  // Nobody may be waiting for `ready` when the worker fails: that rejection is not an unhandled one.
  ready.catch(() => undefined);
  const failAll = (e: Error): void => {
    failReady(e);
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  worker.on('message', (m: WorkerMessage) => {
    if (m.type === 'ready') return markReady();
    const p = m.id !== undefined ? pending.get(m.id) : undefined;
    if (!p || m.id === undefined) return;
    if (m.type === 'progress') for (const l of p.listeners) l(m.progress);
    else if (m.type === 'firstValid') p.onFirstValid?.(m.iteration);
    else if (m.type === 'result' || m.type === 'repaired') {
      pending.delete(m.id);
      p.resolve(m.result as never);
    } else if (m.type === 'error') {
      pending.delete(m.id);
      p.reject(new Error(`Ошибка составления расписания: ${m.message}`));
    }
  });
  worker.on('error', (e) => failAll(e));
  worker.on('exit', (code) => {
    if (!closed) failAll(new Error(`Поток составления расписания завершился с кодом ${code}`));
  });
  const send = (req: ServiceRequest): void => {
    if (closed) throw new Error('Служба составления расписания остановлена');
    worker.postMessage(req);
  };
  return {
    ready,
    solve(instance, opts = {}) {
      const { onProgress, onFirstValid, ...solveOptions } = opts;
      const id = nextId++;
      const cancel = new SharedArrayBuffer(4);
      const listeners: ((p: SolveProgress) => void)[] = onProgress ? [onProgress] : [];
      const result = new Promise<SolveResult>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: never) => void, reject, listeners, onFirstValid });
        send({ type: 'solve', id, instance, options: solveOptions, cancel });
      });
      // A request dropped by its caller must not become an unhandled rejection (and end the
      // process) when the service closes; callers that await it still get the error.
      result.catch(() => undefined);
      return {
        result,
        cancel: () => Atomics.store(new Int32Array(cancel), 0, 1),
        onProgress: (l) => listeners.push(l),
      };
    },
    repair(instance, request) {
      const id = nextId++;
      return new Promise<RepairResult>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: never) => void, reject, listeners: [] });
        send({ type: 'repair', id, instance, request });
      });
    },
    async close() {
      closed = true;
      failAll(new Error('Служба составления расписания остановлена'));
      await worker.terminate();
    },
  };
}

/**
 * Where the solver's worker entry is. Sources run through tsx (dev, tests, benchmark); a bundled
 * build ships solverWorker.js next to the bundle (ESM) or solverWorker.cjs (CommonJS bundle, where
 * import.meta is empty). Exported so a packaged build can check the file is really there.
 */
export function solverWorkerUrl(): URL {
  const here = typeof import.meta.url === 'string' ? import.meta.url : pathToFileURL(`${__dirname}/`).href;
  const fromSource = here.endsWith('.ts');
  return new URL(fromSource ? './solverWorker.ts' : typeof import.meta.url === 'string' ? './solverWorker.js' : './solverWorker.cjs', here);
}

function spawnWorker(workerData: WorkerInput | ServiceInput): Worker {
  const url = solverWorkerUrl();
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData });
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

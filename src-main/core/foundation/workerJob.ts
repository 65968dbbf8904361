import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorBody } from '../../../src-shared/errors';
import type { PushEvent } from '../../../src-shared/events';
import type { DbConfig } from '../db/createDb';
import type { Caller, Core, HandlerContext } from './context';

/**
 * Long jobs off the request path: the job runs in a `worker_threads` worker that opens its own
 * connection to the same database (SQLite file or PostgreSQL), so the main thread keeps answering
 * every other request while it parses, plans and writes. The worker reports progress (relayed as
 * `progress` push events under the job's id), can be cancelled by id (`core.jobs.cancel`), and
 * writes its audit rows inside its own transaction; the calling handler adopts them.
 *
 * A job is a module exporting `runJob(ctx, input, job)`; the domain that owns it passes the module's
 * URL, so the foundation imports no domain. An in-memory SQLite database cannot be shared with a
 * worker: such a job runs in the caller's thread with the same interface.
 */
export interface WorkerJobHandle {
  progress(done: number, total: number, message?: string): void;
  /** Throws CANCELLED (an AppError) once «Отменить» was pressed; the job's transaction rolls back. */
  throwIfCancelled(): void;
}

/** What a job module exports. `ctx` is a handler context on the worker's own connection. */
export type WorkerJobModule<I, O> = { runJob(ctx: HandlerContext, input: I, job: WorkerJobHandle): Promise<O> };

export interface WorkerJobRequest<I> {
  /**
   * URL of the job module (a `.ts` file when running from source), or null where there is none to
   * start a worker with (a bundle without a worker entry): the job then runs in this thread.
   */
  module: URL | null;
  /** The same module, imported here: for an in-memory database and for bundles. */
  local: () => Promise<WorkerJobModule<I, unknown>>;
  input: I;
  title: string;
  /** The id the client watches progress events under (and cancels by); a new one when absent. */
  jobId?: string;
}

/** Worker → host messages. */
export type WorkerMessage =
  | { type: 'progress'; done: number; total: number; message?: string }
  | { type: 'event'; event: PushEvent }
  | { type: 'log'; level: 'info' | 'warn' | 'error'; message: string; data?: Record<string, unknown> }
  | { type: 'result'; value: unknown; audited: number; entities: string[] }
  | { type: 'error'; error: ErrorBody | null; message: string; stack?: string };

/** Host → worker start data. */
export interface WorkerStart {
  db: DbConfig;
  module: string;
  input: unknown;
  caller: Caller;
  method: string;
  config: Core['config'];
  cancel: SharedArrayBuffer;
}

/** Runs a job and resolves with its result (the caller states its type: one module may serve several jobs). */
export async function runWorkerJob<I, O>(ctx: HandlerContext, req: WorkerJobRequest<I>): Promise<O> {
  const job = ctx.core.jobs.start(req.title, req.jobId);
  const cancel = new SharedArrayBuffer(4);
  const flag = new Int32Array(cancel);
  const onAbort = () => Atomics.store(flag, 0, 1);
  job.signal.addEventListener('abort', onAbort);
  try {
    if (!req.module || ctx.core.appDb.location === ':memory:') return await inThread<I, O>(ctx, req, job, flag);
    const start: WorkerStart = { db: ctx.core.appDb.config, module: req.module.href, input: req.input, caller: ctx.caller, method: ctx.method, config: ctx.core.config, cancel };
    const { value, audited, entities } = await inWorker(ctx, start, (done, total, message) => job.progress(done, total, message));
    ctx.audit.adopt?.(audited, entities);
    job.finish('Готово');
    return value as O;
  } catch (e) {
    job.finish(e instanceof AppError && e.code === 'CANCELLED' ? 'Отменено' : 'Ошибка');
    throw e;
  } finally {
    job.signal.removeEventListener('abort', onAbort);
  }
}

async function inThread<I, O>(ctx: HandlerContext, req: WorkerJobRequest<I>, job: ReturnType<Core['jobs']['start']>, flag: Int32Array): Promise<O> {
  const mod = await req.local();
  const value = await mod.runJob(ctx, req.input, {
    progress: (done, total, message) => job.progress(done, total, message),
    throwIfCancelled: () => {
      if (Atomics.load(flag, 0) !== 0) throw cancelled();
    },
  });
  job.finish('Готово');
  return value as O;
}

export function cancelled(): AppError {
  return new AppError('CANCELLED', 'Операция отменена пользователем. Ничего не изменено.');
}

/**
 * Warm workers, reused from job to job: starting one loads the app's modules (seconds from
 * source), so a worker stays alive, idle and unreferenced, once its job is done. Each job opens and
 * closes its own database connection inside the worker. More jobs at once get more workers.
 */
interface PoolWorker {
  worker: Worker;
  busy: boolean;
  /** The running job's listener, by job run id. */
  listener: ((m: WorkerMessage) => void) | null;
  onExit: ((code: number) => void) | null;
}

const pool: PoolWorker[] = [];
const MAX_IDLE = 2;
let runs = 0;

function acquire(): PoolWorker {
  const idle = pool.find((w) => !w.busy);
  if (idle) {
    idle.busy = true;
    idle.worker.ref();
    return idle;
  }
  const w: PoolWorker = { worker: spawn(), busy: true, listener: null, onExit: null };
  w.worker.on('message', (m: WorkerMessage & { run: number }) => w.listener?.(m));
  w.worker.on('error', () => undefined);
  w.worker.on('exit', (code) => {
    pool.splice(pool.indexOf(w), 1);
    w.onExit?.(code);
  });
  pool.push(w);
  return w;
}

function release(w: PoolWorker): void {
  w.busy = false;
  w.listener = null;
  w.onExit = null;
  w.worker.unref();
  // Keep a couple warm; a burst of parallel jobs does not leave its extra workers behind.
  if (pool.filter((x) => !x.busy).length > MAX_IDLE) void w.worker.terminate();
}

/** Starts a worker ahead of the first job (the serve and desktop entries call it after start-up). */
export function warmWorkerJobs(): void {
  if (pool.length === 0) release(acquire());
}

function inWorker(ctx: HandlerContext, start: WorkerStart, progress: (done: number, total: number, message?: string) => void): Promise<{ value: unknown; audited: number; entities: string[] }> {
  const w = acquire();
  const run = ++runs;
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      release(w);
      f();
    };
    w.listener = (m) => {
      if ((m as { run?: number }).run !== run) return;
      if (m.type === 'progress') progress(m.done, m.total, m.message);
      else if (m.type === 'event') ctx.core.events.emit(m.event);
      else if (m.type === 'log') ctx.core.logger[m.level](m.message, m.data);
      else if (m.type === 'result') settle(() => resolve({ value: m.value, audited: m.audited, entities: m.entities }));
      else if (m.error) settle(() => reject(new AppError(m.error!.code, m.error!.message, m.error!.details)));
      else {
        // Not an AppError: the dispatcher logs it and answers «Внутренняя ошибка» (the stack is the worker's).
        const err = new Error(m.message);
        err.stack = m.stack;
        settle(() => reject(err));
      }
    };
    w.onExit = (code) => {
      if (settled) return;
      settled = true;
      reject(new Error(`Поток фоновой операции завершился с кодом ${code}`));
    };
    w.worker.postMessage({ type: 'run', run, start });
  });
}

function spawn(): Worker {
  // Sources run through tsx (dev, tests, benchmarks); a bundled build ships workerJobEntry.js.
  const fromSource = import.meta.url.endsWith('.ts');
  const url = new URL(fromSource ? './workerJobEntry.ts' : './workerJobEntry.js', import.meta.url);
  if (!fromSource) return new Worker(url);
  // Node 20 workers do not inherit loader hooks: the worker loads tsx's API itself and imports the
  // entry through it; the entry's own imports of job modules stay in that one namespace.
  const api = JSON.stringify(tsxEsmApi());
  const entry = JSON.stringify(url.href);
  const boot = `import(${api}).then(async (tsx) => { const e = await tsx.tsImport(${entry}, ${entry}); e.serve(); })`;
  return new Worker(boot, { eval: true });
}

/** File URL of tsx's ESM API, read from its exports map (the CommonJS build resolves wrongly here). */
function tsxEsmApi(): string {
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { exports: Record<string, string | { import?: { default?: string } }> };
  const entry = pkg.exports['./esm/api'];
  const rel = typeof entry === 'string' ? entry : (entry?.import?.default ?? './dist/esm/api/index.mjs');
  return new URL(rel, pathToFileURL(pkgPath)).href;
}

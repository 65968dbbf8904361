import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { contract } from '../../../src-shared/contract/index';
import { AppError } from '../../../src-shared/errors';
import type { Core, HandlerContext } from './context';
import type { Job } from './jobs';
import type { RunMessage, SerializedError, WorkerBoot, WorkerMessage } from './workerProtocol';

/**
 * Long jobs off the request path: one worker thread per core, started on the first job, with its
 * own database connection opened from the same DbConfig (SQLite in WAL lets its writes and the
 * server's reads go on side by side; PostgreSQL gives it its own pool). The request that asked for
 * the job only waits for the answer; the server's event loop stays free for everyone else.
 * Progress and «Отменить» go through the core's jobs registry as for any job; errors come back as
 * the AppError the job threw.
 */
export interface WorkerEntry {
  /** The worker's module: a .ts file run through tsx (sources, tests), or a bundled .cjs/.js. */
  file: URL;
}

export interface JobHost {
  run(ctx: HandlerContext, job: string, input: unknown): Promise<unknown>;
  close(): Promise<void>;
}

const WAIT_DURING_JOB_MS = 100;
const WAIT_NORMALLY_MS = 5000;

export function createJobHost(core: Core, entry: WorkerEntry): JobHost {
  let worker: Worker | null = null;
  let ready: Promise<void> | null = null;
  let nextRun = 1;
  const runs = new Map<number, { ctx: HandlerContext; resolve: (v: unknown) => void; reject: (e: unknown) => void; cancel: Int32Array; jobs: Map<string, Job> }>();

  const failAll = (err: Error) => {
    for (const r of runs.values()) r.reject(err);
    runs.clear();
    worker = null;
    ready = null;
  };

  const onMessage = (m: WorkerMessage) => {
    if (m.type === 'event') return core.events.emit(m.event);
    if (m.type === 'log') return core.logger[m.level](m.message, m.data);
    if (m.type === 'ready' || m.type === 'fatal') return;
    const run = runs.get(m.runId);
    if (!run) return;
    if (m.type === 'job') {
      if (m.op === 'start') {
        const job = core.jobs.start(m.title, m.jobId);
        run.jobs.set(m.jobId, job);
        job.signal.addEventListener('abort', () => Atomics.store(run.cancel, 0, 1));
        return;
      }
      const job = run.jobs.get(m.jobId);
      if (!job) return;
      if (m.op === 'progress') job.progress(m.done, m.total, m.message);
      else if (m.op === 'finish') job.finish(m.message);
      else {
        try {
          job.throwIfCancelled();
        } catch {
          // The registry announced «Отменено»; the worker throws CANCELLED itself.
        }
      }
      return;
    }
    runs.delete(m.runId);
    run.ctx.audit.countElsewhere?.(m.audited, m.exported, m.changed);
    if (m.ok) run.resolve(m.value);
    else run.reject(revive(m.error));
  };

  const start = (): Promise<void> => {
    const boot: WorkerBoot = { dbConfig: core.dbConfig, config: core.config, migration: core.migration };
    const w = spawnModuleWorker(entry.file, boot);
    worker = w;
    ready = new Promise<void>((resolve, reject) => {
      w.on('message', (m: WorkerMessage) => {
        if (m.type === 'ready') resolve();
        else if (m.type === 'fatal') reject(new AppError('INTERNAL', `Не удалось запустить фоновую операцию: ${m.message}`));
        else onMessage(m);
      });
      w.on('error', (e) => {
        core.logger.error('job worker failed', { error: String(e?.message ?? e) });
        reject(e);
        failAll(e);
      });
      w.on('exit', (code) => {
        if (worker === w) failAll(new AppError('INTERNAL', `Фоновая операция прервана: поток завершился с кодом ${code}. Данные не изменены.`));
      });
    });
    // A worker with no job to run must not keep the process alive (CLI, tests).
    w.unref();
    return ready;
  };

  // SQLite has one writer: while the worker's transaction holds the lock, a write on this thread
  // would sleep in better-sqlite3 for the whole busy timeout and stall every request. During a
  // job it fails fast instead (DB_UNAVAILABLE, «повторите»), and reads go on as usual.
  const sqlite = core.appDb.sqlite;
  const lockWaits = (ms: number) => sqlite?.pragma(`busy_timeout = ${ms}`);

  return {
    async run(ctx, job, input) {
      if (!worker || !ready) await start();
      else await ready;
      if (runs.size === 0) lockWaits(WAIT_DURING_JOB_MS);
      const runId = nextRun++;
      const cancel = new SharedArrayBuffer(4);
      const msg: RunMessage = { type: 'run', runId, job, input, caller: ctx.caller, method: ctx.method, entity: entityOf(ctx.method), cancel };
      return new Promise((resolve, reject) => {
        runs.set(runId, { ctx, resolve, reject, cancel: new Int32Array(cancel), jobs: new Map() });
        worker!.ref();
        worker!.postMessage(msg);
      }).finally(() => {
        if (runs.size > 0) return;
        worker?.unref();
        lockWaits(WAIT_NORMALLY_MS);
      });
    },
    async close() {
      const w = worker;
      worker = null;
      ready = null;
      if (w) await w.terminate();
    },
  };
}

/** The audit entity of a method's rows that name none, as the dispatcher gives it. */
function entityOf(method: string): string {
  return (contract as Record<string, { entity?: string }>)[method]?.entity ?? method;
}

function revive(e: SerializedError): Error {
  if (e.appError && e.code) return new AppError(e.code as never, e.message, e.details as Record<string, unknown> | undefined);
  // Not a refusal: the dispatcher logs it and answers INTERNAL (or DB_UNAVAILABLE by its code).
  return Object.assign(new Error(e.message), { code: e.code, stack: e.stack });
}

/**
 * The ceiling of the job worker's young generation, MB (V8's own sizing is far smaller). The jobs
 * allocate hundreds of thousands of short-lived rows (a district's pull: 30 000 cards, 160 000
 * search tokens, 70 000 audit rows); with room for them a scavenge finds them dead instead of
 * copying them to the old generation. Measured on the district's apply: −11 % on SQLite, −6 % on
 * PostgreSQL (docs/exchange.md). It is a ceiling V8 grows to, not memory taken up front.
 */
export const JOB_YOUNG_GENERATION_MB = 192;

/**
 * A worker thread over a module of this app: bundled code runs as is; sources run through tsx,
 * whose loader Node 20 workers do not inherit, so the worker loads tsx's API itself first.
 */
export function spawnModuleWorker(file: URL, workerData: unknown): Worker {
  const resourceLimits = { maxYoungGenerationSizeMb: JOB_YOUNG_GENERATION_MB };
  if (!file.pathname.endsWith('.ts')) return new Worker(file, { workerData, resourceLimits });
  const api = tsxEsmApi();
  const boot = `import(${JSON.stringify(api)}).then((m) => m.tsImport(${JSON.stringify(file.href)}, ${JSON.stringify(file.href)}))`;
  return new Worker(boot, { eval: true, workerData, resourceLimits });
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

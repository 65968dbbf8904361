import { parentPort, workerData } from 'node:worker_threads';
import { newId } from '../../../src-shared/domain/ids';
import { AppError } from '../../../src-shared/errors';
import { createDb } from '../db/createDb';
import { auditRecorder } from './auditRecorder';
import type { Core, HandlerContext } from './context';
import { createEventBus } from './events';
import { createFirstRunCode } from './firstRunCode';
import type { Job, JobRegistry } from './jobs';
import type { Logger } from './logger';
import type { RunMessage, SerializedError, WorkerBoot, WorkerMessage } from './workerProtocol';

export type WorkerJob = (ctx: HandlerContext, input: never) => Promise<unknown>;

/**
 * The worker's half of the job host (workerHost.ts): opens its own connection from the host's
 * DbConfig, then runs each job it is sent with a context of its own — events, log lines and job
 * progress go back to the host, «Отменить» arrives as a shared flag the job polls.
 */
export function serveJobs(table: Record<string, WorkerJob>): void {
  const port = parentPort;
  if (!port) throw new Error('serveJobs runs inside a worker thread');
  const post = (m: WorkerMessage) => port.postMessage(m);
  const boot = workerData as WorkerBoot;
  let core: Core;
  try {
    const logger: Logger = {
      debug: (message, data) => post({ type: 'log', level: 'debug', message, data }),
      info: (message, data) => post({ type: 'log', level: 'info', message, data }),
      warn: (message, data) => post({ type: 'log', level: 'warn', message, data }),
      error: (message, data) => post({ type: 'log', level: 'error', message, data }),
    };
    const appDb = createDb(boot.dbConfig, (err) => logger.warn('idle database connection lost', { message: err.message }));
    const events = createEventBus();
    events.subscribe((event) => post({ type: 'event', event }));
    core = { appDb, db: appDb.db, events, jobs: idleJobs(), logger, config: boot.config, migration: boot.migration, dbConfig: boot.dbConfig, onClose: [],
      // Jobs never create the first administrator: a code no one was shown.
      firstRun: createFirstRunCode() };
  } catch (err) {
    post({ type: 'fatal', message: String((err as Error)?.message ?? err) });
    return;
  }

  port.on('message', (m: RunMessage) => {
    if (m.type !== 'run') return;
    void runOne(core, table, m, post);
  });
  post({ type: 'ready' });
}

async function runOne(core: Core, table: Record<string, WorkerJob>, m: RunMessage, post: (m: WorkerMessage) => void): Promise<void> {
  const changed: { entity: string | null; recordId: string | null }[] = [];
  const audit = auditRecorder(m.caller, m.method, m.entity, (entity, recordId) => changed.push({ entity: entity ?? null, recordId }));
  const ctx: HandlerContext = { core: { ...core, jobs: jobsOf(m, post) }, caller: m.caller, method: m.method, audit };
  try {
    const job = table[m.job];
    if (!job) throw new AppError('INTERNAL', `Неизвестная фоновая операция «${m.job}»`);
    const value = await job(ctx, m.input as never);
    post({ type: 'done', runId: m.runId, ok: true, value, audited: audit.count, exported: audit.exported, changed });
  } catch (err) {
    post({ type: 'done', runId: m.runId, ok: false, error: serialize(err), audited: audit.count, exported: audit.exported, changed });
  }
}

function serialize(err: unknown): SerializedError {
  if (err instanceof AppError) return { appError: true, code: err.code, message: err.message, details: err.details };
  const e = err as { code?: string; message?: string; stack?: string };
  return { appError: false, code: typeof e?.code === 'string' ? e.code : undefined, message: String(e?.message ?? err), stack: e?.stack };
}

/** Jobs started inside a run: their progress and end are the host's, the cancel flag is shared. */
function jobsOf(m: RunMessage, post: (m: WorkerMessage) => void): JobRegistry {
  const flag = new Int32Array(m.cancel);
  return {
    start(title, jobId = newId()) {
      post({ type: 'job', runId: m.runId, op: 'start', jobId, title });
      const controller = new AbortController();
      const job: Job = {
        id: jobId,
        signal: controller.signal,
        progress: (done, total, message) => post({ type: 'job', runId: m.runId, op: 'progress', jobId, done, total, message }),
        finish: (message, changed = []) => {
          post({ type: 'job', runId: m.runId, op: 'finish', jobId, message });
          for (const entity of changed) post({ type: 'event', event: { type: 'dataChanged', entity } });
        },
        throwIfCancelled() {
          if (Atomics.load(flag, 0) === 0) return;
          controller.abort();
          post({ type: 'job', runId: m.runId, op: 'cancelled', jobId });
          throw new AppError('CANCELLED', `Операция «${title}» отменена пользователем`);
        },
      };
      return job;
    },
    cancel: () => false,
    running: () => [],
  };
}

function idleJobs(): JobRegistry {
  return {
    start: () => {
      throw new Error('jobs start inside a run');
    },
    cancel: () => false,
    running: () => [],
  };
}

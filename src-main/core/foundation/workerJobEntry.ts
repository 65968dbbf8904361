import { isMainThread, parentPort } from 'node:worker_threads';
import { AppError } from '../../../src-shared/errors';
import type { PushEvent } from '../../../src-shared/events';
import { createDb } from '../db/createDb';
import { insertAudit } from './auditLog';
import type { AuditRecorder, Core, HandlerContext } from './context';
import type { EventBus } from './events';
import { createJobRegistry } from './jobs';
import type { Logger } from './logger';
import type { WorkerJobModule, WorkerMessage, WorkerStart } from './workerJob';
import { cancelled } from './workerJob';

/**
 * The worker side of `runWorkerJob`: for each job, opens the database the host uses (its own
 * connection), builds a handler context on it whose audit rows carry the caller and method of the
 * request, runs the job module and posts its result. Events and log lines go to the host, which
 * relays them. Job modules are loaded once per worker.
 */
const modules = new Map<string, Promise<WorkerJobModule<unknown, unknown>>>();

/** Waits for jobs from the host, one at a time (the host gives a busy worker no second job). */
export function serve(): void {
  parentPort?.on('message', (m: { type: 'run'; run: number; start: WorkerStart }) => {
    if (m.type === 'run') void runOne(m.run, m.start);
  });
}

async function runOne(run: number, start: WorkerStart): Promise<void> {
  const post = (m: WorkerMessage): void => parentPort?.postMessage({ ...m, run });
  const flag = new Int32Array(start.cancel);
  const appDb = createDb(start.db, (err) => post({ type: 'log', level: 'warn', message: 'idle database connection lost', data: { message: err.message } }));
  const events: EventBus = { emit: (event: PushEvent) => post({ type: 'event', event }), subscribe: () => () => undefined };
  const logger: Logger = {
    debug: () => undefined,
    info: (message, data) => post({ type: 'log', level: 'info', message, data }),
    warn: (message, data) => post({ type: 'log', level: 'warn', message, data }),
    error: (message, data) => post({ type: 'log', level: 'error', message, data }),
  };
  // The host migrated the database before starting the job.
  const core: Core = { appDb, db: appDb.db, events, jobs: createJobRegistry(events), logger, config: start.config, migration: { applied: [], backupFile: null, schemaVersion: '' } };
  let audited = 0;
  const entities = new Set<string>();
  const audit: AuditRecorder = {
    async record(db, entry) {
      await insertAudit(db, {
        userId: entry.actor ? entry.actor.id : (start.caller.user?.id ?? null),
        userName: entry.actor ? entry.actor.name : (start.caller.user?.name ?? null),
        transport: start.caller.transport,
        method: start.method,
        entity: entry.entity ?? start.method,
        recordId: entry.recordId,
        action: entry.action,
        changes: entry.changes,
        cause: entry.cause ?? null,
      });
      audited++;
      if (entry.action !== 'export' && entry.entity) entities.add(entry.entity);
    },
    get count() {
      return audited;
    },
  };
  const ctx: HandlerContext = { core, caller: start.caller, method: start.method, audit };
  try {
    let load = modules.get(start.module);
    if (!load) modules.set(start.module, (load = import(start.module) as Promise<WorkerJobModule<unknown, unknown>>));
    const mod = await load;
    const value = await mod.runJob(ctx, start.input, {
      progress: (done, total, message) => post({ type: 'progress', done, total, message }),
      throwIfCancelled: () => {
        if (Atomics.load(flag, 0) !== 0) throw cancelled();
      },
    });
    post({ type: 'result', value, audited, entities: [...entities] });
  } catch (e) {
    // By shape, not instanceof: a module loaded twice (one copy per import namespace) has its own class.
    const app = e instanceof AppError || (e instanceof Error && e.name === 'AppError' && typeof (e as AppError).code === 'string');
    const body = app ? { code: (e as AppError).code, message: (e as AppError).message, ...((e as AppError).details !== undefined ? { details: (e as AppError).details } : {}) } : null;
    post({ type: 'error', error: body, message: e instanceof Error ? e.message : String(e), stack: e instanceof Error ? e.stack : undefined });
  } finally {
    await appDb.close();
  }
}

// A bundled build starts this file directly; from source the host's boot script calls serve through tsx.
if (!isMainThread && import.meta.url.endsWith('.js')) serve();

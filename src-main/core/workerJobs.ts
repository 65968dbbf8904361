import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RolloverPlan } from '../../src-shared/contract/movementRollover';
import type { Core, HandlerContext } from './foundation/context';
import { createJobHost, type JobHost } from './foundation/workerHost';
import type { WorkerJob } from './foundation/workerSide';
import { applyRollover, exportAlphabet, exportBook } from './movement/index';
import { exportParents, exportPupils, exportStaff } from './people/index';
import { exportReport, exportSavedReport, printPupilCard, printStaffCard } from './reports/index';
import { applyPull, previewPull } from './sync/index';
import { repairAround } from './timetable/index';
import { loadDemoSchool } from './setupDemo';

type Input<F> = F extends (ctx: HandlerContext, input: infer I) => Promise<unknown> ? I : never;

/**
 * The long jobs that run in the core's job worker (foundation/workerHost.ts) instead of on the
 * request path: the pull apply, the year rollover, the big list exports, the report files and the
 * print forms. A handler starts one with `runJob` and waits for its answer while the server goes on
 * answering everyone else. The portal pull's preview runs here too: reading and matching a
 * district's export takes seconds.
 */
export const WORKER_JOBS = {
  'exchange.pull.preview': (ctx: HandlerContext, i: Parameters<typeof previewPull>[1]) => previewPull(ctx, i),
  'exchange.pull.apply': (ctx: HandlerContext, i: Parameters<typeof applyPull>[1]) => applyPull(ctx, i),
  'movement.rollover.apply': (ctx: HandlerContext, plan: RolloverPlan) => applyRollover(ctx, plan),
  'people.pupils.export': (ctx: HandlerContext, filter: Parameters<typeof exportPupils>[1]) => exportPupils(ctx, filter),
  'people.parents.export': (ctx: HandlerContext, filter: Parameters<typeof exportParents>[1]) => exportParents(ctx, filter),
  'staff.export': (ctx: HandlerContext, filter: Parameters<typeof exportStaff>[1]) => exportStaff(ctx, filter),
  'movement.book.export': (ctx: HandlerContext, filter: Parameters<typeof exportBook>[1]) => exportBook(ctx.core.db, filter),
  'movement.alphabet.export': (ctx: HandlerContext, i: { search: string }) => exportAlphabet(ctx.core.db, i.search),
  'reports.export': (ctx: HandlerContext, i: { audience: Parameters<typeof exportReport>[1]; key: Parameters<typeof exportReport>[2]; params: Parameters<typeof exportReport>[3] }) => exportReport(ctx, i.audience, i.key, i.params),
  'reports.custom.export': (ctx: HandlerContext, i: { id: string; date?: string | null }) => exportSavedReport(ctx, i.id, i.date),
  'reports.print.pupilCard': (ctx: HandlerContext, i: { pupilId: string; format: 'docx' | 'pdf' }) => printPupilCard(ctx, i.pupilId, i.format),
  'timetable.edit.repair': (ctx: HandlerContext, i: Parameters<typeof repairAround>[1]) => repairAround(ctx, i),
  'system.demo.load': (ctx: HandlerContext, i: { jobId?: string }) => loadDemoSchool(ctx, i),
  'reports.print.staffCard': (ctx: HandlerContext, i: { staffId: string; format: 'docx' | 'pdf' }) => printStaffCard(ctx, i.staffId, i.format),
} satisfies Record<string, WorkerJob>;

export type WorkerJobName = keyof typeof WORKER_JOBS;

const hosts = new WeakMap<Core, JobHost>();

/** Runs a long job in this core's worker, or in-process where a worker cannot share the database. */
export async function runJob<K extends WorkerJobName>(ctx: HandlerContext, job: K, input: Input<(typeof WORKER_JOBS)[K]>): Promise<Awaited<ReturnType<(typeof WORKER_JOBS)[K]>>> {
  type Out = Awaited<ReturnType<(typeof WORKER_JOBS)[K]>>;
  const { dbConfig } = ctx.core;
  // An in-memory SQLite database lives in this thread only.
  if (dbConfig.kind === 'sqlite' && dbConfig.file === ':memory:') return (await (WORKER_JOBS[job] as WorkerJob)(ctx, input as never)) as Out;
  let host = hosts.get(ctx.core);
  if (!host) {
    const created = createJobHost(ctx.core, { file: jobWorkerFile() });
    hosts.set(ctx.core, created);
    ctx.core.onClose.push(() => created.close());
    host = created;
  }
  return (await host.run(ctx, job, input)) as Out;
}

/** From sources (tsx, tests) the worker is jobWorker.ts beside this file; a bundle ships jobWorker.cjs beside itself. */
export function jobWorkerFile(): URL {
  const here = typeof import.meta === 'object' ? (import.meta as { url?: string }).url : undefined;
  if (here) return new URL(here.endsWith('.ts') ? './jobWorker.ts' : './jobWorker.js', here);
  return pathToFileURL(path.join(__dirname, 'jobWorker.cjs'));
}

import type { PullPreview } from '../../../../src-shared/contract/exchange';
import { AppError } from '../../../../src-shared/errors';
import type { HandlerContext } from '../../foundation/context';
import { readExchange, setExchangeStatus } from '../repo/exchanges';
import { deleteEntries, FIRST_PAGE, readEntries, type PreviewFilter, type PreviewGroup } from '../repo/previewStore';

/**
 * The pull wizard on the request path: upload → parse → match → preview (stored as a «previewed»
 * exchange with its files and entries) → apply in one transaction, or cancel. Parsing, planning and
 * applying run in the core's job worker (pullJob.ts, core/workerJobs.ts), so the office keeps
 * working; this side pages the stored preview, cancels a preview and stops a running job.
 */

/** The stored preview of a pull: what the person saw (apply checks it still holds), its first page. */
export async function getPull(ctx: HandlerContext, exchangeId: string): Promise<PullPreview> {
  const e = await readExchange(ctx.core.db, exchangeId);
  if (e.direction !== 'pull') throw new AppError('NOT_FOUND', 'Это не загрузка из портала.');
  const s = e.summary as { counts: PullPreview['counts']; files: PullPreview['files']; groups?: PreviewGroup[]; total?: number };
  const page = await readEntries(ctx.core.db, exchangeId, { offset: 0, limit: FIRST_PAGE, action: null, entity: null, warnedOnly: false, search: '' });
  return { exchangeId, status: e.status, version: e.version, createdAt: e.createdAt, files: s.files, counts: s.counts, groups: s.groups ?? [], total: s.total ?? page.total, entries: page.entries };
}

export async function pullEntries(ctx: HandlerContext, exchangeId: string, filter: PreviewFilter): Promise<{ total: number; entries: PullPreview['entries'] }> {
  const e = await readExchange(ctx.core.db, exchangeId);
  if (e.direction !== 'pull') throw new AppError('NOT_FOUND', 'Это не загрузка из портала.');
  return readEntries(ctx.core.db, exchangeId, filter);
}

export async function cancelPull(ctx: HandlerContext, exchangeId: string, version: number): Promise<{ cancelled: boolean }> {
  return ctx.core.db.transaction().execute(async (trx) => {
    const e = await readExchange(trx, exchangeId);
    if (e.status !== 'previewed') return { cancelled: false };
    await setExchangeStatus(trx, exchangeId, version, { status: 'cancelled', finishedBy: ctx.caller.user?.name ?? null });
    await deleteEntries(trx, exchangeId);
    await ctx.audit.record(trx, { entity: 'portalExchange', recordId: exchangeId, action: 'update', changes: { status: ['previewed', 'cancelled'] } });
    return { cancelled: true };
  });
}

/**
 * Preview and apply jobs of this core still settling, by job id. «Остановить» answers only once the
 * stopped job's transaction has rolled back: on SQLite the worker holds the write lock until then,
 * and the stop's own audit row would otherwise wait for it and fail as «база занята».
 */
const settling = new WeakMap<HandlerContext['core'], Map<string, Promise<void>>>();

/** Remembers a running pull job (started by the handler through the job worker) until it settles. */
export function trackPull<T>(ctx: HandlerContext, jobId: string | undefined, work: Promise<T>): Promise<T> {
  if (!jobId) return work;
  let byId = settling.get(ctx.core);
  if (!byId) settling.set(ctx.core, (byId = new Map()));
  const map = byId;
  const done = work.then(
    () => undefined,
    () => undefined,
  );
  map.set(jobId, done);
  void done.then(() => {
    if (map.get(jobId) === done) map.delete(jobId);
  });
  return work;
}

/** «Остановить»: the job's transaction rolls back, nothing it did is kept; answered once it has. */
export async function stopPull(ctx: HandlerContext, jobId: string): Promise<{ stopped: boolean }> {
  const stopped = ctx.core.jobs.cancel(jobId);
  if (stopped) await settling.get(ctx.core)?.get(jobId);
  return { stopped };
}

import type { exchangeContract } from '../../../src-shared/contract/exchange';
import { FORMATS, downloadExchangeFile } from '../sync/index';
import { listExchanges } from '../sync/index';
import { cancelPull, getPull, pullEntries, stopPull, trackPull } from '../sync/index';
import type { Handlers } from './types';
import { runJob } from '../workerJobs';


/** Exchange with the portal: the pull wizard, the history and its files. */
export const exchangeHandlers: Handlers<typeof exchangeContract> = {
  'exchange.formats': async () => [
    ...Object.values(FORMATS).map((f) => ({ id: f.id, title: f.title, entity: f.entity, portalSide: f.portalSide, confidence: f.confidence, source: f.source, columns: f.columns.length, headerLines: f.headerLines })),
    { id: 'exportCm', title: 'Данные для расписания ExportCM.nsxml (TimeTableExchange)', entity: 'setup', portalSide: 'export', confidence: 'high', source: '§2.1, Calendar/ExportCM.asp', columns: 0, headerLines: 0 },
  ],
  // Reading, matching and writing thousands of rows: in the job worker, so every other request goes on.
  'exchange.pull.preview': async ({ files, jobId }, ctx) => trackPull(ctx, jobId, runJob(ctx, 'exchange.pull.preview', { uploads: files, jobId })),
  'exchange.pull.get': async ({ exchangeId }, ctx) => getPull(ctx, exchangeId),
  'exchange.pull.entries': async ({ exchangeId, ...filter }, ctx) => pullEntries(ctx, exchangeId, filter),
  'exchange.pull.apply': async ({ exchangeId, version, decisions, jobId }, ctx) => trackPull(ctx, jobId, runJob(ctx, 'exchange.pull.apply', { exchangeId, version, decisions, jobId })),
  'exchange.pull.stop': async ({ jobId }, ctx) => stopPull(ctx, jobId),
  'exchange.pull.cancel': async ({ exchangeId, version }, ctx) => cancelPull(ctx, exchangeId, version),
  'exchange.history': async (input, ctx) => listExchanges(ctx.core.db, input?.limit ?? 100),
  'exchange.file': async ({ fileId }, ctx) => downloadExchangeFile(ctx, fileId),
};

import type { exchangeContract } from '../../../src-shared/contract/exchange';
import { AppError } from '../../../src-shared/errors';
import { FORMATS } from '../sync/index';
import { listExchanges } from '../sync/index';
import { applyPull, cancelPull, getPull, previewPull } from '../sync/index';
import type { Handlers } from './types';

const MIME: Record<string, string> = { csv: 'text/csv; charset=windows-1251', xls: 'application/vnd.ms-excel', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', nsxml: 'application/xml', xml: 'application/xml' };

/** Exchange with the portal: the pull wizard, the history and its files. */
export const exchangeHandlers: Handlers<typeof exchangeContract> = {
  'exchange.formats': async () => [
    ...Object.values(FORMATS).map((f) => ({ id: f.id, title: f.title, entity: f.entity, portalSide: f.portalSide, confidence: f.confidence, source: f.source, columns: f.columns.length, headerLines: f.headerLines })),
    { id: 'exportCm', title: 'Данные для расписания ExportCM.nsxml (TimeTableExchange)', entity: 'setup', portalSide: 'export', confidence: 'high', source: '§2.1, Calendar/ExportCM.asp', columns: 0, headerLines: 0 },
  ],
  'exchange.pull.preview': async ({ files }, ctx) => previewPull(ctx, files),
  'exchange.pull.get': async ({ exchangeId }, ctx) => getPull(ctx, exchangeId),
  'exchange.pull.apply': async ({ exchangeId, version, decisions }, ctx) => applyPull(ctx, exchangeId, version, decisions),
  'exchange.pull.cancel': async ({ exchangeId, version }, ctx) => cancelPull(ctx, exchangeId, version),
  'exchange.history': async (input, ctx) => listExchanges(ctx.core.db, input?.limit ?? 100),
  'exchange.file': async ({ fileId }, ctx) => {
    const f = await ctx.core.db.selectFrom('portalExchangeFile').select(['id', 'exchangeId', 'fileName', 'contentBase64', 'rows']).where('id', '=', fileId).executeTakeFirst();
    if (!f) throw new AppError('NOT_FOUND', 'Файл обмена не найден: обновите историю обмена.');
    await ctx.audit.record(ctx.core.db, { entity: 'portalExchange', recordId: f.exchangeId, action: 'export', changes: { fileName: f.fileName, rows: Number(f.rows) } });
    const ext = f.fileName.split('.').pop()?.toLowerCase() ?? '';
    return { fileName: f.fileName, mimeType: MIME[ext] ?? 'application/octet-stream', contentBase64: f.contentBase64, rows: Number(f.rows) };
  },
};

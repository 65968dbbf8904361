import { AppError } from '../../../src-shared/errors';
import type { ExportedFile } from '../../../src-shared/contract/files';
import type { HandlerContext } from '../foundation/context';
import { findExchangeFile } from './repo/exchanges';

const MIME: Record<string, string> = { csv: 'text/csv; charset=windows-1251', xls: 'application/vnd.ms-excel', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', nsxml: 'application/xml', xml: 'application/xml' };

/** A file of an exchange as it was pulled or pushed, downloaded again; audited as an export. */
export async function downloadExchangeFile(ctx: HandlerContext, fileId: string): Promise<ExportedFile> {
  const f = await findExchangeFile(ctx.core.db, fileId);
  if (!f) throw new AppError('NOT_FOUND', 'Файл обмена не найден: обновите историю обмена.');
  await ctx.audit.record(ctx.core.db, { entity: 'portalExchange', recordId: f.exchangeId, action: 'export', changes: { fileName: f.fileName, rows: Number(f.rows) } });
  const ext = f.fileName.split('.').pop()?.toLowerCase() ?? '';
  return { fileName: f.fileName, mimeType: MIME[ext] ?? 'application/octet-stream', contentBase64: f.contentBase64, rows: Number(f.rows) };
}

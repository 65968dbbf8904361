import type { PullPreview, PullReport } from '../../../../src-shared/contract/exchange';
import { AppError } from '../../../../src-shared/errors';
import type { HandlerContext } from '../../foundation/context';
import { formatTitle, FORMATS, type FormatId } from '../formats/catalog';
import { insertExchange, readExchange, readExchangeFiles, setExchangeStatus } from '../exchangeRepo';
import { applyPlan, confirmPushes } from './applyPlan';
import { parseFile } from './parseFiles';
import { buildPlan, countEntries, planSignature } from './plan';
import type { Decisions, ParsedFile } from './planTypes';
import type { Executor } from '../../foundation/executor';
import { schoolToday } from '../../foundation/clock';

/**
 * The pull wizard: upload → parse → match → preview (stored as a «previewed» exchange with its
 * files) → apply in one transaction or cancel. Nothing but the exchange record is written before
 * apply; apply recomputes the plan and refuses if it no longer matches what the person saw.
 */
function fileInfo(f: ParsedFile): PullPreview['files'][number] {
  const format = f.formatId && f.formatId !== 'exportCm' ? FORMATS[f.formatId] : null;
  return {
    id: f.id,
    fileName: f.fileName,
    formatId: f.formatId,
    formatTitle: f.formatId ? formatTitle(f.formatId) : null,
    confidence: f.formatId === 'exportCm' ? 'high' : (format?.confidence ?? null),
    container: f.container,
    encoding: f.encoding,
    rows: f.exportCm ? f.exportCm.classes.length + f.exportCm.teachers.length + f.exportCm.subjects.length + f.exportCm.rooms.length : f.records.length,
    issues: f.issues,
  };
}

async function parseStored(db: Executor, exchangeId: string, today: string): Promise<ParsedFile[]> {
  const files = await readExchangeFiles(db, exchangeId);
  return Promise.all(files.map((f) => parseFile(f.id, f.fileName, f.bytes, today, f.formatId as FormatId | null)));
}

function callerName(ctx: HandlerContext): string | null {
  return ctx.caller.user?.name ?? null;
}

export async function previewPull(ctx: HandlerContext, uploads: { fileName: string; contentBase64: string }[]): Promise<PullPreview> {
  const today = schoolToday();
  const bytes = uploads.map((u) => Buffer.from(u.contentBase64, 'base64'));
  const parsed = await Promise.all(uploads.map((u, i) => parseFile(`f${i}`, u.fileName, bytes[i], today)));
  const plan = await buildPlan(ctx.core.db, parsed, {}, today, { ops: false });
  const counts = countEntries(plan.entries);
  const title = `Загрузка из портала: ${uploads.map((u) => u.fileName).join(', ')}`.slice(0, 500);
  const { id, fileIds } = await ctx.core.db.transaction().execute(async (trx) => {
    const created = await insertExchange(
      trx,
      { direction: 'pull', status: 'previewed', title, summary: { counts, signature: planSignature(plan.entries), files: parsed.map(fileInfo) }, createdBy: callerName(ctx) },
      parsed.map((p, i) => ({ fileName: p.fileName, formatId: p.formatId, bytes: bytes[i], rows: fileInfo(p).rows })),
    );
    await ctx.audit.record(trx, { entity: 'portalExchange', recordId: created.id, action: 'create', changes: { title: [null, title], preview: [null, counts] } });
    return created;
  });
  // Entry keys name the stored file ids from now on, so decisions survive a reload of the preview.
  const remap = (key: string) => key.replace(/^f(\d+):/, (_, n: string) => `${fileIds[Number(n)]}:`);
  const entries = plan.entries.map((e) => ({ ...e, key: remap(e.key) }));
  const files = parsed.map((p, i) => ({ ...fileInfo(p), id: fileIds[i] }));
  const e = await readExchange(ctx.core.db, id);
  // The signature is over the stored keys: the one apply will recompute.
  await ctx.core.db.updateTable('portalExchange').set({ summary: JSON.stringify({ ...e.summary, signature: planSignature(entries), files }) }).where('id', '=', id).execute();
  return { exchangeId: id, status: 'previewed', version: e.version, createdAt: e.createdAt, files, counts, entries };
}

export async function getPull(ctx: HandlerContext, exchangeId: string): Promise<PullPreview> {
  const e = await readExchange(ctx.core.db, exchangeId);
  if (e.direction !== 'pull') throw new AppError('NOT_FOUND', 'Это не загрузка из портала.');
  const parsed = await parseStored(ctx.core.db, exchangeId, schoolToday());
  const plan = await buildPlan(ctx.core.db, parsed, {}, schoolToday(), { ops: false });
  return { exchangeId, status: e.status, version: e.version, createdAt: e.createdAt, files: parsed.map(fileInfo), counts: countEntries(plan.entries), entries: plan.entries };
}

export async function cancelPull(ctx: HandlerContext, exchangeId: string, version: number): Promise<{ cancelled: boolean }> {
  return ctx.core.db.transaction().execute(async (trx) => {
    const e = await readExchange(trx, exchangeId);
    if (e.status !== 'previewed') return { cancelled: false };
    await setExchangeStatus(trx, exchangeId, version, { status: 'cancelled', finishedBy: callerName(ctx) });
    await ctx.audit.record(trx, { entity: 'portalExchange', recordId: exchangeId, action: 'update', changes: { status: ['previewed', 'cancelled'] } });
    return { cancelled: true };
  });
}

export async function applyPull(ctx: HandlerContext, exchangeId: string, version: number, decisions: Decisions): Promise<PullReport> {
  const today = schoolToday();
  const report = await ctx.core.db.transaction().execute(async (trx) => {
    const e = await readExchange(trx, exchangeId);
    if (e.direction !== 'pull') throw new AppError('NOT_FOUND', 'Это не загрузка из портала.');
    if (e.status !== 'previewed') throw new AppError('CONFLICT', `Эта загрузка уже ${e.status === 'applied' ? 'применена' : 'отменена'}. Чтобы загрузить файлы ещё раз, начните новую загрузку.`);
    if (e.version !== version) throw new AppError('CONFLICT', 'Эту загрузку только что изменил другой пользователь. Обновите предпросмотр; ничего не сохранено.');
    const parsed = await parseStored(trx, exchangeId, today);
    const decided = Object.keys(decisions).length > 0;
    const check = await buildPlan(trx, parsed, {}, today, { ops: !decided });
    if (planSignature(check.entries) !== e.summary.signature) {
      throw new AppError('CONFLICT', 'С момента предпросмотра данные в программе изменились (кто-то правил карточки или уже загрузил эти файлы). Откройте предпросмотр заново и проверьте изменения; ничего не сохранено.');
    }
    const plan = decided ? await buildPlan(trx, parsed, decisions, today) : check;
    const cause = `Загрузка из портала: ${parsed.map((p) => p.fileName).join(', ')}`.slice(0, 500);
    const written = await applyPlan(ctx, trx, plan, cause, today);
    const found = plan.entries.filter((x) => (x.entity === 'pupil' || x.entity === 'parent' || x.entity === 'staff') && x.recordId && x.action !== 'rejected').map((x) => ({ kind: x.entity, id: x.recordId! }));
    const confirmed = await confirmPushes(trx, found, new Date().toISOString());
    const counts = countEntries(plan.entries);
    await setExchangeStatus(trx, exchangeId, version, { status: 'applied', summary: { ...e.summary, counts, written, decisions, confirmedPushes: confirmed }, finishedBy: callerName(ctx) });
    await ctx.audit.record(trx, { entity: 'portalExchange', recordId: exchangeId, action: 'update', changes: { status: ['previewed', 'applied'], written: [null, written] }, cause });
    return { exchangeId, status: 'applied', counts, written, confirmedPushes: confirmed, accountsCreated: written.account ?? 0 };
  });
  // A pull touches people, classes, the load and the movement book: every open list refreshes.
  for (const entity of ['pupil', 'parent', 'staff', 'schoolClass', 'classMembership', 'movementOrder', 'portalAccount'] as const) ctx.core.events.emit({ type: 'dataChanged', entity });
  return report;
}

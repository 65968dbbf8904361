import type { PullPreview, PullReport } from '../../../../src-shared/contract/exchange';
import { newId } from '../../../../src-shared/domain/ids';
import { pipelinedInserts } from '../../db/insertMany';
import { AppError } from '../../../../src-shared/errors';
import { schoolToday } from '../../foundation/clock';
import type { HandlerContext } from '../../foundation/context';
import type { Executor } from '../../foundation/executor';
import type { Job } from '../../foundation/jobs';
import { formatTitle, FORMATS, type FormatId } from '../formats/catalog';
import { insertExchange, readExchange, readExchangeFiles, setExchangeStatus } from '../repo/exchanges';
import { applyPlan } from './applyPlan';
import { confirmPushes } from '../repo/pushConfirm';
import { parseFile } from './parseFiles';
import { buildPlan, countEntries, planSignature } from './plan';
import type { Decisions, ParsedFile } from './planTypes';
import { dropStaleEntries, FIRST_PAGE, previewGroups, storeEntries } from '../repo/previewStore';

/**
 * The pull's long work, run in the core's job worker (core/workerJobs.ts) with its own database
 * connection: reading and planning the files for the preview (stored with its entries), and apply —
 * plan again inside one transaction, check it is what the person saw, write it. Progress goes to the
 * person's screen under the job id the client chose; «Остановить» rolls everything back.
 */
type Handle = Pick<Job, 'progress' | 'throwIfCancelled'>;

export function fileInfo(f: ParsedFile): PullPreview['files'][number] {
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
    notImported: f.notImported,
  };
}

/**
 * The files the last preview of this worker read, kept for its apply (a district's file is read
 * again in 0,1–0,2 s otherwise). The stored files of an exchange never change; the apply checks
 * the plan's signature against the preview's either way.
 */
let lastParsed: { exchangeId: string; today: string; parsed: ParsedFile[] } | null = null;

function takeParsed(exchangeId: string, today: string): ParsedFile[] | null {
  const kept = lastParsed;
  lastParsed = null;
  return kept && kept.exchangeId === exchangeId && kept.today === today ? kept.parsed : null;
}

export async function parseStored(db: Executor, exchangeId: string, today: string): Promise<ParsedFile[]> {
  const files = await readExchangeFiles(db, exchangeId);
  return Promise.all(files.map((f) => parseFile(f.id, f.fileName, f.bytes, today, f.formatId as FormatId | null)));
}

function callerName(ctx: HandlerContext): string | null {
  return ctx.caller.user?.name ?? null;
}

/** Runs `work` as a job the person watches (and may stop) under `jobId`. */
async function asJob<T>(ctx: HandlerContext, title: string, jobId: string | undefined, work: (job: Handle) => Promise<T>): Promise<T> {
  const job = ctx.core.jobs.start(title, jobId);
  try {
    const value = await work(job);
    job.finish('Готово');
    return value;
  } catch (e) {
    job.finish(e instanceof AppError && e.code === 'CANCELLED' ? 'Отменено' : 'Ошибка');
    throw e;
  }
}

export function previewPull(ctx: HandlerContext, input: { uploads: { fileName: string; contentBase64: string }[]; jobId?: string }): Promise<PullPreview> {
  return asJob(ctx, 'Загрузка из портала: предпросмотр', input.jobId, (job) => previewJob(ctx, input.uploads, job));
}

export async function applyPull(ctx: HandlerContext, input: { exchangeId: string; version: number; decisions: Decisions; jobId?: string }): Promise<PullReport> {
  const report = await asJob(ctx, 'Загрузка из портала: запись', input.jobId, (job) => applyJob(ctx, input.exchangeId, input.version, input.decisions, job));
  // A pull touches people, classes, the load and the movement book: every open list refreshes.
  for (const entity of ['pupil', 'parent', 'staff', 'schoolClass', 'classMembership', 'movementOrder', 'portalAccount'] as const) ctx.core.events.emit({ type: 'dataChanged', entity });
  return report;
}

async function previewJob(ctx: HandlerContext, uploads: { fileName: string; contentBase64: string }[], job: Handle): Promise<PullPreview> {
  const today = schoolToday();
  job.progress(0, 3, 'Чтение файлов');
  const bytes = uploads.map((u) => Buffer.from(u.contentBase64, 'base64'));
  // Stored file ids from the start: entry keys name them, so decisions survive a reload of the preview.
  const fileIds = uploads.map(() => newId());
  const parsed = await Promise.all(uploads.map((u, i) => parseFile(fileIds[i], u.fileName, bytes[i], today)));
  job.throwIfCancelled();
  job.progress(1, 3, 'Сопоставление с данными программы');
  const plan = await buildPlan(ctx.core.db, parsed, {}, today, { ops: false, job });
  const counts = countEntries(plan.entries);
  const groups = previewGroups(plan.entries);
  const files = parsed.map(fileInfo);
  const title = `Загрузка из портала: ${uploads.map((u) => u.fileName).join(', ')}`.slice(0, 500);
  const summary = { counts, groups, total: plan.entries.length, signature: planSignature(plan.entries), files };
  job.progress(2, 3, 'Сохранение предпросмотра');
  const exchangeId = newId();
  await ctx.core.db.transaction().execute((trx) => pipelinedInserts(trx, async () => {
    await insertExchange(trx, { direction: 'pull', status: 'previewed', title, summary, createdBy: callerName(ctx) }, parsed.map((p, i) => ({ id: fileIds[i], fileName: p.fileName, formatId: p.formatId, bytes: bytes[i], rows: fileInfo(p).rows })), exchangeId);
    await storeEntries(trx, exchangeId, plan.entries, () => job.throwIfCancelled());
    await dropStaleEntries(trx, new Date().toISOString());
    await ctx.audit.record(trx, { entity: 'portalExchange', recordId: exchangeId, action: 'create', changes: { title: [null, title], preview: [null, counts] } });
  }));
  lastParsed = { exchangeId, today, parsed };
  const e = await readExchange(ctx.core.db, exchangeId);
  job.progress(3, 3, 'Готово');
  return { exchangeId, status: 'previewed', version: e.version, createdAt: e.createdAt, files, counts, groups, total: plan.entries.length, entries: plan.entries.slice(0, FIRST_PAGE) };
}

async function applyJob(ctx: HandlerContext, exchangeId: string, version: number, decisions: Decisions, job: Handle): Promise<PullReport> {
  const today = schoolToday();
  // The inserts are pipelined (PostgreSQL): the next rows are built while the server writes.
  return ctx.core.db.transaction().execute((trx) => pipelinedInserts(trx, async () => {
    const e = await readExchange(trx, exchangeId);
    if (e.direction !== 'pull') throw new AppError('NOT_FOUND', 'Это не загрузка из портала.');
    if (e.status !== 'previewed') throw new AppError('CONFLICT', `Эта загрузка уже ${e.status === 'applied' ? 'применена' : 'отменена'}. Чтобы загрузить файлы ещё раз, начните новую загрузку.`);
    if (e.version !== version) throw new AppError('CONFLICT', 'Эту загрузку только что изменил другой пользователь. Обновите предпросмотр; ничего не сохранено.');
    job.progress(0, 1, 'Чтение файлов');
    const parsed = takeParsed(exchangeId, today) ?? (await parseStored(trx, exchangeId, today));
    const decided = Object.keys(decisions).length > 0;
    job.progress(0, 1, 'Сопоставление с данными программы');
    const check = await buildPlan(trx, parsed, {}, today, { ops: !decided, job });
    if (planSignature(check.entries) !== e.summary.signature) {
      throw new AppError('CONFLICT', 'С момента предпросмотра данные в программе изменились (кто-то правил карточки или уже загрузил эти файлы). Откройте предпросмотр заново и проверьте изменения; ничего не сохранено.');
    }
    const plan = decided ? await buildPlan(trx, parsed, decisions, today, { job }) : check;
    const cause = `Загрузка из портала: ${parsed.map((p) => p.fileName).join(', ')}`.slice(0, 500);
    const written = await applyPlan(ctx, trx, plan, cause, today, exchangeId, job);
    const found = plan.entries.filter((x) => (x.entity === 'pupil' || x.entity === 'parent' || x.entity === 'staff') && x.recordId && x.action !== 'rejected').map((x) => ({ kind: x.entity, id: x.recordId! }));
    const confirmed = await confirmPushes(trx, found, new Date().toISOString());
    const counts = countEntries(plan.entries);
    await setExchangeStatus(trx, exchangeId, version, { status: 'applied', summary: { ...e.summary, counts, written, decisions, confirmedPushes: confirmed }, finishedBy: callerName(ctx) });
    await ctx.audit.record(trx, { entity: 'portalExchange', recordId: exchangeId, action: 'update', changes: { status: ['previewed', 'applied'], written: [null, written] }, cause });
    job.throwIfCancelled();
    return { exchangeId, status: 'applied', counts, written, confirmedPushes: confirmed, accountsCreated: written.account ?? 0 };
  }));
}

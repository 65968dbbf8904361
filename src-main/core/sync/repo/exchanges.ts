import { createHash } from 'node:crypto';
import type { ExchangeRow } from '../../../../src-shared/contract/exchange';
import { newId } from '../../../../src-shared/domain/ids';
import { AppError } from '../../../../src-shared/errors';
import type { Executor } from '../../foundation/executor';


/** Exchanges with the portal and their files (migration 0060). */
export interface StoredFile {
  id: string;
  fileName: string;
  formatId: string | null;
  bytes: Buffer;
}

export async function insertExchange(
  db: Executor,
  e: { direction: 'pull' | 'push'; status: string; title: string; summary: Record<string, unknown>; createdBy: string | null },
  files: { id?: string; fileName: string; formatId: string | null; bytes: Uint8Array; rows: number }[],
  exchangeId?: string,
): Promise<{ id: string; fileIds: string[] }> {
  const id = exchangeId ?? newId();
  const at = new Date().toISOString();
  await db.insertInto('portalExchange').values({ id, direction: e.direction, status: e.status, title: e.title, summary: JSON.stringify(e.summary), createdAt: at, createdBy: e.createdBy, finishedAt: null, finishedBy: null, version: 1 }).execute();
  const fileIds: string[] = [];
  for (const [i, f] of files.entries()) {
    const fid = f.id ?? newId();
    fileIds.push(fid);
    const buf = Buffer.from(f.bytes);
    await db
      .insertInto('portalExchangeFile')
      .values({ id: fid, exchangeId: id, ordinal: i, fileName: f.fileName, formatId: f.formatId, size: buf.length, sha256: createHash('sha256').update(buf).digest('hex'), rows: f.rows, contentBase64: buf.toString('base64') })
      .execute();
  }
  return { id, fileIds };
}

export async function readExchange(db: Executor, id: string) {
  const e = await db.selectFrom('portalExchange').selectAll().where('id', '=', id).executeTakeFirst();
  if (!e) throw new AppError('NOT_FOUND', 'Обмен с порталом не найден: обновите историю обмена.');
  return { ...e, version: Number(e.version), summary: JSON.parse(e.summary) as Record<string, unknown> };
}

export async function readExchangeFiles(db: Executor, exchangeId: string): Promise<StoredFile[]> {
  const rows = await db.selectFrom('portalExchangeFile').select(['id', 'fileName', 'formatId', 'contentBase64']).where('exchangeId', '=', exchangeId).orderBy('ordinal').execute();
  return rows.map((r) => ({ id: r.id, fileName: r.fileName, formatId: r.formatId, bytes: Buffer.from(r.contentBase64, 'base64') }));
}

/** Moves an exchange on, against the version the person saw; stale → CONFLICT. */
export async function setExchangeStatus(db: Executor, id: string, version: number, patch: { status: string; summary?: Record<string, unknown>; finishedBy?: string | null }): Promise<void> {
  const r = await db
    .updateTable('portalExchange')
    .set({ status: patch.status, ...(patch.summary ? { summary: JSON.stringify(patch.summary) } : {}), finishedAt: new Date().toISOString(), finishedBy: patch.finishedBy ?? null, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw new AppError('CONFLICT', 'Этот обмен с порталом только что изменил другой пользователь. Обновите страницу; ничего не сохранено.');
}

/** The last pull that was applied (what «Сверка» compares the office with), or undefined. */
export function lastAppliedPull(db: Executor) {
  return db.selectFrom('portalExchange').select(['id', 'finishedAt']).where('direction', '=', 'pull').where('status', '=', 'applied').orderBy('finishedAt', 'desc').limit(1).executeTakeFirst();
}

/** One stored file of an exchange, for downloading it again. */
export function findExchangeFile(db: Executor, fileId: string) {
  return db.selectFrom('portalExchangeFile').select(['id', 'exchangeId', 'fileName', 'contentBase64', 'rows']).where('id', '=', fileId).executeTakeFirst();
}

export async function listExchanges(db: Executor, limit: number): Promise<ExchangeRow[]> {
  const rows = await db.selectFrom('portalExchange').selectAll().orderBy('createdAt', 'desc').limit(limit).execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const files = await db.selectFrom('portalExchangeFile').select(['id', 'exchangeId', 'fileName', 'formatId', 'size', 'rows']).where('exchangeId', 'in', ids).orderBy('ordinal').execute();
  const items = await db.selectFrom('portalExchangeItem').select(['exchangeId', 'confirmedAt']).where('exchangeId', 'in', ids).execute();
  return rows.map((r) => ({
    id: r.id,
    direction: r.direction,
    status: r.status,
    title: r.title,
    createdAt: r.createdAt,
    createdBy: r.createdBy,
    finishedAt: r.finishedAt,
    finishedBy: r.finishedBy,
    version: Number(r.version),
    summary: JSON.parse(r.summary) as Record<string, unknown>,
    files: files.filter((f) => f.exchangeId === r.id).map((f) => ({ id: f.id, fileName: f.fileName, formatId: f.formatId, size: Number(f.size), rows: Number(f.rows) })),
    items: items.filter((i) => i.exchangeId === r.id).length,
    confirmed: items.filter((i) => i.exchangeId === r.id && i.confirmedAt).length,
  }));
}

import { sql } from 'kysely';
import type { PreviewEntry, PullPreview } from '../../../../src-shared/contract/exchange';
import { insertMany } from '../../db/insertMany';
import type { Executor } from '../../foundation/executor';

/**
 * A pull's preview entries are stored with the exchange (`portal_exchange_entry`) by the job that
 * planned them; the browser asks for pages, filtered by action, kind, remarks or a name, and the
 * server answers from here — a district's 53 000 entries never travel to the browser at once.
 */
export type PreviewGroup = PullPreview['groups'][number];
export type PreviewFilter = { offset: number; limit: number; action: PreviewEntry['action'] | null; entity: PreviewEntry['entity'] | null; warnedOnly: boolean; search: string };

export const FIRST_PAGE = 50;
const BATCH = 500;

function searchText(label: string): string {
  return label.toLowerCase().replace(/ё/g, 'е');
}

/** Counts by kind and action, with how many entries carry remarks. */
export function previewGroups(entries: readonly PreviewEntry[]): PreviewGroup[] {
  const m = new Map<string, PreviewGroup>();
  for (const e of entries) {
    const k = `${e.entity}|${e.action}`;
    let g = m.get(k);
    if (!g) m.set(k, (g = { entity: e.entity, action: e.action, count: 0, warned: 0 }));
    g.count++;
    if (e.issues.length > 0) g.warned++;
  }
  return [...m.values()];
}

/** Writes the entries in the order of the preview (`seq`), in batches. */
export async function storeEntries(db: Executor, exchangeId: string, entries: readonly PreviewEntry[], onBatch?: (done: number) => void): Promise<void> {
  for (let i = 0; i < entries.length; i += BATCH) {
    const rows = entries.slice(i, i + BATCH).map((e, k) => ({
      exchangeId,
      seq: i + k,
      entity: e.entity,
      action: e.action,
      warned: e.issues.length > 0 ? 1 : 0,
      search: searchText(e.label),
      entry: JSON.stringify(e),
    }));
    await insertMany(db, 'portalExchangeEntry', rows);
    onBatch?.(Math.min(entries.length, i + BATCH));
  }
}

/** A page of the stored entries, filtered; `total` counts every entry the filter lets through. */
export async function readEntries(db: Executor, exchangeId: string, f: PreviewFilter): Promise<{ total: number; entries: PreviewEntry[] }> {
  let q = db.selectFrom('portalExchangeEntry').where('exchangeId', '=', exchangeId);
  if (f.action) q = q.where('action', '=', f.action);
  if (f.entity) q = q.where('entity', '=', f.entity);
  if (f.warnedOnly) q = q.where('warned', '=', 1);
  const needle = searchText(f.search.trim());
  // `%` and `_` typed by a person are letters, not wildcards (the same escape on both databases).
  if (needle) q = q.where(sql<boolean>`search like ${`%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`);
  const [count, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    q.select('entry').orderBy('seq').limit(f.limit).offset(f.offset).execute(),
  ]);
  return { total: Number(count.n), entries: rows.map((r) => JSON.parse(r.entry) as PreviewEntry) };
}

/** Entries of previews nobody applied or cancelled for a day: their files stay, the entries go. */
/** The stored preview of a cancelled pull goes with it. */
export async function deleteEntries(db: Executor, exchangeId: string): Promise<void> {
  await db.deleteFrom('portalExchangeEntry').where('exchangeId', '=', exchangeId).execute();
}

export async function dropStaleEntries(db: Executor, now: string): Promise<void> {
  const dayAgo = new Date(Date.parse(now) - 24 * 3600_000).toISOString();
  const stale = db.selectFrom('portalExchange').select('id').where('direction', '=', 'pull').where('status', 'in', ['previewed', 'cancelled']).where('createdAt', '<', dayAgo);
  await db.deleteFrom('portalExchangeEntry').where('exchangeId', 'in', stale).execute();
}

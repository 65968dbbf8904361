import type { Executor } from '../../foundation/executor';

/**
 * When and by whom records were created or last changed, read from the audit log: the log is
 * written in the same transaction as the data, so its time is the time the record entered the app.
 * The deadline monitor asks this to tell whether a calendar record was entered early enough.
 */
export interface Trace {
  /** ISO instant (UTC). */
  at: string;
  userName: string | null;
}

const CHUNK = 500;

/** The create row of each record (the first one, if a record was deleted and created again under its id). */
export async function creationTraces(db: Executor, entity: string, recordIds: readonly string[]): Promise<Map<string, Trace>> {
  const out = new Map<string, Trace>();
  const ids = [...new Set(recordIds)];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db
      .selectFrom('auditLog')
      .select(['recordId', 'at', 'userName'])
      .where('entity', '=', entity)
      .where('action', '=', 'create')
      .where('recordId', 'in', ids.slice(i, i + CHUNK))
      .orderBy('seq', 'asc')
      .execute();
    for (const r of rows) if (r.recordId && !out.has(r.recordId)) out.set(r.recordId, { at: r.at, userName: r.userName });
  }
  return out;
}

/** The latest change (any action but an export) of any of the records, or null when the log has none. */
export async function lastChangeTrace(db: Executor, entities: readonly string[], recordIds: readonly string[]): Promise<Trace | null> {
  const ids = [...new Set(recordIds)];
  let best: Trace | null = null;
  for (let i = 0; i < ids.length; i += CHUNK) {
    const row = await db
      .selectFrom('auditLog')
      .select(['at', 'userName'])
      .where('entity', 'in', [...entities])
      .where('recordId', 'in', ids.slice(i, i + CHUNK))
      .where('action', '!=', 'export')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (row && (!best || row.at > best.at)) best = { at: row.at, userName: row.userName };
  }
  return best;
}

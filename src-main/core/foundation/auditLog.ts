import { newId } from '../../../src-shared/domain/ids';
import { insertMany } from '../db/insertMany';
import type { AuditLogTable } from '../db/schema';
import type { Executor } from './executor';

export interface AuditEntry extends Pick<AuditLogTable, 'userId' | 'userName' | 'transport' | 'method' | 'entity' | 'recordId'> {
  action: 'create' | 'update' | 'delete' | 'export' | 'call' | 'signin' | 'signout' | 'lock' | string;
  changes?: unknown;
  cause?: string | null;
}

function auditRow(entry: AuditEntry) {
  return {
    id: newId(),
    at: new Date().toISOString(),
    userId: entry.userId,
    userName: entry.userName,
    transport: entry.transport,
    method: entry.method,
    entity: entry.entity,
    recordId: entry.recordId,
    action: entry.action,
    changes: entry.changes === undefined ? null : JSON.stringify(entry.changes),
    cause: entry.cause ?? null,
  };
}

export async function insertAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await db.insertInto('auditLog').values(auditRow(entry)).execute();
}

/**
 * Many audit rows in a few statements (a pull writing a whole school): on PostgreSQL every
 * statement is a round trip, and one per row was most of a big import's time.
 */
export async function insertAudits(db: Executor, entries: readonly AuditEntry[]): Promise<void> {
  await insertMany(db, 'auditLog', entries.map(auditRow));
}

/** Field-level difference `{ field: [old, new] }`; only fields whose value changed. */
export function diffFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const k of keys) {
    if (k === 'version' || k === 'updatedAt' || k === 'updatedBy') continue;
    const a = before?.[k] ?? null;
    const b = after?.[k] ?? null;
    if (JSON.stringify(a) !== JSON.stringify(b)) out[k] = [a, b];
  }
  return out;
}

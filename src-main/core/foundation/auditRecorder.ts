import { insertAudit } from './auditLog';
import type { AuditRecorder, Caller } from './context';
import type { Executor } from './executor';

/**
 * Writes audit rows for one call in the caller's name (or the named actor's), counting them;
 * `onChange` hears of every changed record (not exports), so the caller can announce it.
 */
export function auditRecorder(
  caller: Caller,
  method: string,
  entity: string,
  onChange?: (entity: string | undefined, recordId: string | null) => void,
): AuditRecorder & { readonly exported: number } {
  let recorded = 0;
  let exported = 0;
  return {
    async record(db: Executor, entry) {
      await insertAudit(db, {
        userId: entry.actor ? entry.actor.id : (caller.user?.id ?? null),
        userName: entry.actor ? entry.actor.name : (caller.user?.name ?? null),
        transport: caller.transport,
        method,
        entity: entry.entity ?? entity,
        recordId: entry.recordId,
        action: entry.action,
        changes: entry.changes,
        cause: entry.cause ?? null,
      });
      recorded++;
      if (entry.action === 'export') exported++;
      else onChange?.(entry.entity, entry.recordId);
    },
    countElsewhere(rows, exports) {
      recorded += rows;
      exported += exports;
    },
    get count() {
      return recorded;
    },
    get exported() {
      return exported;
    },
  };
}

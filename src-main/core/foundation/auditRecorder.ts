import { insertAudit, insertAudits, type AuditEntry } from './auditLog';
import type { AuditRecorder, Caller } from './context';
import type { Executor } from './executor';

/** A record a call changed, as its audit row names it (the entity is the method's when unnamed). */
export type ChangedRecord = (entity: string | undefined, recordId: string | null) => void;

/**
 * Writes audit rows for one call in the caller's name (or the named actor's), counting them and
 * telling `changed` about every row that is not an export (the dispatcher announces them).
 */
export function auditRecorder(caller: Caller, method: string, entity: string, changed: ChangedRecord = () => undefined): AuditRecorder & { readonly exported: number } {
  let recorded = 0;
  let exported = 0;
  const rowOf = (entry: Parameters<AuditRecorder['record']>[1]): AuditEntry => ({
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
  const counted = (entry: Parameters<AuditRecorder['record']>[1]) => {
    recorded++;
    if (entry.action === 'export') exported++;
    else changed(entry.entity, entry.recordId);
  };
  const recorder: AuditRecorder & { readonly exported: number } = {
    async record(db: Executor, entry) {
      await insertAudit(db, rowOf(entry));
      counted(entry);
    },
    batched(db: Executor) {
      let held: AuditEntry[] = [];
      const flush = async () => {
        const rows = held;
        held = [];
        await insertAudits(db, rows);
      };
      const batch: AuditRecorder & { flush(): Promise<void> } = {
        async record(_db: Executor, entry) {
          held.push(rowOf(entry));
          counted(entry);
          if (held.length >= 1000) await flush();
        },
        batched: () => batch,
        flush,
        get count() {
          return recorded;
        },
      };
      return batch;
    },
    countElsewhere(rows, exports, records = []) {
      recorded += rows;
      exported += exports;
      for (const r of records) changed(r.entity ?? undefined, r.recordId);
    },
    get count() {
      return recorded;
    },
    get exported() {
      return exported;
    },
  };
  return recorder;
}

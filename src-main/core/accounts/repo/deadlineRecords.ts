import type { Executor } from '../../foundation/executor';

/**
 * The portal-account tasks as the deadline monitor reads them (issue 20): each person's order, due
 * date, state and hand-over. The monitor groups them by order; the accounts stay the only record.
 */
export interface AccountTaskRecord {
  id: string;
  personKind: string;
  orderDate: string | null;
  orderNumber: string | null;
  dueDate: string | null;
  status: string;
  handedOverOn: string | null;
  handedOverBy: string | null;
  version: number;
}

export async function accountTaskRecords(db: Executor): Promise<AccountTaskRecord[]> {
  const rows = await db
    .selectFrom('portalAccount')
    .select(['id', 'personKind', 'orderDate', 'orderNumber', 'dueDate', 'status', 'handedOverOn', 'handedOverBy', 'version'])
    .orderBy('orderDate')
    .execute();
  return rows.map((r) => ({ ...r, version: Number(r.version) }));
}

/** Moves an open task's due date if it still has the version read; false when someone changed it meanwhile. */
export async function setAccountDueDate(db: Executor, id: string, version: number, dueDate: string, at: string): Promise<boolean> {
  const r = await db.updateTable('portalAccount').set({ dueDate, version: version + 1, updatedAt: at }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

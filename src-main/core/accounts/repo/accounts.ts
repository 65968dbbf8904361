import type { Insertable, Selectable } from 'kysely';
import type { PortalAccountTable } from '../../db/schemaPeople';
import type { PersonKind } from '../../../../src-shared/domain/personRules';
import type { Executor } from '../../foundation/executor';

/** The portal-account records (work order 3.5–3.8): one a person, its task and its life after. */
export type AccountRecord = Selectable<PortalAccountTable>;

export async function accountRecordOf(db: Executor, kind: PersonKind, personId: string): Promise<AccountRecord | undefined> {
  return db.selectFrom('portalAccount').selectAll().where('personKind', '=', kind).where('personId', '=', personId).executeTakeFirst();
}

export async function accountRecordById(db: Executor, id: string): Promise<AccountRecord | undefined> {
  return db.selectFrom('portalAccount').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function accountRecordsByIds(db: Executor, ids: readonly string[]): Promise<AccountRecord[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('portalAccount').selectAll().where('id', 'in', [...ids]).execute();
}

export async function accountRecordsOfPersons(db: Executor, personIds: readonly string[]): Promise<AccountRecord[]> {
  if (personIds.length === 0) return [];
  return db.selectFrom('portalAccount').selectAll().where('personId', 'in', [...personIds]).execute();
}

export async function accountRecordsOfKinds(db: Executor, kinds: readonly string[], status?: string): Promise<AccountRecord[]> {
  let q = db.selectFrom('portalAccount').selectAll().where('personKind', 'in', [...kinds]);
  if (status) q = q.where('status', '=', status);
  return q.execute();
}

export async function insertAccountTask(
  db: Executor,
  r: { id: string; personKind: PersonKind; personId: string; orderNumber: string | null; orderDate: string; dueDate: string | null; now: string },
): Promise<void> {
  await db
    .insertInto('portalAccount')
    .values({ id: r.id, personKind: r.personKind, personId: r.personId, status: 'toCreate', orderNumber: r.orderNumber, orderDate: r.orderDate, dueDate: r.dueDate, version: 1, createdAt: r.now, updatedAt: r.now })
    .execute();
}

/** Writes the record when it is still at `version`; false when someone changed it first. */
export async function updateAccountAt(db: Executor, id: string, version: number, set: Partial<AccountRecord>, now: string): Promise<boolean> {
  const res = await db
    .updateTable('portalAccount')
    .set({ ...set, version: version + 1, updatedAt: now })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}


/** The records of these people of one kind, a few statements for many people. */
export async function accountRecordsOfKindPersons(db: Executor, kind: PersonKind, personIds: readonly string[]): Promise<AccountRecord[]> {
  const list = [...new Set(personIds)];
  const out: AccountRecord[] = [];
  for (let i = 0; i < list.length; i += 500) out.push(...(await db.selectFrom('portalAccount').selectAll().where('personKind', '=', kind).where('personId', 'in', list.slice(i, i + 500)).execute()));
  return out;
}

/** New records, many rows a statement. */
export async function insertAccountRows(db: Executor, rows: readonly Insertable<PortalAccountTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await db.insertInto('portalAccount').values(rows.slice(i, i + 1000)).execute();
}

import type { Executor } from '../../foundation/executor';

/** The builder's saved definitions (table `report_definition`, migration 0080). */
export interface SavedRow {
  id: string;
  name: string;
  definition: string;
  audience: string;
  createdBy: string | null;
  updatedAt: string;
  version: number;
}

const COLUMNS = ['id', 'name', 'definition', 'audience', 'createdBy', 'updatedAt', 'version'] as const;

export async function findSaved(db: Executor, id: string): Promise<SavedRow | undefined> {
  return db.selectFrom('reportDefinition').select(COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function listSaved(db: Executor): Promise<SavedRow[]> {
  return db.selectFrom('reportDefinition').select(COLUMNS).orderBy('name').execute();
}

export async function insertSaved(db: Executor, row: { id: string; name: string; nameKey: string; entity: string; definition: string; audience: string; createdBy: string | null; at: string }): Promise<void> {
  const { at, ...values } = row;
  await db.insertInto('reportDefinition').values({ ...values, version: 1, createdAt: at, updatedAt: at }).execute();
}

/** Writes a new version over the one the user read; false when someone saved first. */
export async function updateSaved(db: Executor, id: string, version: number, values: { name: string; nameKey: string; entity: string; definition: string; audience: string; at: string }): Promise<boolean> {
  const { at, ...rest } = values;
  const r = await db.updateTable('reportDefinition').set({ ...rest, version: version + 1, updatedAt: at }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function deleteSaved(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('reportDefinition').where('id', '=', id).execute();
}

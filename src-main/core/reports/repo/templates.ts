import type { Executor } from '../../foundation/executor';

/** The print forms' templates the school replaced (table `report_template`, migration 0080). */
export async function findTemplate(db: Executor, key: string) {
  return db.selectFrom('reportTemplate').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function templateMeta(db: Executor, key: string) {
  return db.selectFrom('reportTemplate').select(['fileName', 'updatedAt', 'updatedBy', 'version']).where('key', '=', key).executeTakeFirst();
}

export async function writeTemplate(db: Executor, key: string, values: { fileName: string; contentBase64: string; version: number; updatedAt: string; updatedBy: string | null }, exists: boolean): Promise<void> {
  if (exists) await db.updateTable('reportTemplate').set(values).where('key', '=', key).execute();
  else await db.insertInto('reportTemplate').values({ key, ...values }).execute();
}

export async function deleteTemplate(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('reportTemplate').where('key', '=', key).execute();
}

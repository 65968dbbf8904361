import type { Insertable, Selectable } from 'kysely';
import type { DeadlineRuleTable } from '../../db/schemaDeadlines';
import type { Executor } from '../../foundation/executor';

/** SQL of the rule table: the administrator's copies of shipped rules and the school's own rules. */

export type RuleRecord = Selectable<DeadlineRuleTable>;

export async function storedRules(db: Executor): Promise<RuleRecord[]> {
  return db.selectFrom('deadlineRule').selectAll().orderBy('key').execute();
}

export async function findRule(db: Executor, key: string): Promise<RuleRecord | undefined> {
  return db.selectFrom('deadlineRule').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function insertRule(db: Executor, row: Insertable<DeadlineRuleTable>): Promise<void> {
  await db.insertInto('deadlineRule').values(row).execute();
}

/** Writes the row only if it still has the version read; false when someone saved meanwhile. */
export async function updateRuleIf(db: Executor, key: string, version: number, row: Omit<Insertable<DeadlineRuleTable>, 'key' | 'version'>): Promise<boolean> {
  const r = await db.updateTable('deadlineRule').set({ ...row, version: version + 1 }).where('key', '=', key).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function deleteRuleIf(db: Executor, key: string, version: number): Promise<boolean> {
  const r = await db.deleteFrom('deadlineRule').where('key', '=', key).where('version', '=', version).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

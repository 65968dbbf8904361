import type { Executor } from './executor';

/**
 * One row of the key–value `appSetting` table, for settings of the school that have no table of
 * their own (the first-run wizard's progress). Domains with their own settings keep their own keys.
 */
export async function readAppSetting(db: Executor, key: string): Promise<string | null> {
  const row = await db.selectFrom('appSetting').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

export async function writeAppSetting(db: Executor, key: string, value: string, now: string): Promise<void> {
  await db.deleteFrom('appSetting').where('key', '=', key).execute();
  await db.insertInto('appSetting').values({ key, value, updatedAt: now }).execute();
}

import { sql } from 'kysely';
import type { TestCore } from './testDb';

/**
 * The whole database as one string: every table's rows, sorted. Equal before and after means the
 * calls between changed nothing. `exclude` names tables a call may legitimately touch (sessions,
 * the log of a refusal, a preview's own record).
 */
export async function databaseFingerprint(t: TestCore, exclude: readonly string[] = ['app_session']): Promise<string> {
  const tables = (await t.core.db.introspection.getTables()).map((x) => x.name).filter((n) => !exclude.includes(n) && !n.startsWith('kysely_'));
  const out: Record<string, string[]> = {};
  for (const name of tables.sort()) out[name] = (await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(t.core.db)).rows.map((r) => JSON.stringify(r)).sort();
  return JSON.stringify(out);
}

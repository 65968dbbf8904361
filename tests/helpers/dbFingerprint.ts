import { sql } from 'kysely';
import type { TestCore } from './testDb';

/** Table names per test core: no call creates tables, and introspection is the slowest part on PostgreSQL. */
const tableLists = new WeakMap<TestCore, Promise<string[]>>();

/**
 * The whole database as one string: every table except sessions (a call may touch `last_seen_at`),
 * rows sorted. Equal before and after means the call changed nothing. `except` leaves out more
 * tables (a read's own export row in the audit log).
 */
export async function fingerprint(t: TestCore, except: readonly string[] = []): Promise<string> {
  let list = tableLists.get(t);
  if (!list) {
    list = t.core.db.introspection.getTables().then((all) => all.map((x) => x.name).filter((n) => n !== 'app_session' && !n.startsWith('kysely_')).sort());
    tableLists.set(t, list);
  }
  const tables = await list;
  const out: Record<string, string[]> = {};
  for (const name of tables) {
    if (except.includes(name)) continue;
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(t.core.db);
    out[name] = rows.rows.map((r) => JSON.stringify(r)).sort();
  }
  return JSON.stringify(out);
}

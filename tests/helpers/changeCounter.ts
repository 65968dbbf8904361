import { sql } from 'kysely';
import type { TestCore } from './testDb';

/**
 * Row-change counters kept by the database itself: after `installChangeCounters`, every insert,
 * update and delete on any table (but the sessions, which a call may touch) bumps that table's
 * counter in `test_change_count`, whichever connection wrote — the core's, a worker's. Reading the
 * counters is one query, where a content fingerprint reads every row of every table and grows with
 * the database (the rights matrix took minutes in fingerprints alone). It is stricter than a
 * fingerprint, too: a write that puts back the same values still counts.
 */
const COUNTER = 'test_change_count';
const SKIP = new Set([COUNTER, 'app_session']);

export async function installChangeCounters(t: TestCore): Promise<void> {
  const db = t.core.db;
  const tables = (await db.introspection.getTables()).map((x) => x.name).filter((n) => !SKIP.has(n) && !n.startsWith('kysely_'));
  await sql`create table ${sql.table(COUNTER)} (tbl varchar(200) primary key, n integer not null)`.execute(db);
  for (const name of tables) await sql`insert into ${sql.table(COUNTER)} (tbl, n) values (${name}, 0)`.execute(db);
  if (t.kind === 'postgres') {
    await sql
      .raw(
        `create function test_bump_change() returns trigger language plpgsql as $$
         begin update ${COUNTER} set n = n + 1 where tbl = TG_TABLE_NAME; return null; end $$`,
      )
      .execute(db);
    for (const name of tables) {
      await sql.raw(`create trigger test_change_row after insert or update or delete on "${name}" for each row execute function test_bump_change()`).execute(db);
      await sql.raw(`create trigger test_change_truncate after truncate on "${name}" for each statement execute function test_bump_change()`).execute(db);
    }
    return;
  }
  for (const name of tables) {
    for (const op of ['insert', 'update', 'delete']) {
      await sql.raw(`create trigger "test_change_${name}_${op}" after ${op} on "${name}" begin update ${COUNTER} set n = n + 1 where tbl = '${name}'; end`).execute(db);
    }
  }
}

/** Every table's counter, as one string to compare and a map to name what moved. */
export async function changeCounts(t: TestCore): Promise<Record<string, number>> {
  const rows = await sql<{ tbl: string; n: number | string }>`select tbl, n from ${sql.table(COUNTER)}`.execute(t.core.db);
  return Object.fromEntries(rows.rows.map((r) => [r.tbl, Number(r.n)]));
}

/** The tables written between two readings, except the ones named. */
export function tablesWritten(before: Record<string, number>, after: Record<string, number>, except: readonly string[] = []): string[] {
  return Object.keys(after)
    .filter((k) => !except.includes(k) && after[k] !== before[k])
    .sort();
}

import { CamelCasePlugin, CompiledQuery, PostgresAdapter, type Insertable } from 'kysely';
import type { Executor } from '../foundation/executor';
import type { Database } from './schema';

/**
 * Many rows into one table in a few statements, for the big writes of an import (a district's
 * pull writes 30 000 cards, 160 000 search tokens and 70 000 audit rows in one transaction).
 *
 * Kysely's `insertInto().values(rows)` builds an operation node per value and compiles it again
 * for every statement: a second of the pull's apply went there. Here the statement's text is built
 * once per table and row count, and the values go straight to the driver:
 *  - SQLite: a multi-row `values (?, …), (?, …)` with a fixed number of rows per statement, so the
 *    prepared statement (db/createDb.ts keeps them by text) is reused chunk after chunk;
 *  - PostgreSQL: the rows as one jsonb parameter of positional arrays, `insert … select
 *    (r->>0)::type, … from jsonb_array_elements($1)` (`pgSelect`) — the server converts each value
 *    with the column's own type; tens of thousands of bound parameters cost the server more to
 *    parse and plan than the rows cost to write.
 * A chunk where some row leaves a column out (the column's default applies), or holds a value JSON
 * cannot carry as it is (a Date, a Buffer, an array), goes through Kysely as before: same result.
 */
type Table = keyof Database & string;

class ColumnNames extends CamelCasePlugin {
  /** The same camelCase → snake_case mapping as the plugin the database's Kysely carries. */
  name(s: string): string {
    return this.snakeCase(s);
  }
}
const naming = new ColumnNames();
const snakeNames = new Map<string, string>();
function snake(s: string): string {
  let r = snakeNames.get(s);
  if (r === undefined) snakeNames.set(s, (r = naming.name(s)));
  return r;
}
const quoted = (s: string) => `"${snake(s).replace(/"/g, '""')}"`;

/** Bound values per SQLite statement, below its 32 766. */
const SQLITE_PARAMS = 30_000;
/** Rows per PostgreSQL statement (one JSON parameter each). */
const PG_ROWS = 2_000;

function isPostgres(db: Executor): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Column order: every key some row gives a defined value, first seen first (as Kysely does). */
function columnsOf(rows: readonly Record<string, unknown>[]): string[] {
  const cols = new Set<string>();
  for (const row of rows) for (const k in row) if (row[k] !== undefined) cols.add(k);
  return [...cols];
}

/** A value the fast path carries unchanged (a Date, a Buffer, an array or a bigint goes through Kysely). */
function plainValue(v: unknown): boolean {
  if (typeof v === 'number') return Number.isFinite(v);
  return v !== undefined && typeof v !== 'bigint' && (v === null || typeof v !== 'object');
}

export async function insertMany<T extends Table>(db: Executor, table: T, rows: readonly Insertable<Database[T]>[]): Promise<void> {
  if (rows.length === 0) return;
  const all = rows as readonly Record<string, unknown>[];
  const pg = isPostgres(db);
  const cols = columnsOf(all);
  const step = pg ? PG_ROWS : Math.max(1, Math.floor(SQLITE_PARAMS / cols.length));
  const head = `insert into ${quoted(table)} (${cols.map(quoted).join(', ')})`;
  for (let i = 0; i < all.length; i += step) {
    const chunk = all.slice(i, i + step);
    if (pg) {
      const fast = pgRows(chunk, cols);
      if (!fast) await db.insertInto(table).values(chunk as never).execute();
      else await sent(db, db.executeQuery(CompiledQuery.raw(`${head} ${await pgSelect(db, table, cols, fast.same)}`, [fast.json, ...fast.consts])));
      continue;
    }
    const fast = sqliteParams(chunk, cols);
    if (!fast) await db.insertInto(table).values(chunk as never).execute();
    else await db.executeQuery(CompiledQuery.raw(`${head} values ${sqliteGroups(chunk.length, cols.length)}`, fast));
  }
}

/**
 * Column types of every table (PostgreSQL), read once per process on the first bulk insert: the
 * migrations fix them. All tables at once — inside a pipelined transaction a read waits for every
 * statement sent before it, so one read per table would stall the pull's apply five times.
 */
let pgTypes: Map<string, Map<string, string>> | null = null;

/**
 * `select (r->>0)::type, $2::type, … from jsonb_array_elements($1::jsonb) r`: each row is a JSON
 * array of its values in column order, each cast to its column's type; a column with one value in
 * the whole chunk (a card's many empty fields, the audit's caller and cause, the token's kind) is
 * one parameter instead. Measured on the district's apply: positional rows are a third smaller
 * than records keyed by column and half as costly to build; jsonb, because `->>` on json parses
 * the row's text again for every column (5,2 s with jsonb, 8,6 s with json, 6,3–7,0 s with
 * `json_populate_recordset`).
 */
async function pgSelect(db: Executor, table: string, cols: readonly string[], same: readonly boolean[]): Promise<string> {
  const known = () => {
    const t = pgTypes?.get(snake(table));
    return t && cols.every((c) => t.has(snake(c))) ? t : null;
  };
  // A table or column not seen yet (another database of this process, a newer migration): read again.
  const types = known() ?? ((pgTypes = await readPgTypes(db)), known());
  if (!types) throw new Error(`insertMany: ${snake(table)} has no column of ${cols.map(snake).join(', ')}`);
  let param = 2;
  let index = 0;
  const values = cols.map((c, i) => (same[i] ? `$${param++}` : `(r->>${index++})`) + `::${types.get(snake(c))}`);
  return `select ${values.join(', ')} from jsonb_array_elements($1::jsonb) r`;
}

async function readPgTypes(db: Executor): Promise<Map<string, Map<string, string>>> {
  const res = await db.executeQuery<{ tbl: string; name: string; type: string }>(
    CompiledQuery.raw(
      `select c.relname as tbl, a.attname as name, format_type(a.atttypid, a.atttypmod) as type
         from pg_attribute a join pg_class c on c.oid = a.attrelid
        where c.relnamespace = current_schema()::regnamespace and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped`,
    ),
  );
  const all = new Map<string, Map<string, string>>();
  for (const r of res.rows) {
    let m = all.get(r.tbl);
    if (!m) all.set(r.tbl, (m = new Map()));
    m.set(r.name, r.type);
  }
  return all;
}

/**
 * The chunk as a JSON array of rows, each an array of its varying values in column order, and the
 * values of the columns that hold one value throughout (`same`); null when a value needs Kysely.
 */
function pgRows(chunk: readonly Record<string, unknown>[], cols: readonly string[]): { json: string; same: boolean[]; consts: unknown[] } | null {
  const first = chunk[0];
  const same = cols.map((c) => plainValue(first[c]));
  for (let r = 1; r < chunk.length; r++) {
    const row = chunk[r];
    for (let k = 0; k < cols.length; k++) if (same[k] && row[cols[k]] !== first[cols[k]]) same[k] = false;
  }
  // One row: every column would be a parameter; keep the row as JSON like the others.
  if (chunk.length === 1) same.fill(false);
  const varying = cols.filter((_, k) => !same[k]);
  const out: unknown[][] = new Array(chunk.length);
  for (let r = 0; r < chunk.length; r++) {
    const row = chunk[r];
    const values: unknown[] = new Array(varying.length);
    for (let k = 0; k < varying.length; k++) {
      const v = row[varying[k]];
      if (!plainValue(v)) return null;
      values[k] = v;
    }
    out[r] = values;
  }
  return { json: JSON.stringify(out), same, consts: cols.filter((_, k) => same[k]).map((c) => first[c]) };
}

/** The chunk's values row by row, or null when a value needs Kysely. */
function sqliteParams(chunk: readonly Record<string, unknown>[], cols: readonly string[]): unknown[] | null {
  const params: unknown[] = new Array(chunk.length * cols.length);
  let p = 0;
  for (const row of chunk) {
    for (const c of cols) {
      const v = row[c];
      if (!plainValue(v)) return null;
      params[p++] = v;
    }
  }
  return params;
}

/**
 * Transactions whose inserts are pipelined: the statement is sent and the caller goes on (building
 * the next rows) while the server writes. Kysely runs a transaction's statements one after another
 * in the order they were issued, so a later read still sees every earlier insert; the first failure
 * is kept and thrown when the work ends (`pipelinedInserts`).
 */
const pipelines = new WeakMap<Executor, { pending: Promise<void>[]; failure: { error: unknown } | null }>();

async function sent(db: Executor, statement: Promise<unknown>): Promise<void> {
  const line = pipelines.get(db);
  if (!line) {
    await statement;
    return;
  }
  line.pending.push(
    statement.then(
      () => undefined,
      (error: unknown) => {
        line.failure ??= { error };
      },
    ),
  );
  // The driver sends a queued statement only when it reads the previous one's answer, which
  // happens in the event loop's I/O phase: without a turn of the loop here the job would build
  // every row first and the server would write them all after it (measured: the server idle
  // for the cards' 1,8 s, then the job idle for 2 s).
  await new Promise<void>((resolve) => setImmediate(resolve));
}

/**
 * Runs `work` inside the caller's transaction `trx` with its `insertMany` statements pipelined on
 * PostgreSQL (on SQLite a statement runs in-process, there is nothing to overlap): a district's
 * pull spends as long building rows in Node as the server spends writing them, and on two cores
 * the two now overlap. Every statement has finished when this returns; the first failed insert is
 * what is thrown (a later statement only fails because the transaction already had).
 */
export async function pipelinedInserts<T>(trx: Executor, work: () => Promise<T>): Promise<T> {
  if (!isPostgres(trx) || pipelines.has(trx)) return work();
  const line: { pending: Promise<void>[]; failure: { error: unknown } | null } = { pending: [], failure: null };
  pipelines.set(trx, line);
  let value: T;
  try {
    value = await work();
  } catch (e) {
    await Promise.all(line.pending);
    throw line.failure ? line.failure.error : e;
  } finally {
    pipelines.delete(trx);
  }
  await Promise.all(line.pending);
  if (line.failure) throw line.failure.error;
  return value;
}

const groupTexts = new Map<string, string>();
/** `(?, ?), (?, ?)` for `n` rows of `width` values, kept: the same text each full chunk. */
function sqliteGroups(n: number, width: number): string {
  const key = `${n}x${width}`;
  let t = groupTexts.get(key);
  if (t === undefined) {
    const one = `(${new Array(width).fill('?').join(', ')})`;
    t = new Array(n).fill(one).join(', ');
    if (groupTexts.size > 200) groupTexts.clear();
    groupTexts.set(key, t);
  }
  return t;
}

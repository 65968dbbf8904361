import { sql, type Kysely } from 'kysely';

/**
 * The only place where SQL differs between SQLite and PostgreSQL. Everything else in the core is
 * portable Kysely.
 */
export type DbKind = 'sqlite' | 'postgres';

/** Server version string, for the status bar and bug reports. */
export async function serverVersion(db: Kysely<unknown>, kind: DbKind): Promise<string> {
  const query = kind === 'sqlite' ? sql<{ v: string }>`select sqlite_version() as v` : sql<{ v: string }>`select version() as v`;
  const r = await query.execute(db);
  return r.rows[0]?.v ?? '?';
}

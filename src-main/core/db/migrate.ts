import { Migrator, type Kysely, type MigrationResult } from 'kysely';
import { migrations } from '../../../migrations/index';
import { AppError } from '../../../src-shared/errors';
import type { AppDb } from './createDb';
import { backupSqlite, pruneBackups } from './backup';

const MIGRATION_TABLE = 'kysely_migration';

export interface MigrateOutcome {
  applied: string[];
  backupFile: string | null;
  schemaVersion: string;
}

export function latestSchemaVersion(): string {
  const names = Object.keys(migrations).sort();
  return names[names.length - 1] ?? '0000';
}

async function appliedMigrations(db: Kysely<any>): Promise<string[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((t) => t.name === MIGRATION_TABLE)) return [];
  const rows = await db.selectFrom(MIGRATION_TABLE).select('name').execute();
  return rows.map((r) => r.name as string).sort();
}

/**
 * Refuses a database written by a newer app (it has migrations this build does not know),
 * backs up a SQLite file that already holds data, then applies the pending migrations.
 */
export async function migrateToLatest(appDb: AppDb, opts: { backupDir?: string } = {}): Promise<MigrateOutcome> {
  const db = appDb.db as unknown as Kysely<any>;
  const applied = await appliedMigrations(db);
  const known = new Set(Object.keys(migrations));
  const unknown = applied.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new AppError(
      'DB_TOO_NEW',
      `База данных создана более новой версией программы «Школьный офис» (неизвестные изменения схемы: ${unknown.join(', ')}). ` +
        'Обновите программу на этом компьютере; база не изменена.',
      { unknown },
    );
  }
  const pending = Object.keys(migrations).filter((name) => !applied.includes(name));
  let backupFile: string | null = null;
  if (pending.length > 0 && applied.length > 0 && appDb.sqlite && opts.backupDir && appDb.location !== ':memory:') {
    const b = await backupSqlite(appDb.sqlite, opts.backupDir, 'before-migration', undefined, appDb.sqliteKey);
    backupFile = b.file;
    pruneBackups(opts.backupDir, 'before-migration', 10);
  }
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: `${MIGRATION_TABLE}_lock`,
    // Each area owns a number range (0010 access, 0020 set-up, 0030 people, 0040 movement, …) and
    // only builds on lower ranges, so a later release may add 0036 after 0041 ran; it is applied then.
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r: MigrationResult) => r.status === 'Error');
    throw new AppError(
      'INTERNAL',
      `Не удалось обновить схему базы данных${failed ? ` (шаг ${failed.migrationName})` : ''}: ${String((error as Error).message ?? error)}` +
        (backupFile ? `. Резервная копия до обновления: ${backupFile}` : ''),
    );
  }
  return {
    applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
    backupFile,
    schemaVersion: latestSchemaVersion(),
  };
}

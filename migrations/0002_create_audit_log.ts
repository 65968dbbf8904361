import { PostgresAdapter, sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // `seq` gives a stable order for entries written in the same millisecond; the autoincrement
  // spelling differs between SQLite and PostgreSQL, the only dialect branch in a migration.
  const isPg = isPostgres(db);
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('seq', isPg ? sql`bigserial` : 'integer', (c) => (isPg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('user_name', 'text')
    .addColumn('transport', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('changes', 'text')
    .addColumn('cause', 'text')
    .execute();
  await db.schema.createIndex('audit_log_record').on('audit_log').columns(['entity', 'record_id']).execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_log').execute();
}

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

import type { Kysely } from 'kysely';

// Migrations import nothing from src-*: they describe the schema as it was at this point in time.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('school_card')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('inn', 'text')
    .addColumn('kpp', 'text')
    .addColumn('ogrn', 'text')
    .addColumn('legal_address', 'text')
    .addColumn('actual_address', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('website', 'text')
    .addColumn('director_name', 'text')
    .addColumn('license_number', 'text')
    .addColumn('license_date', 'text')
    .addColumn('license_issuer', 'text')
    .addColumn('accreditation_number', 'text')
    .addColumn('accreditation_date', 'text')
    .addColumn('accreditation_valid_until', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  await db.schema
    .createTable('app_setting')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('app_setting').execute();
  await db.schema.dropTable('school_card').execute();
}

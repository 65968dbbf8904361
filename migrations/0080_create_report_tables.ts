import type { Kysely } from 'kysely';

/**
 * Reports (issue 21): the report builder's saved definitions (entity, columns, filters, grouping as
 * JSON of whitelisted field keys — never SQL) with the roles that may run them, and the print forms'
 * templates the school replaced (личная карта обучающегося, форма Т-2); an absent template key means
 * the one shipped in `assets/templates/`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('report_definition')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    // lower case, ё → е, spaces collapsed: two reports may not share a name
    .addColumn('name_key', 'text', (c) => c.notNull().unique())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    // JSON array of role ids
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('report_template')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_base64', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_template').execute();
  await db.schema.dropTable('report_definition').execute();
}

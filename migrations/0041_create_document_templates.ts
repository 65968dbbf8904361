import type { Kysely } from 'kysely';

/**
 * Document templates the school replaced (DOCX with docxtemplater placeholders), kept in the
 * database so every office PC of a PostgreSQL set-up prints the same order; absent key = the
 * template shipped in `assets/templates/`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('document_template')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_base64', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('document_template').execute();
}

import type { Kysely } from 'kysely';

/**
 * Exchange with the regional portal (issue 9): every pull and push is an exchange with its files;
 * a push lists the people its file carried (the outbox history); `portal_ref` keeps the portal's
 * own id of any record (a teacher's `tid`, a class or csg id from ExportCM.nsxml, a login) so
 * the next pull matches on it first. Kept apart from the people and set-up tables, which belong to
 * other modules.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('portal_exchange')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // pull | push
    .addColumn('direction', 'text', (c) => c.notNull())
    // pull: previewed → applied | cancelled; push: ready → imported → confirmed
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    // JSON: counts of the preview or the push, decisions on ambiguous matches, the preview signature
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('finished_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('portal_exchange_created').on('portal_exchange').columns(['direction', 'created_at']).execute();

  await db.schema
    .createTable('portal_exchange_file')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('exchange_id', 'text', (c) => c.notNull().references('portal_exchange.id').onDelete('cascade'))
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('format_id', 'text')
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('content_base64', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('portal_exchange_file_exchange').on('portal_exchange_file').columns(['exchange_id', 'ordinal']).execute();

  await db.schema
    .createTable('portal_exchange_item')
    .addColumn('exchange_id', 'text', (c) => c.notNull().references('portal_exchange.id').onDelete('cascade'))
    .addColumn('person_kind', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    // create | update
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addPrimaryKeyConstraint('portal_exchange_item_pk', ['exchange_id', 'person_kind', 'person_id'])
    .execute();
  await db.schema.createIndex('portal_exchange_item_person').on('portal_exchange_item').columns(['person_kind', 'person_id']).execute();

  await db.schema
    .createTable('portal_ref')
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('portal_id', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('portal_ref_pk', ['entity', 'record_id'])
    .execute();
  await db.schema.createIndex('portal_ref_portal').on('portal_ref').columns(['entity', 'portal_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('portal_ref').execute();
  await db.schema.dropTable('portal_exchange_item').execute();
  await db.schema.dropTable('portal_exchange_file').execute();
  await db.schema.dropTable('portal_exchange').execute();
}

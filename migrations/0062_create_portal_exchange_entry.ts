import type { Kysely } from 'kysely';

/**
 * A pull's preview entries, stored by the job that planned them, so the browser pages, filters and
 * searches them on the server (a district's export has 53 000 entries) and a reload or another
 * office PC opens the same preview. `search` is the label in lower case with ё as е; `warned` is 1
 * when the entry has remarks; `entry` is the entry as JSON.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('portal_exchange_entry')
    .addColumn('exchange_id', 'text', (c) => c.notNull().references('portal_exchange.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('warned', 'integer', (c) => c.notNull())
    .addColumn('search', 'text', (c) => c.notNull())
    .addColumn('entry', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('portal_exchange_entry_pk', ['exchange_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('portal_exchange_entry').execute();
}

import type { Kysely } from 'kysely';

/**
 * What the portal had of each person at the last applied pull that named them: when, by which pull,
 * and the fields where the portal's value differed from the office's and the office's was kept
 * (JSON `{ field: { office, portal, at } }` — a phone, a class, a parent link the office changed
 * and the portal has not got yet). The outbox and the reconciliation read it, so an office change
 * the portal lacks stays listed whatever the order of edits and pulls.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('portal_seen')
    .addColumn('person_kind', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('exchange_id', 'text', (c) => c.notNull().references('portal_exchange.id'))
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addColumn('differs', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('portal_seen_pk', ['person_kind', 'person_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('portal_seen').execute();
}

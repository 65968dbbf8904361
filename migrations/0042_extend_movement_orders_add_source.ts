import type { Kysely } from 'kysely';

/**
 * Where an order came from: `office` — made and signed here, its effects in the journal;
 * `portal` — a historical order read from the portal's movement-book export, kept in the book as
 * history. A portal order applied nothing here (class memberships come from the pupil list), so it
 * has no journal and cannot be cancelled here.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('movement_order').addColumn('source', 'text', (c) => c.notNull().defaultTo('office')).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('movement_order').dropColumn('source').execute();
}

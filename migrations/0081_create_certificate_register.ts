import type { Kysely } from 'kysely';

/**
 * The register of issued certificates (issue 24, item 8): every справка об обучении and справка с
 * места работы gets the next number of its kind within the calendar year, and the register keeps
 * who got it, when, for what and who issued it — the paper journal the secretary keeps.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('certificate_register')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // 'study' | 'work'
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    // 'pupil' | 'staff'
    .addColumn('person_kind', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    // As printed: the register stays readable after a card is merged or renamed.
    .addColumn('person_name', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('purpose', 'text')
    .addColumn('issued_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('certificate_register_number', ['kind', 'year', 'number'])
    .execute();
  await db.schema.createIndex('certificate_register_person').on('certificate_register').columns(['person_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('certificate_register').execute();
}

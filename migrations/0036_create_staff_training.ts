import type { Kysely } from 'kysely';

/**
 * What the staff reports and the Т-2 card need beyond the card of issue 5:
 * - `staff_training`: courses of повышение квалификации and профессиональная переподготовка (Т-2
 *   sections V and VI; ОО-1 «Справка 2» counts staff trained in the last three years): dates, kind,
 *   institution, programme, hours, document;
 * - `staff_education.pedagogical`: whether an education is pedagogical (ОО-1 3.1, columns 5 and 11).
 *   Null means «не указано»: the existing records are left for HR to mark, not guessed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('staff_training')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id').onDelete('cascade'))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    // qualification | retraining
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text')
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('institution', 'text')
    .addColumn('programme', 'text', (c) => c.notNull())
    .addColumn('hours', 'integer')
    .addColumn('document', 'text')
    .execute();
  await db.schema.createIndex('staff_training_staff').on('staff_training').column('staff_id').execute();
  await db.schema.alterTable('staff_education').addColumn('pedagogical', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('staff_education').dropColumn('pedagogical').execute();
  await db.schema.dropTable('staff_training').execute();
}

import type { Kysely } from 'kysely';

/**
 * The family of a staff member (личная карточка Т-2, «Состав семьи»): relation, ФИО and birth date of
 * each relative, in the order HR typed them. The children are what the leave to care for a child and
 * the tax deductions refer to.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('staff_family_member')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id').onDelete('cascade'))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('middle_name', 'text')
    .addColumn('birth_date', 'text')
    .execute();
  await db.schema.createIndex('staff_family_member_staff').on('staff_family_member').column('staff_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('staff_family_member').execute();
}

import type { Kysely } from 'kysely';

/**
 * Staff positions as dated records (main and additional, rate, order) and education records.
 * `staff.position` stays as the main position today, for the modules that only need a name; the
 * migration turns each existing `staff.position` into an open main-position record.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('staff_position')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id').onDelete('cascade'))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('rate', 'numeric')
    .addColumn('start_date', 'text')
    .addColumn('end_date', 'text')
    .addColumn('order_number', 'text')
    .execute();
  await db.schema.createIndex('staff_position_staff').on('staff_position').columns(['staff_id', 'start_date']).execute();

  await db.schema
    .createTable('staff_education')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id').onDelete('cascade'))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('level', 'text')
    .addColumn('institution', 'text')
    .addColumn('diploma_date', 'text')
    .addColumn('diploma_number', 'text')
    .addColumn('specialty', 'text')
    .addColumn('qualification', 'text')
    .execute();
  await db.schema.createIndex('staff_education_staff').on('staff_education').column('staff_id').execute();

  const staff = (await db.selectFrom('staff').select(['id', 'position']).where('position', 'is not', null).execute()) as { id: string; position: string }[];
  for (let i = 0; i < staff.length; i += 200) {
    await db
      .insertInto('staff_position')
      .values(staff.slice(i, i + 200).map((s) => ({ id: `${s.id}-p0`, staff_id: s.id, sort_order: 0, position: s.position, kind: 'main', rate: 1 })))
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('staff_education').execute();
  await db.schema.dropTable('staff_position').execute();
}

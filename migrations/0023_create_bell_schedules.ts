import type { Kysely } from 'kysely';

/**
 * Bell schedules of a year: per shift and set of weekdays (`"1,2,3,4,5"`; a shortened Saturday is
 * its own schedule), lesson number → start and end time `HH:MM`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('bell_schedule')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('academic_year_id', 'text', (c) => c.notNull().references('academic_year.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('shift', 'integer', (c) => c.notNull())
    .addColumn('weekdays', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('bell_schedule_year_name', ['academic_year_id', 'name'])
    .execute();

  await db.schema
    .createTable('bell_lesson')
    .addColumn('schedule_id', 'text', (c) => c.notNull().references('bell_schedule.id').onDelete('cascade'))
    .addColumn('lesson_number', 'integer', (c) => c.notNull())
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('end_time', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('bell_lesson_pk', ['schedule_id', 'lesson_number'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('bell_lesson').execute();
  await db.schema.dropTable('bell_schedule').execute();
}

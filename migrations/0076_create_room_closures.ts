import type { Kysely } from 'kysely';

/**
 * «Кабинет закрыт» (issue 16, part 5): a room closed for a range of dates (ремонт, проверка…) as a
 * kind of absence beside the teachers'. The lessons standing in it are decided like a teacher's:
 * moved to another room in the same period (`room`), moved to another period, or cancelled.
 *
 * - `timetable_room_closure`: the room (a reference without a foreign key, as the version's rooms:
 *   history outlives a deleted room), the dates, the reason kind and its text.
 * - `timetable_substitution.closure_id`: the closure a decision covers (a teacher's decisions keep
 *   `absence_id`); `to_room_id`: the room the lesson goes to, when the decision names one.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('timetable_room_closure')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('academic_year_id', 'text', (c) => c.notNull().references('academic_year.id').onDelete('cascade'))
    .addColumn('room_id', 'text', (c) => c.notNull())
    .addColumn('date_from', 'text', (c) => c.notNull())
    .addColumn('date_to', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('timetable_room_closure_room').on('timetable_room_closure').columns(['room_id', 'date_from']).execute();
  await db.schema.createIndex('timetable_room_closure_dates').on('timetable_room_closure').columns(['date_from', 'date_to']).execute();
  await db.schema
    .alterTable('timetable_substitution')
    .addColumn('closure_id', 'text', (c) => c.references('timetable_room_closure.id').onDelete('cascade'))
    .execute();
  await db.schema.alterTable('timetable_substitution').addColumn('to_room_id', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('timetable_substitution').dropColumn('to_room_id').execute();
  await db.schema.alterTable('timetable_substitution').dropColumn('closure_id').execute();
  await db.schema.dropTable('timetable_room_closure').ifExists().execute();
}

import type { Kysely } from 'kysely';

/**
 * Substitutions (issue 16, part 5): dated records apart from the timetable versions, so an approved
 * timetable stays as approved and «who taught 7Б on 14 October» is still answerable.
 *
 * - `timetable_absence`: a teacher absent for a range of dates, with the reason (больничный, курсы…)
 *   and the document. Staff ids are references without foreign keys on purpose: history outlives a
 *   dismissed teacher.
 * - `timetable_substitution`: what happens to one occurrence of a lesson on one date: another teacher
 *   (`substitute`), groups merged (`merge`), moved to another period of that day (`move`) or cancelled
 *   (`cancel`); paid or not, and the absence it covers. One record per lesson occurrence and date.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('timetable_absence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('academic_year_id', 'text', (c) => c.notNull().references('academic_year.id').onDelete('cascade'))
    .addColumn('staff_id', 'text', (c) => c.notNull())
    .addColumn('date_from', 'text', (c) => c.notNull())
    .addColumn('date_to', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('document', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('timetable_absence_dates').on('timetable_absence').columns(['date_from', 'date_to']).execute();
  await db.schema.createIndex('timetable_absence_staff').on('timetable_absence').columns(['staff_id', 'date_from']).execute();

  await db.schema
    .createTable('timetable_substitution')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('absence_id', 'text', (c) => c.references('timetable_absence.id').onDelete('cascade'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('version_id', 'text', (c) => c.notNull().references('timetable_version.id').onDelete('cascade'))
    .addColumn('lesson_id', 'text', (c) => c.notNull())
    .addColumn('occurrence', 'integer', (c) => c.notNull())
    .addColumn('period', 'integer', (c) => c.notNull())
    .addColumn('hours', 'integer', (c) => c.notNull())
    .addColumn('absent_staff_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('substitute_id', 'text')
    .addColumn('subject_id', 'text')
    .addColumn('to_period', 'integer')
    .addColumn('room_id', 'text')
    .addColumn('paid', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('timetable_substitution_once', ['date', 'lesson_id', 'occurrence'])
    .execute();
  await db.schema.createIndex('timetable_substitution_date').on('timetable_substitution').columns(['date', 'period']).execute();
  await db.schema.createIndex('timetable_substitution_sub').on('timetable_substitution').columns(['substitute_id', 'date']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('timetable_substitution').ifExists().execute();
  await db.schema.dropTable('timetable_absence').ifExists().execute();
}

import type { Kysely } from 'kysely';

/**
 * The school calendar of a year — holidays and days off (`calendar_entry`), transfers of school
 * days, school and class events — and the administrator's copy of production calendar years,
 * which wins over the file shipped with the program. `grades` is `null` for all grades or a
 * comma-separated list (`"1"` for the extra February week of grade 1).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('calendar_entry')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('academic_year_id', 'text', (c) => c.notNull().references('academic_year.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('grades', 'text')
    .addColumn('note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('calendar_entry_year').on('calendar_entry').columns(['academic_year_id', 'start_date']).execute();

  await db.schema
    .createTable('day_transfer')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('academic_year_id', 'text', (c) => c.notNull().references('academic_year.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('works_as', 'integer', (c) => c.notNull())
    .addColumn('day_off_date', 'text')
    .addColumn('grades', 'text')
    .addColumn('reason', 'text')
    .addColumn('order_ref', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('day_transfer_year').on('day_transfer').columns(['academic_year_id', 'date']).execute();

  await db.schema
    .createTable('school_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('academic_year_id', 'text', (c) => c.notNull().references('academic_year.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('start_time', 'text')
    .addColumn('end_time', 'text')
    .addColumn('place', 'text')
    .addColumn('class_id', 'text', (c) => c.references('school_class.id'))
    .addColumn('responsible_staff_id', 'text', (c) => c.references('staff.id'))
    .addColumn('description', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('school_event_year').on('school_event').columns(['academic_year_id', 'date']).execute();

  await db.schema
    .createTable('production_calendar_year')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    // The year in the shipped file's format (holidays, daysOff, workingWeekends, shortDays, transfers, monthlyTotals).
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['production_calendar_year', 'school_event', 'day_transfer', 'calendar_entry']) await db.schema.dropTable(t).execute();
}

import type { Kysely } from 'kysely';

/**
 * Study period schemes of a year (quarters for 1–9, half-years for 10–11, …) and their dated
 * periods. `study_period_scheme_grade` has a unique (year, grade) key, so the database itself
 * guarantees that a grade follows exactly one scheme in a year.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('study_period_scheme')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('academic_year_id', 'text', (c) => c.notNull().references('academic_year.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('study_period_scheme_year_name', ['academic_year_id', 'name'])
    .execute();

  await db.schema
    .createTable('study_period_scheme_grade')
    .addColumn('scheme_id', 'text', (c) => c.notNull().references('study_period_scheme.id').onDelete('cascade'))
    .addColumn('academic_year_id', 'text', (c) => c.notNull().references('academic_year.id'))
    .addColumn('grade', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('study_period_scheme_grade_pk', ['scheme_id', 'grade'])
    .addUniqueConstraint('study_period_scheme_grade_year', ['academic_year_id', 'grade'])
    .execute();

  await db.schema
    .createTable('study_period')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('scheme_id', 'text', (c) => c.notNull().references('study_period_scheme.id').onDelete('cascade'))
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addUniqueConstraint('study_period_scheme_ordinal', ['scheme_id', 'ordinal'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['study_period', 'study_period_scheme_grade', 'study_period_scheme']) await db.schema.dropTable(t).execute();
}

import { sql, type Kysely } from 'kysely';

/**
 * The first cut of people and classes, enough for the demo school; later migrations extend these
 * tables (cards, documents, orders). `search_key` is the normalised ФИО (lower case, ё → е).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('academic_year')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('is_current', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_closed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  for (const table of ['staff', 'pupil', 'parent']) {
    await db.schema
      .createTable(table)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('last_name', 'text', (c) => c.notNull())
      .addColumn('first_name', 'text', (c) => c.notNull())
      .addColumn('middle_name', 'text')
      .addColumn('sex', 'text', (c) => c.notNull().check(sqlSex()))
      .addColumn('birth_date', 'text')
      .addColumn('snils', 'text')
      .addColumn('search_key', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex(`${table}_search_key`).on(table).column('search_key').execute();
    await db.schema.createIndex(`${table}_snils`).on(table).column('snils').execute();
  }
  await db.schema.alterTable('staff').addColumn('position', 'text').execute();

  await db.schema
    .createTable('school_class')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('academic_year_id', 'text', (c) => c.notNull().references('academic_year.id'))
    .addColumn('grade', 'integer', (c) => c.notNull())
    .addColumn('letter', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('class_teacher_id', 'text', (c) => c.references('staff.id'))
    .addColumn('shift', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('previous_class_id', 'text', (c) => c.references('school_class.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('school_class_year_name', ['academic_year_id', 'name'])
    .execute();

  await db.schema
    .createTable('pupil_parent')
    .addColumn('pupil_id', 'text', (c) => c.notNull().references('pupil.id').onDelete('cascade'))
    .addColumn('parent_id', 'text', (c) => c.notNull().references('parent.id').onDelete('cascade'))
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('is_legal_representative', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('pupil_parent_pk', ['pupil_id', 'parent_id'])
    .execute();
  await db.schema.createIndex('pupil_parent_parent').on('pupil_parent').column('parent_id').execute();

  // Dated history: a pupil is in a class from `start_date` until the day before `end_date`
  // (null = still there). "Where was this pupil on 1 October?" is one range query.
  await db.schema
    .createTable('class_membership')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pupil_id', 'text', (c) => c.notNull().references('pupil.id'))
    .addColumn('class_id', 'text', (c) => c.notNull().references('school_class.id'))
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('cause', 'text')
    .execute();
  await db.schema.createIndex('class_membership_pupil').on('class_membership').columns(['pupil_id', 'start_date']).execute();
  await db.schema.createIndex('class_membership_class').on('class_membership').columns(['class_id', 'start_date']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['class_membership', 'pupil_parent', 'school_class', 'parent', 'pupil', 'staff', 'academic_year']) {
    await db.schema.dropTable(t).execute();
  }
}

function sqlSex() {
  return sql.raw("sex in ('М', 'Ж')");
}

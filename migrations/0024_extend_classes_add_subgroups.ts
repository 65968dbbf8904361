import type { Kysely } from 'kysely';

/**
 * Extends the academic year with its week length (default and per grade, JSON `{"10":6}`) and the
 * class with its programme (ООП / АООП and variant), home room and own week length; adds subgroups
 * (деление класса по предмету) and their dated membership: a pupil is in a subgroup from
 * `start_date` until the day before `end_date` (null = still there), like class membership.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('academic_year').addColumn('week_length', 'integer', (c) => c.notNull().defaultTo(5)).execute();
  await db.schema.alterTable('academic_year').addColumn('week_length_by_grade', 'text', (c) => c.notNull().defaultTo('{}')).execute();

  await db.schema.alterTable('school_class').addColumn('programme', 'text', (c) => c.notNull().defaultTo('ООП')).execute();
  await db.schema.alterTable('school_class').addColumn('programme_variant', 'text').execute();
  await db.schema.alterTable('school_class').addColumn('home_room_id', 'text', (c) => c.references('room.id')).execute();
  await db.schema.alterTable('school_class').addColumn('week_length', 'integer').execute();

  await db.schema
    .createTable('subgroup')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('class_id', 'text', (c) => c.notNull().references('school_class.id'))
    .addColumn('subject_id', 'text', (c) => c.notNull().references('subject.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('ordinal', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('subgroup_class_subject_name', ['class_id', 'subject_id', 'name'])
    .execute();

  await db.schema
    .createTable('subgroup_member')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subgroup_id', 'text', (c) => c.notNull().references('subgroup.id').onDelete('cascade'))
    .addColumn('pupil_id', 'text', (c) => c.notNull().references('pupil.id'))
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .execute();
  await db.schema.createIndex('subgroup_member_subgroup').on('subgroup_member').columns(['subgroup_id', 'start_date']).execute();
  await db.schema.createIndex('subgroup_member_pupil').on('subgroup_member').columns(['pupil_id', 'start_date']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('subgroup_member').execute();
  await db.schema.dropTable('subgroup').execute();
  for (const col of ['week_length', 'home_room_id', 'programme_variant', 'programme']) {
    await db.schema.alterTable('school_class').dropColumn(col).execute();
  }
  await db.schema.alterTable('academic_year').dropColumn('week_length_by_grade').execute();
  await db.schema.alterTable('academic_year').dropColumn('week_length').execute();
}

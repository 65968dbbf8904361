import type { Kysely } from 'kysely';

/**
 * Joint groups (сводные группы): one group taught together from the pupils of several classes —
 * an ИУП group of 10А and 10Б («Индивидуальный проект/10АБ»), a поток. Each class keeps its own
 * slot (class × subject × group number, as in `teaching_assignment`); the joint group says the slots
 * are one lesson with one teacher, so the teacher's load counts its hours once and a timetable
 * places them together. The portal's ExportCM brings them as one csg listed under several classes.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('joint_group')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('academic_year_id', 'text', (c) => c.notNull().references('academic_year.id').onDelete('cascade'))
    .addColumn('subject_id', 'text', (c) => c.notNull().references('subject.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('joint_group_year_subject_name', ['academic_year_id', 'subject_id', 'name'])
    .execute();
  await db.schema
    .createTable('joint_group_slot')
    .addColumn('joint_group_id', 'text', (c) => c.notNull().references('joint_group.id').onDelete('cascade'))
    .addColumn('class_id', 'text', (c) => c.notNull().references('school_class.id').onDelete('cascade'))
    .addColumn('group_no', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('joint_group_slot_pk', ['joint_group_id', 'class_id', 'group_no'])
    .execute();
  await db.schema.createIndex('joint_group_slot_class').on('joint_group_slot').columns(['class_id', 'group_no']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('joint_group_slot').execute();
  await db.schema.dropTable('joint_group').execute();
}

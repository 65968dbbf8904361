import type { Kysely } from 'kysely';

/**
 * Curriculum (учебный план) and teaching load (нагрузка), issue 7.
 *
 * - `curriculum_plan`: one plan per year × grade (`scope_key = 'grade'`) and, for a class that differs
 *   from its grade (profile, АООП), one per class (`scope_key` = the class id) holding only the rows
 *   that differ. `scope_key` exists because NULL class ids would not be unique on either database.
 * - `curriculum_row`: subject × part with weekly hours per study period (JSON array of numbers),
 *   subgroups, double lessons, form of промежуточная аттестация; `excluded = 1` in a class plan drops
 *   the grade's row for that class.
 * - `teaching_assignment`: the teacher of class × subject × group (0 = whole class, 1…n = the
 *   subgroup with that ordinal). Keyed by group number, not subgroup id, so load can be planned and
 *   copied into next year before the subgroups exist.
 * - `staff_subject`: the subjects a teacher is qualified for (the staff card has no such list yet).
 *
 * A class's plan and load go with the class when it is deleted; a subject in use cannot be deleted.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('curriculum_plan')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('academic_year_id', 'text', (c) => c.notNull().references('academic_year.id').onDelete('cascade'))
    .addColumn('grade', 'integer', (c) => c.notNull())
    .addColumn('class_id', 'text', (c) => c.references('school_class.id').onDelete('cascade'))
    .addColumn('scope_key', 'text', (c) => c.notNull())
    .addColumn('weeks_per_year', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('curriculum_plan_scope', ['academic_year_id', 'grade', 'scope_key'])
    .execute();

  await db.schema
    .createTable('curriculum_row')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('curriculum_plan.id').onDelete('cascade'))
    .addColumn('subject_id', 'text', (c) => c.notNull().references('subject.id'))
    .addColumn('part', 'text', (c) => c.notNull())
    .addColumn('hours', 'text', (c) => c.notNull())
    .addColumn('groups', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('doubles', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('assessment', 'text')
    .addColumn('excluded', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('curriculum_row_subject_part', ['plan_id', 'subject_id', 'part'])
    .execute();
  await db.schema.createIndex('curriculum_row_subject').on('curriculum_row').column('subject_id').execute();

  await db.schema
    .createTable('teaching_assignment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('academic_year_id', 'text', (c) => c.notNull().references('academic_year.id').onDelete('cascade'))
    .addColumn('class_id', 'text', (c) => c.notNull().references('school_class.id').onDelete('cascade'))
    .addColumn('subject_id', 'text', (c) => c.notNull().references('subject.id'))
    .addColumn('group_no', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('teaching_assignment_slot', ['class_id', 'subject_id', 'group_no'])
    .execute();
  await db.schema.createIndex('teaching_assignment_year_staff').on('teaching_assignment').columns(['academic_year_id', 'staff_id']).execute();
  await db.schema.createIndex('teaching_assignment_subject').on('teaching_assignment').column('subject_id').execute();

  await db.schema
    .createTable('staff_subject')
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id').onDelete('cascade'))
    .addColumn('subject_id', 'text', (c) => c.notNull().references('subject.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('staff_subject_pk', ['staff_id', 'subject_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['staff_subject', 'teaching_assignment', 'curriculum_row', 'curriculum_plan']) await db.schema.dropTable(t).execute();
}

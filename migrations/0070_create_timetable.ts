import type { Kysely } from 'kysely';

/**
 * Timetable (issue 15).
 *
 * - `timetable_version`: one timetable of a year and study period: draft → approved → archived, the
 *   dates it is in force (`effective_from` … `effective_to`), who approved it. `grid` is a JSON snapshot
 *   of the days, the period axis and the bells it was built on, `labels` of the names (classes,
 *   teachers, rooms, subjects), so an approved version reads the same after the set-up changes;
 *   `options` are the завуч's switches, `summary` the last evaluation's figures.
 * - `timetable_lesson` (+ `_teacher`, `_audience`): the version's lessons as a snapshot of the plan and
 *   load (later load edits do not change an old version). Class, subject, staff, subgroup and room ids
 *   are references without foreign keys on purpose: history outlives a deleted class or subject.
 *   `lesson_key` matches a lesson across regenerations and copies; `portal_ref` will hold the portal's
 *   class-subject-group id (issue 17).
 * - `timetable_placement`: occurrence `occurrence` of a lesson at `day` (0 = Monday) and `period` (the
 *   period axis of `grid`) in a room; `locked = 1` keeps it there through regeneration and repair.
 *   An occurrence without a row is not placed.
 * - `timetable_teacher_availability`: a teacher's time off in a year (методический день, part days) as
 *   a JSON list of slots.
 * - `timetable_joint` (+ `_member`): load rows of several classes taught as one lesson
 *   («Индивидуальный проект 10АБ»).
 * Substitutions (issue 16) will be dated records in their own tables, apart from the versions.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('timetable_version')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('academic_year_id', 'text', (c) => c.notNull().references('academic_year.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('study_period_id', 'text')
    .addColumn('period_name', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text')
    .addColumn('period_end', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('effective_from', 'text')
    .addColumn('effective_to', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('approved_by_name', 'text')
    .addColumn('based_on_id', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('options', 'text', (c) => c.notNull())
    .addColumn('grid', 'text', (c) => c.notNull())
    .addColumn('labels', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('timetable_version_year').on('timetable_version').columns(['academic_year_id', 'status']).execute();
  await db.schema.createIndex('timetable_version_effective').on('timetable_version').columns(['status', 'effective_from']).execute();

  await db.schema
    .createTable('timetable_lesson')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version_id', 'text', (c) => c.notNull().references('timetable_version.id').onDelete('cascade'))
    .addColumn('lesson_key', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('duration', 'integer', (c) => c.notNull())
    .addColumn('occurrences', 'integer', (c) => c.notNull())
    .addColumn('hours', 'numeric', (c) => c.notNull())
    .addColumn('room_ids', 'text', (c) => c.notNull())
    .addColumn('parallel_key', 'text')
    .addColumn('pinned_day', 'integer')
    .addColumn('pinned_period', 'integer')
    .addColumn('portal_ref', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('timetable_lesson_key', ['version_id', 'lesson_key'])
    .execute();

  await db.schema
    .createTable('timetable_lesson_teacher')
    .addColumn('lesson_id', 'text', (c) => c.notNull().references('timetable_lesson.id').onDelete('cascade'))
    .addColumn('staff_id', 'text', (c) => c.notNull())
    .addColumn('ordinal', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('timetable_lesson_teacher_pk', ['lesson_id', 'staff_id'])
    .execute();
  await db.schema.createIndex('timetable_lesson_teacher_staff').on('timetable_lesson_teacher').column('staff_id').execute();

  await db.schema
    .createTable('timetable_lesson_audience')
    .addColumn('lesson_id', 'text', (c) => c.notNull().references('timetable_lesson.id').onDelete('cascade'))
    .addColumn('class_id', 'text', (c) => c.notNull())
    .addColumn('group_no', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('subgroup_id', 'text')
    .addColumn('ordinal', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('timetable_lesson_audience_pk', ['lesson_id', 'class_id', 'group_no'])
    .execute();
  await db.schema.createIndex('timetable_lesson_audience_class').on('timetable_lesson_audience').column('class_id').execute();

  await db.schema
    .createTable('timetable_placement')
    .addColumn('lesson_id', 'text', (c) => c.notNull().references('timetable_lesson.id').onDelete('cascade'))
    .addColumn('occurrence', 'integer', (c) => c.notNull())
    .addColumn('version_id', 'text', (c) => c.notNull().references('timetable_version.id').onDelete('cascade'))
    .addColumn('day', 'integer', (c) => c.notNull())
    .addColumn('period', 'integer', (c) => c.notNull())
    .addColumn('room_id', 'text')
    .addColumn('locked', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('timetable_placement_pk', ['lesson_id', 'occurrence'])
    .execute();
  await db.schema.createIndex('timetable_placement_slot').on('timetable_placement').columns(['version_id', 'day', 'period']).execute();

  await db.schema
    .createTable('timetable_teacher_availability')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('academic_year_id', 'text', (c) => c.notNull().references('academic_year.id').onDelete('cascade'))
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id').onDelete('cascade'))
    .addColumn('slots', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('timetable_teacher_availability_staff', ['academic_year_id', 'staff_id'])
    .execute();

  await db.schema
    .createTable('timetable_joint')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('academic_year_id', 'text', (c) => c.notNull().references('academic_year.id').onDelete('cascade'))
    .addColumn('subject_id', 'text', (c) => c.notNull().references('subject.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('timetable_joint_member')
    .addColumn('joint_id', 'text', (c) => c.notNull().references('timetable_joint.id').onDelete('cascade'))
    .addColumn('class_id', 'text', (c) => c.notNull().references('school_class.id').onDelete('cascade'))
    .addColumn('group_no', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('timetable_joint_member_pk', ['joint_id', 'class_id', 'group_no'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'timetable_joint_member',
    'timetable_joint',
    'timetable_teacher_availability',
    'timetable_placement',
    'timetable_lesson_audience',
    'timetable_lesson_teacher',
    'timetable_lesson',
    'timetable_version',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}

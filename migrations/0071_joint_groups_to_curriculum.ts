import type { Kysely } from 'kysely';

/**
 * Joint lessons were kept twice: the curriculum's joint groups (migration 0051, what the portal's
 * ExportCM brings and what the load counts once) and the timetable's `timetable_joint` (migration
 * 0070). One concept, owned by the curriculum: the timetable's rows move into `joint_group` and its
 * tables go. A name already used for the same year and subject gets « (2)», « (3)»… — the unique key
 * of `joint_group` would refuse it and the person must still see both.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // Single-word aliases: the app's connection maps snake_case to camelCase on the way out.
  type Joint = { id: string; year: string; subject: string; name: string; version: number; at: string };
  const joints = (await db.selectFrom('timetable_joint').select(['id', 'academic_year_id as year', 'subject_id as subject', 'name', 'version', 'updated_at as at']).orderBy('name').orderBy('id').execute()) as Joint[];
  const members = (await db.selectFrom('timetable_joint_member').select(['joint_id as joint', 'class_id as cls', 'group_no as grp']).execute()) as { joint: string; cls: string; grp: number }[];
  const existing = (await db.selectFrom('joint_group').select(['academic_year_id as year', 'subject_id as subject', 'name']).execute()) as { year: string; subject: string; name: string }[];
  const taken = new Set(existing.map((r) => `${r.year}|${r.subject}|${r.name}`));
  for (const j of joints) {
    let name = j.name;
    for (let n = 2; taken.has(`${j.year}|${j.subject}|${name}`); n++) name = `${j.name} (${n})`;
    taken.add(`${j.year}|${j.subject}|${name}`);
    await db.insertInto('joint_group').values({ id: j.id, academic_year_id: j.year, subject_id: j.subject, name, version: j.version, updated_at: j.at }).execute();
    const slots = members.filter((m) => m.joint === j.id).map((m) => ({ joint_group_id: j.id, class_id: m.cls, group_no: m.grp }));
    if (slots.length > 0) await db.insertInto('joint_group_slot').values(slots).execute();
  }
  await db.schema.dropTable('timetable_joint_member').execute();
  await db.schema.dropTable('timetable_joint').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  // The timetable's tables come back empty: the joint groups stay the curriculum's.
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

import type { Executor } from '../../foundation/executor';


/**
 * Where a subject is used by the curriculum and the load, as a Russian phrase for a refusal
 * («в учебных планах 2026/2027: 5, 6 кл., 10А; в нагрузке учителей: 12 строк»), or null when it is
 * used nowhere. Plan rows and assignments reference the subject without cascade, so deleting a
 * subject in use must be refused with this text rather than fail on the foreign key.
 */
export async function curriculumUseOfSubject(db: Executor, subjectId: string): Promise<string | null> {
  const plans = await db
    .selectFrom('curriculumRow as r')
    .innerJoin('curriculumPlan as p', 'p.id', 'r.planId')
    .innerJoin('academicYear as y', 'y.id', 'p.academicYearId')
    .leftJoin('schoolClass as c', 'c.id', 'p.classId')
    .select(['y.name as yearName', 'y.startDate', 'p.grade', 'c.name as className'])
    .where('r.subjectId', '=', subjectId)
    .execute();
  const load = await db
    .selectFrom('teachingAssignment')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('subjectId', '=', subjectId)
    .executeTakeFirst();
  const joint = await db.selectFrom('jointGroup').select('name').where('subjectId', '=', subjectId).execute();
  const parts: string[] = [];
  const years = new Map<string, { start: string; names: Set<string> }>();
  for (const p of plans) {
    const y = years.get(p.yearName) ?? { start: p.startDate, names: new Set<string>() };
    y.names.add(p.className ?? `${Number(p.grade)} кл.`);
    years.set(p.yearName, y);
  }
  for (const [name, y] of [...years].sort((a, b) => b[1].start.localeCompare(a[1].start)).slice(0, 3)) {
    parts.push(`в учебном плане ${name}: ${[...y.names].slice(0, 6).join(', ')}${y.names.size > 6 ? '…' : ''}`);
  }
  if (years.size > 3) parts.push(`и ещё в ${years.size - 3} уч. г.`);
  const n = Number(load?.n ?? 0);
  if (n > 0) parts.push(`в нагрузке учителей (${n} назнач.)`);
  if (joint.length > 0) parts.push(`в сводных группах: ${joint.slice(0, 3).map((j) => `«${j.name}»`).join(', ')}${joint.length > 3 ? '…' : ''}`);
  return parts.length ? parts.join('; ') : null;
}

import { activeRows } from '../../../src-shared/domain/curriculum/effectivePlan';
import { distributePupils } from '../../../src-shared/domain/curriculum/subgroups';
import { subjectGroups } from '../../../src-shared/domain/curriculum/checks';
import { insertPlan, writeRows } from '../curriculum/index';
import { starterPlans, starterRows, starterSubjectIds } from '../curriculum/index';
import { classEffective, loadYearData, yearLoadRows } from '../curriculum/index';
import type { DemoSchool } from './generateSchool';
import { demoLoad, type DemoBundleRow } from './demoLoad';
import type { Executor } from '../foundation/executor';

/**
 * The demo school's curriculum and load (issue 7): the ФОП starter plans for grades 1–11, a profile
 * class 10А with its own rows, every load row given to a teacher of the matching subject (or left as a
 * vacancy when nobody has room), the teachers' subjects, and the subgroups of split subjects with
 * their pupils (English by the class list, технология by sex), dated like the class membership.
 * Deterministic: the same school gives the same plans, load and subgroups.
 */
export async function writeDemoCurriculum(db: Executor, school: DemoSchool, at: string): Promise<{ assignments: number; vacancies: number }> {
  const yearId = school.year.id;
  const { idOf } = await starterSubjectIds(db, at);
  for (const plan of starterPlans().plans) {
    const id = await insertPlan(db, { yearId, grade: plan.grade, classId: null, weeksPerYear: plan.weeksPerYear, note: plan.programme }, at);
    await writeRows(db, id, starterRows(plan.grade, idOf));
  }
  const profile = school.classes.find((c) => c.name === '10А');
  if (profile) {
    const rows = starterRows(10, idOf)
      .filter((r) => r.part === 'mandatory' && ['Алгебра', 'Физика'].some((n) => idOf(n) === r.subjectId))
      .map((r) => ({ ...r, hours: [3] }));
    const id = await insertPlan(db, { yearId, grade: 10, classId: profile.id, weeksPerYear: 34, note: 'Технологический профиль: алгебра и физика на углублённом уровне (демонстрационные данные)' }, at);
    await writeRows(db, id, rows);
  }

  const data = await loadYearData(db, yearId);
  const subjectName = (id: string) => data.subjects.get(id)?.name ?? '';
  const rows: DemoBundleRow[] = yearLoadRows(data).map((r) => ({ ...r, subjectName: subjectName(r.subjectId) }));
  const { assignments, qualifications, vacancies } = demoLoad(school, rows);
  for (let i = 0; i < assignments.length; i += 200) {
    await db
      .insertInto('teachingAssignment')
      .values(assignments.slice(i, i + 200).map((a, j) => ({ id: `${a.classId}-${a.subjectId}-${a.groupNo}-${i + j}`, academicYearId: yearId, ...a, version: 1, updatedAt: at })))
      .execute();
  }
  const quals = [...qualifications].flatMap(([staffId, names]) => [...names].map((n) => ({ staffId, subjectId: idOf(n) })).filter((q): q is { staffId: string; subjectId: string } => Boolean(q.subjectId)));
  for (let i = 0; i < quals.length; i += 200) await db.insertInto('staffSubject').values(quals.slice(i, i + 200)).execute();

  await writeDemoSubgroups(db, school, at);
  return { assignments: assignments.length, vacancies };
}

async function writeDemoSubgroups(db: Executor, school: DemoSchool, at: string): Promise<void> {
  const data = await loadYearData(db, school.year.id);
  const memberships = await db
    .selectFrom('classMembership as m')
    .innerJoin('pupil as p', 'p.id', 'm.pupilId')
    .select(['m.classId', 'm.pupilId', 'm.startDate', 'm.endDate', 'p.lastName', 'p.firstName', 'p.middleName', 'p.sex'])
    .where(
      'm.classId',
      'in',
      data.classes.map((c) => c.id),
    )
    .execute();
  const groups: { id: string; classId: string; subjectId: string; name: string; ordinal: number; version: number; updatedAt: string }[] = [];
  const members: { id: string; subgroupId: string; pupilId: string; startDate: string; endDate: string | null }[] = [];
  for (const c of data.classes) {
    const mine = memberships.filter((m) => m.classId === c.id);
    const pupils = [...new Map(mine.map((m) => [m.pupilId, { id: m.pupilId, fullName: `${m.lastName} ${m.firstName} ${m.middleName ?? ''}`.trim(), sex: m.sex }])).values()];
    for (const [subjectId, count] of subjectGroups(activeRows(classEffective(data, c)))) {
      if (count < 2) continue;
      const technology = /труд|технолог/i.test(data.subjects.get(subjectId)?.name ?? '');
      const lists = distributePupils(pupils, count, technology ? 'sex' : 'list');
      for (let n = 1; n <= count; n++) {
        const id = `${c.id}-${subjectId}-g${n}`;
        groups.push({ id, classId: c.id, subjectId, name: `Группа ${n}`, ordinal: n, version: 1, updatedAt: at });
        for (const pupilId of lists[n - 1] ?? []) {
          for (const m of mine.filter((x) => x.pupilId === pupilId)) members.push({ id: `${id}-${pupilId}-${m.startDate}`, subgroupId: id, pupilId, startDate: m.startDate, endDate: m.endDate });
        }
      }
    }
  }
  for (let i = 0; i < groups.length; i += 200) await db.insertInto('subgroup').values(groups.slice(i, i + 200)).execute();
  for (let i = 0; i < members.length; i += 200) await db.insertInto('subgroupMember').values(members.slice(i, i + 200)).execute();
}

import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateSchool } from '../../../src-main/core/demo/generateSchool';
import { writeDemo } from '../../../src-main/core/demo/writeDemo';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';

const school = generateSchool();

describeEachDb('copying last year’s plan and load after the rollover', (kind) => {
  let t: TestCore;
  let nextYearId: string;
  let copy: Awaited<ReturnType<TestCore['client']['call']>> & { gradePlans: number[]; classPlans: { from: string; to: string }[]; assignments: number; skipped: string[] };
  const classIn = async (yearId: string, name: string) => (await t.core.db.selectFrom('schoolClass').select('id').where('academicYearId', '=', yearId).where('name', '=', name).executeTakeFirstOrThrow()).id;
  const teacherOf = async (classId: string, subject: string, groupNo = 0) =>
    (
      await t.core.db
        .selectFrom('teachingAssignment as a')
        .innerJoin('subject as s', 's.id', 'a.subjectId')
        .select('a.staffId')
        .where('a.classId', '=', classId)
        .where('s.name', '=', subject)
        .where('a.groupNo', '=', groupNo)
        .executeTakeFirst()
    )?.staffId ?? null;

  beforeAll(async () => {
    t = await createTestCore(kind);
    await writeDemo(t.core.db, school);
    // 5В gets its own plan this year: no music, one hour of informatics instead.
    const fiveV = await classIn(school.year.id, '5В');
    const plan = await t.client.call('curriculum.plan.get', { yearId: school.year.id, grade: 5, classId: fiveV });
    const informatics = (await t.client.call('setup.subjects.list')).subjects.find((s) => s.name === 'Информатика')!.id;
    await t.client.call('curriculum.plan.save', {
      yearId: school.year.id,
      grade: 5,
      classId: fiveV,
      version: 0,
      rows: [
        ...plan.rows.filter((r) => r.subjectName !== 'Музыка').map((r) => ({ subjectId: r.subjectId, part: r.part, hours: r.hours, groups: r.groups, doubles: r.doubles, assessment: r.assessment })),
        { subjectId: informatics, part: 'formed' as const, hours: [1], groups: 1, doubles: 0, assessment: 'Зачёт' },
      ],
    });
    const applied = await t.client.call('movement.rollover.apply', {
      fromYearId: school.year.id,
      targetYear: { name: '2027/2028', startDate: '2027-09-01', endDate: '2028-08-31' },
      promotionOrderDate: '2027-05-28',
      graduationOrderDate: '2027-06-25',
      graduationDate: '2027-06-28',
      signatoryPosition: 'Директор',
      signatoryName: 'Шарапова Елена Викторовна',
      newClasses: [
        { grade: 1, letter: 'А' },
        { grade: 1, letter: 'Б' },
        { grade: 1, letter: 'В' },
        { grade: 10, letter: 'А' },
      ],
    });
    nextYearId = applied.yearId;
    copy = await t.client.call('curriculum.plan.copy', { fromYearId: school.year.id, toYearId: nextYearId, includeLoad: true });
  });
  afterAll(async () => t?.cleanup());

  it('copies every grade plan and moves class plans along the classes’ links', async () => {
    expect(copy.gradePlans).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(copy.classPlans).toEqual(expect.arrayContaining([{ from: '5В', to: '6В' }, { from: '10А', to: '11А' }]));
    const sixV = await t.client.call('curriculum.plan.get', { yearId: nextYearId, grade: 6, classId: await classIn(nextYearId, '6В') });
    expect(sixV.rows.find((r) => r.subjectName === 'Информатика')).toMatchObject({ origin: 'added', hours: [1] });
    expect(sixV.rows.find((r) => r.subjectName === 'Музыка')).toMatchObject({ origin: 'removed' });
    const elevenA = await t.client.call('curriculum.plan.get', { yearId: nextYearId, grade: 11, classId: await classIn(nextYearId, '11А') });
    expect(elevenA.rows.find((r) => r.subjectName === 'Алгебра' && r.part === 'mandatory')).toMatchObject({ hours: [3], origin: 'changed' });
    // The new 10А (a new class, no predecessor) takes the plain grade plan.
    const tenA = await t.client.call('curriculum.plan.get', { yearId: nextYearId, grade: 10, classId: await classIn(nextYearId, '10А') });
    expect(tenA.plan.id).toBeNull();
  });

  it('keeps each teacher with their class in its next grade; what cannot follow is listed', async () => {
    const from = school.year.id;
    expect(await teacherOf(await classIn(nextYearId, '6А'), 'Математика')).toBe(await teacherOf(await classIn(from, '5А'), 'Математика'));
    expect(await teacherOf(await classIn(nextYearId, '9Б'), 'Алгебра')).toBe(await teacherOf(await classIn(from, '8Б'), 'Алгебра'));
    expect(await teacherOf(await classIn(nextYearId, '6Б'), 'Иностранный язык (английский)', 2)).toBe(await teacherOf(await classIn(from, '5Б'), 'Иностранный язык (английский)', 2));
    expect(await teacherOf(await classIn(nextYearId, '2А'), 'Окружающий мир')).toBe(await teacherOf(await classIn(from, '1А'), 'Окружающий мир'));
    expect(copy.skipped).toEqual(expect.arrayContaining([expect.stringMatching(/^6А, «Математика», .+: в плане 7А нет этого предмета$/), expect.stringMatching(/^11А, «Русский язык», .+: класс не продолжается в 2027\/2028$/)]));
    // Every copied assignment is on a class of the new year, and the new first grades have none.
    const rows = await t.core.db
      .selectFrom('teachingAssignment as a')
      .innerJoin('schoolClass as c', 'c.id', 'a.classId')
      .select(['c.academicYearId', 'c.name', 'c.previousClassId'])
      .where('a.academicYearId', '=', nextYearId)
      .execute();
    expect(rows).toHaveLength(copy.assignments);
    expect(rows.length).toBeGreaterThan(300);
    expect(rows.every((r) => r.academicYearId === nextYearId && r.previousClassId !== null)).toBe(true);
    expect(rows.some((r) => /^1[А-ЯЁ]/.test(r.name))).toBe(false);
    const grid = await t.client.call('load.grid', { yearId: nextYearId });
    expect(grid.vacancies.rows.some((v) => v.className === '1А' && v.subjectName === 'Математика')).toBe(true);
  });

  it('a second copy without «replace» changes nothing', async () => {
    const before = await t.core.db.selectFrom('teachingAssignment').select('id').where('academicYearId', '=', nextYearId).execute();
    const again = await t.client.call('curriculum.plan.copy', { fromYearId: school.year.id, toYearId: nextYearId, includeLoad: true });
    expect(again.gradePlans).toEqual([]);
    expect(again.assignments).toBe(0);
    expect(again.skipped).toContain('План 5 классов: в 2027/2028 уже есть — не заменён');
    expect(await t.core.db.selectFrom('teachingAssignment').select('id').where('academicYearId', '=', nextYearId).execute()).toHaveLength(before.length);
  });
});

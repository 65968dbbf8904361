import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateSchool } from '../../../src-main/core/demo/generateSchool';
import { writeDemo } from '../../../src-main/core/demo/writeDemo';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';

describeEachDb('demo school set-up', (kind) => {
  let t: TestCore;
  let yearId: string;
  beforeAll(async () => {
    t = await createTestCore(kind);
    await writeDemo(t.core.db, generateSchool());
    yearId = (await t.client.call('setup.years.list')).years[0].id;
  }, 240_000);
  afterAll(async () => {
    await t?.cleanup();
  });

  it('has a complete 2026/2027: periods, holidays, bells, teachers — only the 2027 forecast is left to note', async () => {
    const { years } = await t.client.call('setup.years.list');
    expect(years[0]).toMatchObject({ name: '2026/2027', isCurrent: true, weekLength: 5, weekLengthByGrade: { '10': 6, '11': 6 } });
    const { schemes } = await t.client.call('setup.periods.list', { yearId });
    expect(schemes.map((s) => [s.name, s.grades.length, s.periods.length])).toEqual([
      ['Четверти', 9, 4],
      ['Полугодия', 2, 2],
    ]);
    const { problems } = await t.client.call('setup.years.check', { yearId });
    expect(problems.map((p) => p.area)).toEqual(['production']);
    const { schedules } = await t.client.call('setup.bells.list', { yearId });
    expect(schedules.map((s) => [s.shift, s.weekdays.join('')])).toEqual([
      [1, '12345'],
      [1, '6'],
      [2, '12345'],
    ]);
  });

  it('gives grade 1 its February week and runs Saturday 14 November on Monday’s timetable', async () => {
    const g1 = await t.client.call('calendar.view', { yearId, grade: 1 });
    const g2 = await t.client.call('calendar.view', { yearId, grade: 2 });
    expect(g1.days.find((d) => d.date === '2027-02-17')?.kind).toBe('holiday');
    expect(g2.days.find((d) => d.date === '2027-02-17')?.kind).toBe('school');
    expect(g2.days.find((d) => d.date === '2026-11-14')).toMatchObject({ kind: 'school', worksAs: 1 });
    expect(g2.days.find((d) => d.date === '2026-09-01')?.events.map((e) => e.title)).toEqual(['Торжественная линейка «День знаний»']);
    const file = await t.client.call('calendar.export', { yearId });
    expect(file.contentBase64.length).toBeGreaterThan(10_000);
  });

  it('has about 45 rooms of every type, home rooms, the starter subjects and subgroups', async () => {
    const { rooms } = await t.client.call('setup.rooms.list');
    expect(rooms.length).toBe(45);
    const byType = (code: string) => rooms.filter((r) => r.typeCode === code).length;
    expect([byType('gym'), byType('lab'), byType('computer'), byType('workshop'), byType('hall')]).toEqual([2, 3, 2, 3, 1]);
    const { classes } = await t.client.call('setup.classes.list', { yearId });
    expect(classes.filter((c) => c.homeRoomNumber).length).toBeGreaterThanOrEqual(32);
    expect(classes.find((c) => c.name === '1А')?.homeRoomNumber).toBe('101');
    const { subjects } = await t.client.call('setup.subjects.list');
    expect(subjects.length).toBeGreaterThanOrEqual(30);
    const english = subjects.find((s) => s.name === 'Иностранный язык (английский)');
    const cls5 = classes.find((c) => c.name === '5А');
    const { subgroups } = await t.client.call('setup.subgroups.list', { classId: cls5?.id as string, date: '2026-10-01' });
    const englishGroups = subgroups.filter((g) => g.subjectId === english?.id);
    expect(englishGroups.length).toBe(2);
    expect(englishGroups.every((g) => g.members.length > 0)).toBe(true);
  });
});

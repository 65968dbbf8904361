import { afterEach, beforeEach, expect, it } from 'vitest';
import { subgroupsNeedingAttention } from '../../../src-main/core/curriculum/subgroupPlan';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';
import { newPupilItem, order, saveAndSign, seedYear, type MovementFixture } from '../movement/movementFixture';

const PUPILS = [
  { lastName: 'Андреев', firstName: 'Антон', sex: 'М' as const, birthDate: '2015-03-01' },
  { lastName: 'Белова', firstName: 'Вера', sex: 'Ж' as const, birthDate: '2015-04-02' },
  { lastName: 'Волков', firstName: 'Глеб', sex: 'М' as const, birthDate: '2015-05-03' },
  { lastName: 'Громова', firstName: 'Дарья', sex: 'Ж' as const, birthDate: '2015-06-04' },
];

describeEachDb('subgroups from the plan and roster changes', (kind) => {
  let t: TestCore;
  let f: MovementFixture;
  let ids: Record<string, string>;
  const status = async (date: string) => (await t.client.call('curriculum.subgroups.status', { yearId: f.yearId, date })).items;
  const groupsOf = async (classId: string, subject: string, date: string) =>
    (await t.client.call('setup.subgroups.list', { classId, date })).subgroups.filter((g) => g.subjectName === subject).map((g) => [g.name, g.members.map((m) => m.fullName.split(' ')[0])]);

  beforeEach(async () => {
    t = await createTestCore(kind);
    f = await seedYear(t.core.db, ['5А', '5Б']);
    await t.client.call('curriculum.plan.loadStarter', { yearId: f.yearId, grades: [5] });
    await saveAndSign(t.client, order('enroll', '2026-09-01', PUPILS.map((p) => newPupilItem(p, f.classes['5А'], '2026-09-01'))));
    await saveAndSign(t.client, order('enroll', '2026-09-01', [newPupilItem({ lastName: 'Егоров', firstName: 'Иван', sex: 'М', birthDate: '2015-01-09' }, f.classes['5Б'], '2026-09-01')]));
    const roster = (await t.client.call('movement.classes.roster', { classId: f.classes['5А'], date: '2026-09-01' })).pupils;
    ids = Object.fromEntries(roster.map((p) => [p.fullName.split(' ')[0], p.id]));
  });
  afterEach(async () => t?.cleanup());

  it('creates the split rows’ subgroups and shares pupils by the list, технология by sex', async () => {
    const before = await status('2026-09-01');
    expect(before.find((s) => s.className === '5А' && s.subjectName === 'Иностранный язык (английский)')).toMatchObject({ required: 2, existing: 0, needsAttention: true });
    const plan = await t.client.call('curriculum.plan.get', { yearId: f.yearId, grade: 5 });
    expect(plan.problems.some((p) => p.rule === 'splitWithoutSubgroups')).toBe(true);

    const r = await t.client.call('curriculum.subgroups.create', { yearId: f.yearId, date: '2026-09-01', distribute: 'sexForTechnology' });
    expect(r.created).toBe(2 * 2 * 2);
    expect(r.distributed).toEqual(expect.arrayContaining(['5А, «Иностранный язык (английский)»: по списку', '5А, «Труд (технология)»: по полу']));
    expect(r.messages).toEqual([]);
    expect(await groupsOf(f.classes['5А'], 'Иностранный язык (английский)', '2026-09-01')).toEqual([
      ['Группа 1', ['Андреев', 'Белова']],
      ['Группа 2', ['Волков', 'Громова']],
    ]);
    expect(await groupsOf(f.classes['5А'], 'Труд (технология)', '2026-09-01')).toEqual([
      ['Группа 1', ['Андреев', 'Волков']],
      ['Группа 2', ['Белова', 'Громова']],
    ]);
    expect((await status('2026-09-01')).every((s) => !s.needsAttention)).toBe(true);
    const after = await t.client.call('curriculum.plan.get', { yearId: f.yearId, grade: 5 });
    expect(after.problems.some((p) => p.rule === 'splitWithoutSubgroups')).toBe(false);
    // A second run creates nothing and keeps the composition.
    expect((await t.client.call('curriculum.subgroups.create', { yearId: f.yearId, date: '2026-09-01', distribute: 'list' })).created).toBe(0);
  });

  it('a pupil moved between classes leaves the old class’s subgroups; the new class’s subgroups are flagged', async () => {
    await t.client.call('curriculum.subgroups.create', { yearId: f.yearId, date: '2026-09-01', distribute: 'list' });
    await saveAndSign(t.client, order('transfer', '2026-10-12', [{ pupilId: ids['Волков'], toClassId: f.classes['5Б'], effectiveDate: '2026-10-12', reason: 'заявление родителей' }]));

    // Old class: gone from both subjects from the transfer date, still there the day before (history kept).
    expect(await groupsOf(f.classes['5А'], 'Иностранный язык (английский)', '2026-10-12')).toEqual([
      ['Группа 1', ['Андреев', 'Белова']],
      ['Группа 2', ['Громова']],
    ]);
    expect((await groupsOf(f.classes['5А'], 'Иностранный язык (английский)', '2026-10-11'))[1][1]).toContain('Волков');

    const items = await status('2026-10-12');
    const oldClass = items.filter((s) => s.className === '5А');
    expect(oldClass.every((s) => !s.needsAttention)).toBe(true);
    const newClass = items.filter((s) => s.className === '5Б');
    expect(newClass.map((s) => s.subjectName).sort()).toEqual(['Иностранный язык (английский)', 'Труд (технология)']);
    for (const s of newClass) {
      expect(s.needsAttention).toBe(true);
      expect(s.unassigned).toEqual([expect.objectContaining({ pupilId: ids['Волков'], since: '2026-10-12' })]);
      expect(s.messages).toEqual([`5Б, «${s.subjectName}»: не распределены по подгруппам — Волков Глеб (в классе с 12.10.2026)`]);
    }
    // The function the movement book may call after signing says the same.
    expect(await subgroupsNeedingAttention(t.core.db, [f.classes['5Б'], f.classes['5А']], '2026-10-12')).toHaveLength(2);

    // Placing him clears the flag.
    const groups = (await t.client.call('setup.subgroups.list', { classId: f.classes['5Б'], date: '2026-10-12' })).subgroups.filter((g) => g.subjectName === 'Иностранный язык (английский)');
    await t.client.call('setup.subgroups.setMembers', {
      classId: f.classes['5Б'],
      subjectId: groups[0].subjectId,
      date: '2026-10-12',
      groups: groups.map((g, i) => ({ subgroupId: g.id, version: g.version, pupilIds: [...g.members.map((m) => m.pupilId), ...(i === 1 ? [ids['Волков']] : [])] })),
    });
    const cleared = (await status('2026-10-12')).find((s) => s.className === '5Б' && s.subjectName === 'Иностранный язык (английский)');
    expect(cleared?.needsAttention).toBe(false);
  });
});

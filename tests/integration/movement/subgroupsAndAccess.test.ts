import { afterEach, beforeEach, expect, it } from 'vitest';
import { createSignedInUser } from '../../helpers/accessHelpers';
import { AppError } from '../../../src-shared/errors';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';
import { newPupilItem, order, saveAndSign, seedYear, type MovementFixture } from './movementFixture';

describeEachDb('subgroups follow class changes; cards get the register numbers; rights', (kind) => {
  let t: TestCore;
  let f: MovementFixture;
  beforeEach(async () => {
    t = await createTestCore(kind);
    f = await seedYear(t.core.db);
  });
  afterEach(async () => t?.cleanup());

  async function groupsOf(classId: string, date: string) {
    return (await t.client.call('setup.subgroups.list', { classId, date })).subgroups.map((g) => ({ id: g.id, name: g.name, version: g.version, members: g.members.map((m) => m.fullName) }));
  }

  it('leaving a class ends its subgroups, joining puts the pupil in the chosen ones; cancelling restores both', async () => {
    const enrolled = await saveAndSign(
      t.client,
      order('enroll', '2026-08-28', [
        newPupilItem({ lastName: 'Орлов', firstName: 'Пётр', middleName: 'Ильич', sex: 'М', birthDate: '2015-01-10' }, f.classes['5А'], '2026-09-01', { enrollKind: 'contingent' }),
        newPupilItem({ lastName: 'Белова', firstName: 'Анна', middleName: 'Олеговна', sex: 'Ж', birthDate: '2015-02-11' }, f.classes['5А'], '2026-09-01', { enrollKind: 'contingent' }),
      ]),
    );
    const [orlov, belova] = enrolled.items.map((i) => i.pupilId);
    const subject = await t.client.call('setup.subjects.save', { id: null, version: 0, subject: { name: 'Английский язык', shortName: 'Англ.', isSplit: true } });
    const inA = (await t.client.call('setup.subgroups.split', { classId: f.classes['5А'], subjectId: subject.id, count: 2 })).subgroups;
    const inB = (await t.client.call('setup.subgroups.split', { classId: f.classes['5Б'], subjectId: subject.id, count: 2 })).subgroups;
    await t.client.call('setup.subgroups.setMembers', {
      classId: f.classes['5А'],
      subjectId: subject.id,
      date: '2026-09-01',
      groups: [
        { subgroupId: inA[0].id, version: inA[0].version, pupilIds: [orlov] },
        { subgroupId: inA[1].id, version: inA[1].version, pupilIds: [belova] },
      ],
    });
    const before = await t.core.db.selectFrom('subgroupMember').selectAll().orderBy('id').execute();

    const wrong = await saveAndSign(t.client, order('transfer', '2026-10-12', [{ pupilId: orlov, toClassId: f.classes['5Б'], effectiveDate: '2026-10-12', subgroupIds: [inA[1].id] }])).catch((e: unknown) => e);
    expect((wrong as AppError).message).toMatch(/выбранная подгруппа не относится к классу 5Б/);

    const moved = await saveAndSign(t.client, order('transfer', '2026-10-12', [{ pupilId: orlov, toClassId: f.classes['5Б'], effectiveDate: '2026-10-12', subgroupIds: [inB[1].id] }]));
    expect((await groupsOf(f.classes['5А'], '2026-10-11'))[0].members).toEqual(['Орлов Пётр Ильич']);
    expect((await groupsOf(f.classes['5А'], '2026-10-12'))[0].members).toEqual([]);
    expect((await groupsOf(f.classes['5Б'], '2026-10-12'))[1].members).toEqual(['Орлов Пётр Ильич']);
    expect((await groupsOf(f.classes['5Б'], '2026-10-11'))[1].members).toEqual([]);

    await t.client.call('movement.orders.cancel', { id: moved.id, version: moved.version, reason: 'не тот ученик' });
    expect(await t.core.db.selectFrom('subgroupMember').selectAll().orderBy('id').execute()).toEqual(before);

    await saveAndSign(t.client, order('withdraw', '2026-11-02', [{ pupilId: belova, effectiveDate: '2026-11-02', destinationKind: 'familyEducation' }]));
    expect((await groupsOf(f.classes['5А'], '2026-11-02'))[1].members).toEqual([]);
    expect((await groupsOf(f.classes['5А'], '2026-11-01'))[1].members).toEqual(['Белова Анна Олеговна']);
  });

  it('writes the alphabet-book and personal-file numbers on the card, keeps typed ones, clears them on cancel', async () => {
    const signed = await saveAndSign(t.client, order('enroll', '2026-08-28', [newPupilItem({ lastName: 'Ёлкина', firstName: 'Алиса', sex: 'Ж', birthDate: '2019-07-30' }, f.classes['1А'], '2026-09-01')]));
    const card = () => t.core.db.selectFrom('pupil').select(['alphabetBookNumber', 'personalFileNumber']).where('id', '=', signed.items[0].pupilId).executeTakeFirstOrThrow();
    expect(await card()).toEqual({ alphabetBookNumber: '1', personalFileNumber: 'Е-1' });
    await t.client.call('movement.orders.cancel', { id: signed.id, version: signed.version, reason: 'ошибка' });
    expect(await card()).toEqual({ alphabetBookNumber: null, personalFileNumber: null });

    // A number typed from the paper book stays on the card.
    await t.core.db.updateTable('pupil').set({ alphabetBookNumber: '1187', personalFileNumber: 'Е-40' }).where('id', '=', signed.items[0].pupilId).execute();
    await saveAndSign(t.client, order('enroll', '2026-09-02', [{ pupilId: signed.items[0].pupilId, toClassId: f.classes['1А'], effectiveDate: '2026-09-02', enrollKind: 'first' }]));
    expect(await card()).toEqual({ alphabetBookNumber: '1187', personalFileNumber: 'Е-40' });
  });

  it('lets the secretary prepare, sign and print; a class teacher cannot read the book; exports are logged', async () => {
    const { client: secretary } = await createSignedInUser(t, { login: 'secretary', roles: ['secretary'] });
    const { client: teacher } = await createSignedInUser(t, { login: 'teacher', roles: ['classTeacher'], staffId: f.teachers['1А'] });
    const { client: deputy } = await createSignedInUser(t, { login: 'deputy', roles: ['deputy'] });
    const signed = await saveAndSign(secretary, order('enroll', '2026-08-28', [newPupilItem({ lastName: 'Ким', firstName: 'Виктор', sex: 'М', birthDate: '2019-01-01' }, f.classes['1А'], '2026-09-01')]));
    expect(signed.signedBy).toBe('Пользователь secretary');
    await secretary.call('movement.orders.document', { id: signed.id, format: 'pdf' });
    const refused = await teacher.call('movement.orders.list', {}).catch((e: unknown) => e);
    expect((refused as AppError).code).toBe('FORBIDDEN');
    // The завуч prepares orders and reports (work order 3.9, 3.10) but does not sign.
    const draft = await deputy.call('movement.orders.save', { id: null, version: 0, order: order('transfer', '2026-10-01', [{ pupilId: signed.items[0].pupilId, toClassId: f.classes['1Б'], effectiveDate: '2026-10-01' }]) });
    expect(((await deputy.call('movement.orders.sign', { id: draft.id, version: draft.version }).catch((e: unknown) => e)) as AppError).code).toBe('FORBIDDEN');
    await deputy.call('reports.movement.export', { from: '2026-09-01', to: '2026-12-31' });
    const exports = await t.core.db.selectFrom('auditLog').select(['method', 'userName']).where('action', '=', 'export').execute();
    expect(exports).toEqual(expect.arrayContaining([
      { method: 'movement.orders.document', userName: 'Пользователь secretary' },
      { method: 'reports.movement.export', userName: 'Пользователь deputy' },
    ]));
  });

  it('two office PCs signing at the same moment get different numbers', async () => {
    const other = await t.reopen();
    try {
      const drafts = await Promise.all(
        [0, 1, 2, 3].map((i) =>
          t.client.call('movement.orders.save', { id: null, version: 0, order: order('enroll', '2026-09-01', [newPupilItem({ lastName: `Параллельный${'ая'.repeat(i)}`, firstName: 'Иван', sex: 'М', birthDate: `2019-01-0${i + 1}` }, f.classes['1Б'], '2026-09-02')]) }),
        ),
      );
      const results = await Promise.allSettled(drafts.map((d, i) => (i % 2 ? other.client : t.client).call('movement.orders.sign', { id: d.id, version: d.version })));
      const numbers = results.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<{ numberText: string }>).value.numberText);
      // A loser is told to retry (PostgreSQL: the number was taken; SQLite: the file was busy); never a duplicate.
      for (const r of results) if (r.status === 'rejected') expect(['CONFLICT', 'DB_UNAVAILABLE']).toContain((r.reason as AppError).code);
      expect(new Set(numbers).size).toBe(numbers.length);
      expect(numbers.length).toBeGreaterThan(0);
      const entries = await t.core.db.selectFrom('alphabetBookEntry').select('number').execute();
      expect(new Set(entries.map((e) => e.number)).size).toBe(entries.length);
    } finally {
      await other.core.appDb.close();
    }
  });
});

import { afterEach, beforeEach, expect, it } from 'vitest';
import { AppError } from '../../../src-shared/errors';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';
import { newPupilItem, order, rosterNames, saveAndSign, seedYear, type MovementFixture } from './movementFixture';

async function snapshot(t: TestCore) {
  const db = t.core.db;
  return {
    memberships: await db.selectFrom('classMembership').selectAll().orderBy('id').execute(),
    subgroups: await db.selectFrom('subgroupMember').selectAll().orderBy('id').execute(),
    register: await db.selectFrom('alphabetBookEntry').select(['id', 'number', 'status', 'pupilId']).orderBy('number').execute(),
  };
}

describeEachDb('movement orders: signing applies, cancelling reverts', (kind) => {
  let t: TestCore;
  let f: MovementFixture;
  beforeEach(async () => {
    t = await createTestCore(kind);
    f = await seedYear(t.core.db);
  });
  afterEach(async () => t?.cleanup());

  it('a signed enrolment puts the pupil in the class from its date, with a number and an alphabet-book entry', async () => {
    const draft = await t.client.call('movement.orders.save', {
      id: null,
      version: 0,
      order: order('enroll', '2026-08-28', [newPupilItem({ lastName: 'Соколова', firstName: 'Любовь', middleName: 'Андреевна', sex: 'Ж', birthDate: '2019-05-03' }, f.classes['1А'], '2026-09-01')]),
    });
    expect(draft.status).toBe('draft');
    expect(draft.numberText).toBeNull();
    expect(draft.items[0]).toMatchObject({ pupilName: 'Соколова Любовь Андреевна', nameAccusative: 'Соколову Любовь Андреевну', nameGenitive: 'Соколовой Любови Андреевны', nameDative: 'Соколовой Любови Андреевне', createdPupil: true });
    // Not applied until signed.
    expect(await rosterNames(t.client, f.classes['1А'], '2026-09-01')).toEqual([]);

    const signed = await t.client.call('movement.orders.sign', { id: draft.id, version: draft.version });
    expect(signed.status).toBe('signed');
    expect(signed.numberText).toBe('1-з');
    expect(await rosterNames(t.client, f.classes['1А'], '2026-08-31')).toEqual([]);
    expect(await rosterNames(t.client, f.classes['1А'], '2026-09-01')).toEqual(['Соколова Любовь Андреевна']);
    expect(await rosterNames(t.client, f.classes['1А'], '2027-05-20')).toEqual(['Соколова Любовь Андреевна']);
    const timeline = await t.client.call('movement.pupils.timeline', { pupilId: signed.items[0].pupilId });
    expect(timeline.register).toEqual({ alphabetNumber: 1, personalFileNumber: 'С-1' });
    expect(timeline.memberships).toMatchObject([{ className: '1А', startDate: '2026-09-01', endDate: null, startOrder: { numberText: '1-з' } }]);
    const audit = await t.core.db.selectFrom('auditLog').selectAll().where('recordId', '=', signed.items[0].pupilId).where('action', '=', 'update').execute();
    expect(audit.some((a) => a.cause === 'Приказ № 1-з от 28.08.2026' && a.changes?.includes('1А'))).toBe(true);

    // The next order of the same series gets the next number.
    const second = await saveAndSign(t.client, order('enroll', '2026-09-02', [newPupilItem({ lastName: 'Иванов', firstName: 'Иван', middleName: 'Иванович', sex: 'М', birthDate: '2019-02-01' }, f.classes['1Б'], '2026-09-02')]));
    expect(second.numberText).toBe('2-з');
  });

  it('cancelling a signed enrolment restores the previous state exactly, and the alphabet number is never reused', async () => {
    const first = await saveAndSign(t.client, order('enroll', '2026-08-28', [newPupilItem({ lastName: 'Орлов', firstName: 'Пётр', middleName: 'Ильич', sex: 'М', birthDate: '2019-01-10' }, f.classes['1А'], '2026-09-01')]));
    const before = await snapshot(t);
    const draft = await t.client.call('movement.orders.save', {
      id: null,
      version: 0,
      order: order('enroll', '2026-09-10', [newPupilItem({ lastName: 'Соколова', firstName: 'Любовь', middleName: 'Андреевна', sex: 'Ж', birthDate: '2019-05-03' }, f.classes['1А'], '2026-09-10', { enrollKind: 'otherSchool', originSchool: 'МБОУ «СОШ № 12»' })]),
    });
    const beforeSign = await snapshot(t);
    expect(beforeSign).toEqual(before);
    const signed = await t.client.call('movement.orders.sign', { id: draft.id, version: draft.version });
    expect(await rosterNames(t.client, f.classes['1А'], '2026-09-15')).toEqual(['Орлов Пётр Ильич', 'Соколова Любовь Андреевна']);

    const err = await t.client.call('movement.orders.cancel', { id: signed.id, version: signed.version, reason: '' }).catch((e: unknown) => e);
    expect((err as AppError).code).toBe('VALIDATION');
    expect((err as AppError).message).toMatch(/Причина отмены/);

    const cancelled = await t.client.call('movement.orders.cancel', { id: signed.id, version: signed.version, reason: 'ошибочно введён' });
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.cancelReason).toBe('ошибочно введён');
    const after = await snapshot(t);
    expect(after.memberships).toEqual(before.memberships);
    expect(after.subgroups).toEqual(before.subgroups);
    // The number stays in the book, annulled; the next enrolment gets a new one.
    expect(after.register.map((r) => [r.number, r.status])).toEqual([
      [1, 'active'],
      [2, 'annulled'],
    ]);
    const again = await saveAndSign(t.client, order('enroll', '2026-09-11', [{ pupilId: signed.items[0].pupilId, toClassId: f.classes['1Б'], effectiveDate: '2026-09-11', enrollKind: 'otherSchool' }]));
    const tl = await t.client.call('movement.pupils.timeline', { pupilId: again.items[0].pupilId });
    expect(tl.register?.alphabetNumber).toBe(3);
    expect(first.numberText).toBe('1-з');
    expect(again.numberText).toBe('3-з');
    const auditRows = await t.core.db.selectFrom('auditLog').select(['action', 'cause']).where('recordId', '=', signed.id).execute();
    expect(auditRows.map((a) => a.action)).toEqual(expect.arrayContaining(['create', 'sign', 'cancel']));
  });

  it('answers the roster on a date between two transfers, and refuses cancelling the earlier one first', async () => {
    const enrolled = await saveAndSign(t.client, order('enroll', '2026-08-28', [newPupilItem({ lastName: 'Петров', firstName: 'Никита', middleName: 'Андреевич', sex: 'М', birthDate: '2015-01-05' }, f.classes['5А'], '2026-09-01', { enrollKind: 'contingent' })]));
    const pupilId = enrolled.items[0].pupilId;
    const t1 = await saveAndSign(t.client, order('transfer', '2026-10-12', [{ pupilId, toClassId: f.classes['5Б'], effectiveDate: '2026-10-12', reason: 'заявление родителей' }]));
    expect(t1.items[0].fromClassName).toBe('5А');
    const t2 = await saveAndSign(t.client, order('transfer', '2027-02-01', [{ pupilId, toClassId: f.classes['5А'], effectiveDate: '2027-02-01' }]));
    expect(t2.numberText).toBe('2-п');

    expect(await rosterNames(t.client, f.classes['5А'], '2026-10-11')).toEqual(['Петров Никита Андреевич']);
    expect(await rosterNames(t.client, f.classes['5А'], '2026-10-12')).toEqual([]);
    expect(await rosterNames(t.client, f.classes['5Б'], '2026-10-12')).toEqual(['Петров Никита Андреевич']);
    expect(await rosterNames(t.client, f.classes['5Б'], '2026-12-01')).toEqual(['Петров Никита Андреевич']);
    expect(await rosterNames(t.client, f.classes['5Б'], '2027-02-01')).toEqual([]);
    expect(await rosterNames(t.client, f.classes['5А'], '2027-02-01')).toEqual(['Петров Никита Андреевич']);
    const tl = await t.client.call('movement.pupils.timeline', { pupilId });
    expect(tl.memberships.map((m) => [m.className, m.startDate, m.endDate])).toEqual([
      ['5А', '2026-09-01', '2026-10-12'],
      ['5Б', '2026-10-12', '2027-02-01'],
      ['5А', '2027-02-01', null],
    ]);

    const refused = await t.client.call('movement.orders.cancel', { id: t1.id, version: t1.version, reason: 'ошибка' }).catch((e: unknown) => e);
    expect((refused as AppError).code).toBe('CONFLICT');
    expect((refused as AppError).message).toMatch(/приказом № 2-п от 01\.02\.2027/);
    // Later first, then the earlier one: back to 5А all year.
    const c2 = await t.client.call('movement.orders.cancel', { id: t2.id, version: t2.version, reason: 'ошибка' });
    expect(c2.status).toBe('cancelled');
    await t.client.call('movement.orders.cancel', { id: t1.id, version: t1.version, reason: 'ошибка' });
    expect((await t.client.call('movement.pupils.timeline', { pupilId })).memberships.map((m) => [m.className, m.startDate, m.endDate])).toEqual([['5А', '2026-09-01', null]]);
  });

  it('refuses what the book does not allow, naming the item and changing nothing', async () => {
    const enrolled = await saveAndSign(t.client, order('enroll', '2026-08-28', [newPupilItem({ lastName: 'Белов', firstName: 'Илья', middleName: 'Сергеевич', sex: 'М', birthDate: '2015-03-03' }, f.classes['5А'], '2026-09-01', { enrollKind: 'contingent' })]));
    const pupilId = enrolled.items[0].pupilId;
    const before = await snapshot(t);
    const cases: [Parameters<typeof order>, RegExp][] = [
      [['enroll', '2026-10-01', [{ pupilId, toClassId: f.classes['5Б'], effectiveDate: '2026-10-01', enrollKind: 'otherSchool' }]], /Пункт 1 \(Белов Илья Сергеевич\): обучающийся уже числится с 01\.09\.2026 в классе 5А/],
      [['transfer', '2026-10-01', [{ pupilId, fromClassId: f.classes['5Б'], toClassId: f.classes['5А'], effectiveDate: '2026-10-01' }]], /числится в классе 5А, а в приказе указан класс 5Б/],
      [['promote', '2026-10-01', [{ pupilId, toClassId: f.classes['9А'], effectiveDate: '2026-10-01' }]], /ведёт в 6 класс, а выбран 9А/],
      [['graduate', '2026-10-01', [{ pupilId, effectiveDate: '2026-10-01' }]], /выпуск бывает после 9 и 11 классов/],
      [['transfer', '2027-10-01', [{ pupilId, toClassId: f.classes['5Б'], effectiveDate: '2027-10-01' }]], /не попадает ни в один учебный год/],
    ];
    for (const [args, message] of cases) {
      const err = await saveAndSign(t.client, order(...args)).catch((e: unknown) => e);
      expect(err, String(message)).toBeInstanceOf(AppError);
      expect((err as AppError).message).toMatch(message);
      expect((err as AppError).message).toMatch(/Ничего не изменено|Ничего не сохранено/);
    }
    expect(await snapshot(t)).toEqual(before);
    // Half-valid order: item 2 fails, item 1 is not applied either.
    const other = await saveAndSign(t.client, order('enroll', '2026-08-28', [newPupilItem({ lastName: 'Зуева', firstName: 'Анна', middleName: 'Олеговна', sex: 'Ж', birthDate: '2015-04-04' }, f.classes['5Б'], '2026-09-01', { enrollKind: 'contingent' })]));
    const snap = await snapshot(t);
    const err = await saveAndSign(
      t.client,
      order('withdraw', '2026-11-02', [
        { pupilId: other.items[0].pupilId, effectiveDate: '2026-11-02', destinationKind: 'sameRegion', destinationSchool: 'МБОУ «Лицей № 2»' },
        { pupilId, effectiveDate: '2026-09-01', destinationKind: 'sameRegion' },
      ]),
    ).catch((e: unknown) => e);
    expect((err as AppError).message).toMatch(/Пункт 2 \(Белов Илья Сергеевич\): обучающийся пришёл в класс 5А в тот же день/);
    expect(await snapshot(t)).toEqual(snap);
    const drafts = await t.client.call('movement.orders.list', { status: 'draft' });
    expect(drafts.length).toBeGreaterThan(0);
  });

  it('refuses a second card with the same ФИО and birth date, and a stale draft', async () => {
    const p = { lastName: 'Ёлкина', firstName: 'Алиса', middleName: 'Дмитриевна', sex: 'Ж' as const, birthDate: '2019-07-30' };
    await saveAndSign(t.client, order('enroll', '2026-08-28', [newPupilItem(p, f.classes['1А'], '2026-09-01')]));
    const err = await t.client.call('movement.orders.save', { id: null, version: 0, order: order('enroll', '2026-09-05', [newPupilItem({ ...p, lastName: 'Елкина' }, f.classes['1Б'], '2026-09-05')]) }).catch((e: unknown) => e);
    expect((err as AppError).message).toMatch(/Пункт 1: карточка «Елкина Алиса Дмитриевна», 30\.07\.2019 г\. р\., уже есть/);
    const d = await t.client.call('movement.orders.save', { id: null, version: 0, order: order('transfer', '2026-09-05', []) });
    await t.client.call('movement.orders.save', { id: d.id, version: d.version, order: order('transfer', '2026-09-06', []) });
    const stale = await t.client.call('movement.orders.save', { id: d.id, version: d.version, order: order('transfer', '2026-09-07', []) }).catch((e: unknown) => e);
    expect((stale as AppError).code).toBe('CONFLICT');
    const empty = await t.client.call('movement.orders.sign', { id: d.id, version: d.version + 1 }).catch((e: unknown) => e);
    expect((empty as AppError).message).toMatch(/нет ни одного пункта/);
  });

  it('deletes a draft together with the card it created, but keeps a card in use', async () => {
    const d = await t.client.call('movement.orders.save', { id: null, version: 0, order: order('enroll', '2026-09-05', [newPupilItem({ lastName: 'Новикова', firstName: 'Ева', sex: 'Ж', birthDate: '2019-03-03' }, f.classes['1А'], '2026-09-05')]) });
    const pupilId = d.items[0].pupilId;
    expect(await t.core.db.selectFrom('pupil').select('id').where('id', '=', pupilId).executeTakeFirst()).toBeTruthy();
    await t.client.call('movement.orders.delete', { id: d.id, version: d.version });
    expect(await t.core.db.selectFrom('pupil').select('id').where('id', '=', pupilId).executeTakeFirst()).toBeUndefined();
    expect(await t.client.call('movement.orders.list', {})).toEqual([]);
  });
});

import { afterEach, beforeEach, expect, it } from 'vitest';
import type { OrderDetail } from '../../../src-shared/contract/movementFields';
import { AppError } from '../../../src-shared/errors';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';
import { newPupilItem, order, rosterNames, saveAndSign, seedYear, type MovementFixture } from './movementFixture';

/** Everything signing can touch, to compare before and after a cancellation. */
async function snapshot(t: TestCore) {
  const db = t.core.db;
  return {
    memberships: await db.selectFrom('classMembership').selectAll().orderBy('id').execute(),
    subgroups: await db.selectFrom('subgroupMember').selectAll().orderBy('id').execute(),
    register: await db.selectFrom('alphabetBookEntry').select(['id', 'number', 'personalFileNumber', 'pupilId', 'status']).orderBy('number').execute(),
    cards: await db.selectFrom('pupil').select(['id', 'alphabetBookNumber', 'personalFileNumber']).orderBy('id').execute(),
  };
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.catch((err: unknown) => err);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describeEachDb('a year of every kind of order: timeline, rosters, book, report; cancelling all of it restores the start', (kind) => {
  let t: TestCore;
  let f: MovementFixture;
  const next: Record<string, string> = {};
  beforeEach(async () => {
    t = await createTestCore(kind);
    f = await seedYear(t.core.db);
    // Next year's classes for the annual orders (the rollover makes them; here they are typed in).
    await t.core.db.insertInto('academicYear').values({ id: 'y2', name: '2027/2028', startDate: '2027-09-01', endDate: '2028-08-31', isCurrent: 0, isClosed: 0, version: 1, updatedAt: '2027-01-01T00:00:00Z' }).execute();
    for (const [name, grade] of [['5А', 5], ['6А', 6]] as const) {
      next[name] = `y2-${name}`;
      await t.core.db.insertInto('schoolClass').values({ id: next[name], academicYearId: 'y2', grade, letter: 'А', name, classTeacherId: null, shift: 1, previousClassId: null, version: 1, updatedAt: '2027-01-01T00:00:00Z' }).execute();
    }
  });
  afterEach(async () => t?.cleanup());

  it('applies enrolment, transfer, withdrawal, reinstatement, expulsion, graduation and the annual orders, and reverts them exactly', async () => {
    const p = (lastName: string, firstName: string, middleName: string, sex: 'М' | 'Ж', birthDate: string) => ({ lastName, firstName, middleName, sex, birthDate });
    const start = await saveAndSign(
      t.client,
      order('enroll', '2026-08-28', [
        newPupilItem(p('Петров', 'Никита', 'Андреевич', 'М', '2015-01-05'), f.classes['5А'], '2026-09-01', { enrollKind: 'contingent' }),
        newPupilItem(p('Зайцева', 'Анна', 'Олеговна', 'Ж', '2015-04-04'), f.classes['5А'], '2026-09-01', { enrollKind: 'contingent' }),
        newPupilItem(p('Гусев', 'Олег', 'Ильич', 'М', '2011-06-06'), f.classes['9А'], '2026-09-01', { enrollKind: 'contingent' }),
        newPupilItem(p('Титова', 'Мария', 'Павловна', 'Ж', '2010-06-06'), f.classes['10А'], '2026-09-01', { enrollKind: 'contingent' }),
        newPupilItem(p('Лебедев', 'Илья', 'Сергеевич', 'М', '2009-03-03'), f.classes['11А'], '2026-09-01', { enrollKind: 'contingent' }),
      ]),
    );
    const [petrov, zaitseva, gusev, titova, lebedev] = start.items.map((i) => i.pupilId);
    const initial = await snapshot(t);

    const signed: OrderDetail[] = [];
    const sign = async (...args: Parameters<typeof order>) => {
      const o = await saveAndSign(t.client, order(...args));
      signed.push(o);
      return o;
    };
    const arrival = await sign('enroll', '2026-10-02', [
      newPupilItem(p('Новиков', 'Артём', 'Денисович', 'М', '2015-07-07'), f.classes['5Б'], '2026-10-05', { enrollKind: 'otherSchool', originSchool: 'МБОУ «СОШ № 12» г. Барнаула', originDocument: 'личное дело, ведомость оценок' }),
    ]);
    const novikov = arrival.items[0].pupilId;
    await sign('transfer', '2026-11-09', [{ pupilId: petrov, toClassId: f.classes['5Б'], effectiveDate: '2026-11-10', reason: 'заявление родителей' }]);
    await sign('withdraw', '2026-11-30', [{ pupilId: zaitseva, effectiveDate: '2026-12-01', destinationKind: 'otherRegion', destinationSchool: 'МАОУ «Лицей № 9» г. Кемерово', reason: 'переезд семьи' }]);
    await sign('reinstate', '2027-01-19', [{ pupilId: zaitseva, toClassId: f.classes['5А'], effectiveDate: '2027-01-20', reason: 'возвращение семьи' }]);
    // A 10th-grader is not graduated: she leaves by expulsion.
    const notGraduate = await refusal(saveAndSign(t.client, order('graduate', '2027-01-30', [{ pupilId: titova, effectiveDate: '2027-02-01' }])));
    expect(notGraduate.message).toMatch(/Пункт 1 \(Титова Мария Павловна\): выпуск бывает после 9 и 11 классов, а обучающийся в классе 10А/);
    await sign('expel', '2027-01-31', [{ pupilId: titova, effectiveDate: '2027-02-01', reason: 'по заявлению в связи с получением образования в форме самообразования' }]);
    await sign('graduate', '2027-06-25', [
      { pupilId: gusev, effectiveDate: '2027-06-26' },
      { pupilId: lebedev, effectiveDate: '2027-06-26' },
    ]);
    await sign('promote', '2027-05-28', [{ pupilId: petrov, toClassId: next['6А'], effectiveDate: '2027-09-01' }]);
    await sign('conditionalPromote', '2027-05-28', [{ pupilId: novikov, toClassId: next['6А'], effectiveDate: '2027-09-01', reason: 'математика' }]);
    await sign('repeatYear', '2027-05-28', [{ pupilId: zaitseva, toClassId: next['5А'], effectiveDate: '2027-09-01' }]);

    // Rosters on dates between the movements.
    expect(await rosterNames(t.client, f.classes['5А'], '2026-11-09')).toEqual(['Зайцева Анна Олеговна', 'Петров Никита Андреевич']);
    expect(await rosterNames(t.client, f.classes['5А'], '2026-12-15')).toEqual([]);
    expect(await rosterNames(t.client, f.classes['5А'], '2027-01-20')).toEqual(['Зайцева Анна Олеговна']);
    expect(await rosterNames(t.client, f.classes['5Б'], '2027-05-31')).toEqual(['Новиков Артём Денисович', 'Петров Никита Андреевич']);
    expect(await rosterNames(t.client, f.classes['10А'], '2027-02-01')).toEqual([]);
    expect(await rosterNames(t.client, f.classes['9А'], '2027-06-25')).toEqual(['Гусев Олег Ильич']);
    expect(await rosterNames(t.client, f.classes['9А'], '2027-06-26')).toEqual([]);
    expect(await rosterNames(t.client, next['6А'], '2027-09-01')).toEqual(['Новиков Артём Денисович', 'Петров Никита Андреевич']);
    expect(await rosterNames(t.client, next['5А'], '2027-09-01')).toEqual(['Зайцева Анна Олеговна']);

    // The pupil's timeline: every class with the orders that started and ended it, every order.
    const tl = await t.client.call('movement.pupils.timeline', { pupilId: zaitseva });
    expect(tl.memberships.map((m) => [m.className, m.yearName, m.startDate, m.endDate, m.startOrder?.type ?? null, m.endOrder?.type ?? null])).toEqual([
      ['5А', '2026/2027', '2026-09-01', '2026-12-01', 'enroll', 'withdraw'],
      ['5А', '2026/2027', '2027-01-20', '2027-09-01', 'reinstate', 'repeatYear'],
      ['5А', '2027/2028', '2027-09-01', null, 'repeatYear', null],
    ]);
    expect(tl.orders.map((o) => o.type)).toEqual(['enroll', 'withdraw', 'reinstate', 'repeatYear']);
    expect(tl.register?.alphabetNumber).toBe(2);

    // The book keeps what the orders said.
    const book = await t.client.call('movement.book.list', { search: 'Новиков' });
    expect(book.map((b) => [b.event, b.toClassName, b.details])).toEqual([
      ['зачислен', '5Б', 'Из другой образовательной организации; из: МБОУ «СОШ № 12» г. Барнаула; документ: личное дело, ведомость оценок'],
      ['переведён условно', '6А', 'причина: математика'],
    ]);
    const withdrawal = (await t.client.call('movement.book.list', { search: 'Зайцева' })).find((b) => b.type === 'withdraw');
    expect(withdrawal).toMatchObject({ event: 'выбыла', effectiveDate: '2026-12-01', fromClassName: '5А', details: 'В ОО другого региона России; в: МАОУ «Лицей № 9» г. Кемерово; причина: переезд семьи' });
    const byClass = await t.client.call('movement.book.list', { classId: f.classes['10А'] });
    expect(byClass.map((b) => [b.pupilName, b.event])).toEqual([
      ['Титова Мария Павловна', 'зачислена'],
      ['Титова Мария Павловна', 'отчислена'],
    ]);

    // The report over the whole year sorts each movement into its column, and reconciles.
    const report = await t.client.call('reports.movement', { from: '2026-09-01', to: '2027-09-01' });
    expect(report.problems).toEqual([]);
    const row = (id: string) => report.rows.find((r) => r.classId === id)!;
    const ids = (list: { pupilId: string }[]) => list.map((e) => e.pupilId).sort();
    expect(ids(row(f.classes['5А']).departures.otherRegion)).toEqual([zaitseva]);
    expect(ids(row(f.classes['5А']).arrivals.reinstate)).toEqual([zaitseva]);
    expect(ids(row(f.classes['5А']).departures.transfer)).toEqual([petrov]);
    expect(ids(row(f.classes['5Б']).arrivals.otherSchool)).toEqual([novikov]);
    expect(ids(row(f.classes['5Б']).departures.annual)).toEqual([novikov, petrov].sort());
    expect(ids(row(f.classes['10А']).departures.expel)).toEqual([titova]);
    expect(ids(row(f.classes['9А']).departures.graduate)).toEqual([gusev]);
    expect(ids(row(f.classes['11А']).departures.graduate)).toEqual([lebedev]);
    expect(ids(row(next['6А']).arrivals.annual)).toEqual([novikov, petrov].sort());
    expect(row(f.classes['5А']).departures.otherRegion[0].orderNumber).toBe('1-в');
    // A graduation says nothing beyond its kind; the report's detail column still names it.
    expect(row(f.classes['9А']).departures.graduate[0].detail).toBe('Выпуск');

    // Cancelling out of order is refused with the order that stands in the way named.
    const withdrawOrder = signed.find((o) => o.type === 'withdraw')!;
    const blocked = await refusal(t.client.call('movement.orders.cancel', { id: withdrawOrder.id, version: withdrawOrder.version, reason: 'ошибка' }));
    expect(blocked.code).toBe('CONFLICT');
    expect(blocked.message).toMatch(/с 20\.01\.2027 обучающийся числится в классе 5А \(приказом № 1-вс от 19\.01\.2027\) — сначала отмените тот приказ/);

    // Newest first, every order cancelled with a reason: back to the state after the first enrolment.
    for (const o of [...signed].reverse()) {
      const cancelled = await t.client.call('movement.orders.cancel', { id: o.id, version: o.version, reason: `проверка отмены ${o.numberText}` });
      expect(cancelled.status).toBe('cancelled');
    }
    const after = await snapshot(t);
    expect(after.memberships).toEqual(initial.memberships);
    expect(after.subgroups).toEqual(initial.subgroups);
    // Novikov's number stays in the book, annulled; the card he got is cleared again.
    expect(after.register.filter((r) => r.pupilId !== novikov)).toEqual(initial.register);
    expect(after.cards.filter((c) => c.id !== novikov)).toEqual(initial.cards);
    expect(after.cards.find((c) => c.id === novikov)).toMatchObject({ alphabetBookNumber: null, personalFileNumber: null });
    expect((await t.client.call('movement.alphabet.list', {})).find((a) => a.pupilId === novikov)).toMatchObject({ number: 6, status: 'annulled' });
    // The book still lists every item, cancelled ones marked; the audit keeps both steps of each order.
    const fullBook = await t.client.call('movement.book.list', {});
    expect(fullBook.filter((b) => b.status === 'cancelled')).toHaveLength(10);
    expect(fullBook).toHaveLength(15);
    const audit = await t.core.db.selectFrom('auditLog').select(['recordId', 'action', 'cause']).where('entity', '=', 'movementOrder').execute();
    for (const o of signed) expect(audit.filter((a) => a.recordId === o.id).map((a) => a.action).sort()).toEqual(['cancel', 'create', 'sign']);
    const pupilAudit = await t.core.db.selectFrom('auditLog').select(['cause']).where('entity', '=', 'pupil').where('recordId', '=', zaitseva).execute();
    expect(pupilAudit.map((a) => a.cause)).toEqual(expect.arrayContaining(['Приказ № 1-в от 30.11.2026', expect.stringMatching(/^Отмена: Приказ № 1-в от 30\.11\.2026 \(проверка отмены 1-в\)$/)]));
  });
});

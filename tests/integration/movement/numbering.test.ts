import { afterEach, beforeEach, expect, it } from 'vitest';
import { AppError } from '../../../src-shared/errors';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';
import { newPupilItem, order, saveAndSign, seedYear, type MovementFixture } from './movementFixture';

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.catch((err: unknown) => err);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describeEachDb('order numbers per year and series, configurable suffixes, the alphabet book counter', (kind) => {
  let t: TestCore;
  let f: MovementFixture;
  let n = 0;
  beforeEach(async () => {
    t = await createTestCore(kind);
    f = await seedYear(t.core.db);
  });
  afterEach(async () => t?.cleanup());

  const pupil = (classId: string, date: string) =>
    newPupilItem({ lastName: `Нумеров${'ов'.repeat(n++)}`, firstName: 'Иван', middleName: 'Петрович', sex: 'М', birthDate: '2015-02-02' }, classId, date, { enrollKind: 'otherSchool' });

  async function suffixes(map: Record<string, string>) {
    const current = await t.client.call('movement.numbering.get', {});
    return t.client.call('movement.numbering.save', {
      series: current.series.map((s) => ({ type: s.type, suffix: map[s.type] ?? s.suffix, version: s.version })),
      alphabetNext: current.alphabetNext,
    });
  }

  it('numbers each series from 1 in every year; the school’s suffixes apply, and types sharing one share the sequence', async () => {
    const defaults = await t.client.call('movement.numbering.get', {});
    expect(defaults.yearName).toBe('2026/2027');
    expect(defaults.series.find((s) => s.type === 'enroll')).toMatchObject({ suffix: 'з', nextNumberText: '1-з', version: 0 });

    const saved = await suffixes({ enroll: 'у', withdraw: 'в', expel: 'в' });
    expect(saved.series.find((s) => s.type === 'enroll')).toMatchObject({ suffix: 'у', nextNumberText: '1-у', version: 1 });
    const audit = await t.core.db.selectFrom('auditLog').select(['changes']).where('method', '=', 'movement.numbering.save').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].changes).toContain('suffix.enroll');

    const e1 = await saveAndSign(t.client, order('enroll', '2026-09-01', [pupil(f.classes['5А'], '2026-09-01'), pupil(f.classes['5А'], '2026-09-01')]));
    const e2 = await saveAndSign(t.client, order('enroll', '2026-09-03', [pupil(f.classes['5Б'], '2026-09-03')]));
    expect([e1.numberText, e2.numberText]).toEqual(['1-у', '2-у']);
    const w = await saveAndSign(t.client, order('withdraw', '2026-10-01', [{ pupilId: e1.items[0].pupilId, effectiveDate: '2026-10-01', destinationKind: 'sameRegion' }]));
    const x = await saveAndSign(t.client, order('expel', '2026-10-02', [{ pupilId: e1.items[1].pupilId, effectiveDate: '2026-10-02', reason: 'по заявлению' }]));
    expect([w.numberText, x.numberText]).toEqual(['1-в', '2-в']);
    expect(w.number).toBe(1);

    // A paper order signed under its own number: taken as typed, and the series goes on around it.
    const typed = await t.client.call('movement.orders.save', { id: null, version: 0, order: order('enroll', '2026-09-10', [pupil(f.classes['1А'], '2026-09-10')]) });
    const signedTyped = await t.client.call('movement.orders.sign', { id: typed.id, version: typed.version, numberText: '3-у' });
    expect(signedTyped.numberText).toBe('3-у');
    const after = await saveAndSign(t.client, order('enroll', '2026-09-11', [pupil(f.classes['1А'], '2026-09-11')]));
    // 3-у is taken by hand, so the counter skips it.
    expect(after.numberText).toBe('4-у');
    const dup = await t.client.call('movement.orders.save', { id: null, version: 0, order: order('enroll', '2026-09-12', [pupil(f.classes['1Б'], '2026-09-12')]) });
    const refused = await refusal(t.client.call('movement.orders.sign', { id: dup.id, version: dup.version, numberText: '2-у' }));
    expect(refused.message).toMatch(/Номер приказа «2-у» в 2026\/2027 учебном году уже есть/);
    expect((await t.client.call('movement.orders.get', { id: dup.id })).status).toBe('draft');

    // The next year starts every series again.
    const next = await t.core.db.insertInto('academicYear').values({ id: 'y2', name: '2027/2028', startDate: '2027-09-01', endDate: '2028-08-31', isCurrent: 0, isClosed: 0, version: 1, updatedAt: '2027-01-01T00:00:00Z' }).returning('id').executeTakeFirstOrThrow();
    await t.core.db.insertInto('schoolClass').values({ id: 'y2-5А', academicYearId: next.id, grade: 5, letter: 'А', name: '5А', classTeacherId: null, shift: 1, previousClassId: null, version: 1, updatedAt: '2027-01-01T00:00:00Z' }).execute();
    const nextYear = await saveAndSign(t.client, order('enroll', '2027-09-01', [pupil('y2-5А', '2027-09-01')]));
    expect(nextYear.yearName).toBe('2027/2028');
    expect(nextYear.numberText).toBe('1-у');
    // An order is numbered in the year its date falls in, even when it enrols for the next one.
    const august = await saveAndSign(t.client, order('enroll', '2027-08-30', [pupil('y2-5А', '2027-09-01')]));
    expect([august.yearName, august.numberText]).toEqual(['2026/2027', '5-у']);
    expect((await t.client.call('movement.numbering.get', { yearId: next.id })).series.find((s) => s.type === 'enroll')?.nextNumberText).toBe('2-у');
  });

  it('refuses a bad suffix and a stale edit, changing nothing', async () => {
    const current = await t.client.call('movement.numbering.get', {});
    const bad = await refusal(
      t.client.call('movement.numbering.save', { series: current.series.map((s) => ({ type: s.type, suffix: s.type === 'transfer' ? 'п п' : s.suffix, version: s.version })), alphabetNext: current.alphabetNext }),
    );
    expect(bad.message).toMatch(/«Перевод в другой класс»: суффикс — до 6 букв или цифр без пробелов.*Ничего не изменено/);
    await suffixes({ transfer: 'пер' });
    const stale = await refusal(t.client.call('movement.numbering.save', { series: [{ type: 'transfer', suffix: 'п', version: 0 }], alphabetNext: current.alphabetNext }));
    expect(stale.code).toBe('CONFLICT');
    expect((await t.client.call('movement.numbering.get', {})).series.find((s) => s.type === 'transfer')?.suffix).toBe('пер');
  });

  it('continues the alphabet book from the paper one and never goes back over numbers handed out', async () => {
    const current = await t.client.call('movement.numbering.get', {});
    const seriesInput = current.series.map((s) => ({ type: s.type, suffix: s.suffix, version: s.version }));
    await t.client.call('movement.numbering.save', { series: seriesInput, alphabetNext: 1187 });
    const signed = await saveAndSign(t.client, order('enroll', '2026-09-01', [pupil(f.classes['5А'], '2026-09-01'), pupil(f.classes['5А'], '2026-09-01')]));
    const numbers = await Promise.all(signed.items.map(async (i) => (await t.client.call('movement.pupils.timeline', { pupilId: i.pupilId })).register?.alphabetNumber));
    expect(numbers).toEqual([1187, 1188]);
    const back = await refusal(t.client.call('movement.numbering.save', { series: seriesInput, alphabetNext: 1188 }));
    expect(back.message).toMatch(/номер 1188 в алфавитной книге уже выдан \(последний — 1188\); номера не используются повторно/);
    // Cancelling the enrolment annuls the numbers; they still count as handed out.
    await t.client.call('movement.orders.cancel', { id: signed.id, version: signed.version, reason: 'ошибка' });
    expect((await t.client.call('movement.numbering.get', {})).alphabetNext).toBe(1189);
    expect((await refusal(t.client.call('movement.numbering.save', { series: seriesInput, alphabetNext: 1100 }))).message).toMatch(/уже выдан/);
    const book = await t.client.call('movement.alphabet.list', {});
    expect(book.map((b) => [b.number, b.status])).toEqual([
      [1187, 'annulled'],
      [1188, 'annulled'],
    ]);
    // Going forward (a gap left for paper entries) is allowed.
    expect((await t.client.call('movement.numbering.save', { series: seriesInput, alphabetNext: 1300 })).alphabetNext).toBe(1300);
  });
});

import { afterEach, beforeEach, expect, it } from 'vitest';
import type { RolloverPlanInput } from '../../../src-shared/contract/movementRollover';
import { AppError } from '../../../src-shared/errors';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';
import { newPupilItem, order, rosterNames, saveAndSign, seedYear, type MovementFixture } from './movementFixture';

/**
 * The rollover's plan on a small school: a next year the завуч already started (a class with
 * subgroups and its own class teacher), letters and teachers changed in the wizard, the problems
 * the preview names, and a promotion order that can still be cancelled afterwards.
 */
describeEachDb('year rollover: plan, problems, existing classes, cancellation', (kind) => {
  let t: TestCore;
  let f: MovementFixture;
  let pupils: Record<string, string[]>;
  let targetYearId: string;
  let sixA: string;

  beforeEach(async () => {
    t = await createTestCore(kind);
    f = await seedYear(t.core.db, ['4А', '5А', '9А', '10А', '11А']);
    const names: Record<string, [string, string, 'М' | 'Ж'][]> = {
      '4А': [['Андреев', 'Антон', 'М'], ['Белова', 'Вера', 'Ж']],
      '5А': [['Волков', 'Глеб', 'М'], ['Громова', 'Дарья', 'Ж']],
      '9А': [['Дроздов', 'Егор', 'М'], ['Ершова', 'Жанна', 'Ж']],
      '10А': [['Жуков', 'Захар', 'М']],
      '11А': [['Зуева', 'Инна', 'Ж']],
    };
    const items = Object.entries(names).flatMap(([cls, list]) => list.map(([lastName, firstName, sex]) => newPupilItem({ lastName, firstName, sex, birthDate: '2014-01-01' }, f.classes[cls], '2026-09-01', { enrollKind: 'contingent' })));
    const signed = await saveAndSign(t.client, order('enroll', '2026-08-28', items));
    pupils = {};
    for (const i of signed.items) (pupils[i.toClassName!] ??= []).push(i.pupilId);
    // The завуч has already made 6А for next year, with its own class teacher and English in two groups.
    const target = await t.client.call('setup.years.save', { id: null, version: 0, year: { name: '2027/2028', startDate: '2027-09-01', endDate: '2028-08-31' } });
    targetYearId = target.id;
    await t.client.call('setup.classes.createMany', { yearId: target.id, grades: [6], letters: ['А'] });
    sixA = (await t.core.db.selectFrom('schoolClass').select('id').where('academicYearId', '=', target.id).where('name', '=', '6А').executeTakeFirstOrThrow()).id;
    await t.core.db.updateTable('schoolClass').set({ classTeacherId: f.teachers['11А'] }).where('id', '=', sixA).execute();
    const subject = await t.client.call('setup.subjects.save', { id: null, version: 0, subject: { name: 'Английский язык', shortName: 'Англ.', isSplit: true } });
    await t.client.call('setup.subgroups.split', { classId: sixA, subjectId: subject.id, count: 2 });
  });
  afterEach(async () => t?.cleanup());

  const plan = (extra: Partial<RolloverPlanInput> = {}): RolloverPlanInput => ({
    fromYearId: f.yearId,
    targetYear: { name: '2027/2028', startDate: '2027-09-01', endDate: '2028-08-31' },
    promotionOrderDate: '2027-05-28',
    graduationOrderDate: '2027-06-25',
    graduationDate: '2027-06-26',
    signatoryPosition: 'Директор',
    signatoryName: 'Шарапова Елена Викторовна',
    newClasses: [
      { grade: 1, letter: 'А' },
      { grade: 10, letter: 'А' },
    ],
    ...extra,
  });

  it('names every problem of a plan in the preview and refuses to apply it, writing nothing', async () => {
    const bad = plan({
      exceptions: [
        { pupilId: pupils['10А'][0], action: 'graduate' },
        { pupilId: pupils['9А'][0], action: 'conditional' },
        { pupilId: pupils['4А'][0], action: 'repeat' },
        { pupilId: 'no-such-pupil', action: 'repeat' },
      ],
      classes: [{ fromClassId: f.classes['4А'], letter: 'А' }],
      newClasses: [{ grade: 5, letter: 'А' }],
    });
    const preview = await t.client.call('movement.rollover.preview', bad);
    expect(preview.problems).toEqual([
      'класс 5А получается дважды — измените литеру одного из них',
      'Андреев Антон (4А) остаётся на повторное обучение, но класса 4А в новом году нет — добавьте его в новые классы или выберите другой',
      'Дроздов Егор (9А): из 9 класса не переводят, а выпускают или оставляют на повторное обучение',
      'Жуков Захар (10А): выпуск бывает после 9 и 11 классов',
      'обучающийся из списка исключений не числится в классах 2026/2027 учебного года на конец года — обновите список (no-such-pupil)',
    ]);
    const before = await t.core.db.selectFrom('movementOrder').select('id').execute();
    const err = await t.client.call('movement.rollover.apply', bad).catch((e: unknown) => e);
    expect((err as AppError).code).toBe('VALIDATION');
    expect((err as AppError).message).toMatch(/^Переход на новый учебный год: класс 5А получается дважды.*\(и ещё 2\)/);
    expect(await t.core.db.selectFrom('movementOrder').select('id').execute()).toEqual(before);
    const dates = await t.client.call('movement.rollover.preview', plan({ graduationDate: '2027-09-15', promotionOrderDate: '2027-09-02' }));
    expect(dates.problems).toEqual(['дата выпуска 15.09.2027 должна быть внутри 2026/2027 учебного года', 'приказ о переводе издаётся до начала нового учебного года']);
    const missing = await t.client.call('movement.rollover.preview', { ...plan(), fromYearId: 'gone' }).catch((e: unknown) => e);
    expect((missing as AppError).code).toBe('NOT_FOUND');
  });

  it('uses the class already made for next year, keeps or changes class teachers as told, then a cancelled promotion order puts the pupils back', async () => {
    const good = plan({
      classes: [
        { fromClassId: f.classes['4А'], letter: 'Б', keepTeacher: false, classTeacherId: f.teachers['9А'] },
        { fromClassId: f.classes['5А'], keepTeacher: true },
      ],
      newClasses: [
        { grade: 1, letter: 'А' },
        { grade: 10, letter: 'А', classTeacherId: f.teachers['9А'] },
      ],
      exceptions: [
        { pupilId: pupils['9А'][0], action: 'continue' },
        { pupilId: pupils['5А'][1], action: 'repeat', toClassName: '5Б' },
      ],
    });
    const preview = await t.client.call('movement.rollover.preview', good);
    expect(preview.problems).toEqual([]);
    expect(preview.targetYear.exists).toBe(true);
    expect(preview.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/^в классах 6А нового года уже созданы подгруппы/)]));
    const cls = (name: string) => preview.classes.find((c) => c.name === name)!;
    expect(cls('6А')).toMatchObject({ exists: true, fromClassName: '5А', classTeacherId: f.teachers['11А'], pupils: 1 });
    expect(cls('5Б')).toMatchObject({ exists: false, fromClassName: '4А', classTeacherId: f.teachers['9А'], pupils: 3 });
    expect(cls('11А')).toMatchObject({ fromClassName: '10А', classTeacherId: f.teachers['10А'] });
    expect(preview.pupils.find((p) => p.pupilId === pupils['9А'][0])).toMatchObject({ action: 'continue', toClassName: '10А' });
    expect(preview.orders.map((o) => [o.type, o.title, o.items])).toEqual([
      ['promote', 'О переводе обучающихся в следующий класс', 4],
      ['repeatYear', 'Об оставлении обучающихся на повторное обучение', 1],
      ['graduate', 'О выпуске обучающихся 9 классов', 2],
      ['graduate', 'О выпуске обучающихся 11 классов', 1],
      ['enroll', 'О зачислении в 10 класс выпускников 9 классов', 1],
    ]);

    const result = await t.client.call('movement.rollover.apply', good);
    expect(result.yearId).toBe(targetYearId);
    expect(result.createdClasses.sort()).toEqual(['10А', '11А', '1А', '5Б']);
    expect(await rosterNames(t.client, sixA, '2027-09-01')).toEqual(['Волков Глеб']);
    expect(await rosterNames(t.client, f.classes['5А'], '2027-08-31')).toEqual(['Волков Глеб', 'Громова Дарья']);
    const newClass = (name: string) => t.core.db.selectFrom('schoolClass').selectAll().where('academicYearId', '=', targetYearId).where('name', '=', name).executeTakeFirstOrThrow();
    // 5Б: the repeater from 5А joins the two from 4А.
    expect(await rosterNames(t.client, (await newClass('5Б')).id, '2027-09-01')).toEqual(['Андреев Антон', 'Белова Вера', 'Громова Дарья']);
    expect(await rosterNames(t.client, (await newClass('10А')).id, '2027-09-01')).toEqual(['Дроздов Егор']);
    expect(await rosterNames(t.client, (await newClass('11А')).id, '2027-09-01')).toEqual(['Жуков Захар']);
    const existing = await newClass('6А');
    expect(existing).toMatchObject({ id: sixA, classTeacherId: f.teachers['11А'], previousClassId: f.classes['5А'] });
    expect(await newClass('5Б')).toMatchObject({ classTeacherId: f.teachers['9А'], previousClassId: f.classes['4А'] });
    expect(await newClass('10А')).toMatchObject({ classTeacherId: f.teachers['9А'], previousClassId: null });
    // Graduates of 11А are nowhere in the new year; the one continuing keeps his alphabet-book number.
    const occ = await t.client.call('reports.occupancy', { date: '2027-09-01' });
    expect(occ.rows.flatMap((r) => r.cells.total)).not.toContain(pupils['11А'][0]);
    const tl = await t.client.call('movement.pupils.timeline', { pupilId: pupils['9А'][0] });
    expect(tl.memberships.map((m) => [m.className, m.yearName])).toEqual([
      ['9А', '2026/2027'],
      ['10А', '2027/2028'],
    ]);
    expect(tl.register?.alphabetNumber).toBe(5);
    expect((await t.client.call('movement.alphabet.list', {})).length).toBe(8);

    // The promotion order is an order like any other: cancelled, its pupils are back in their classes.
    const promotion = result.orders.find((o) => o.type === 'promote')!;
    const signed = await t.client.call('movement.orders.get', { id: promotion.id });
    expect(signed.basis).toBe('решение педагогического совета');
    await t.client.call('movement.orders.cancel', { id: signed.id, version: signed.version, reason: 'педсовет перенесён' });
    expect(await rosterNames(t.client, sixA, '2027-09-01')).toEqual([]);
    expect(await rosterNames(t.client, f.classes['5А'], '2027-08-31')).toEqual(['Волков Глеб', 'Громова Дарья']);
    const back = await t.client.call('movement.pupils.timeline', { pupilId: pupils['5А'][0] });
    expect(back.memberships.map((m) => [m.className, m.endDate])).toEqual([['5А', null]]);
  });
});

import { afterEach, beforeEach, expect, it } from 'vitest';
import { systemCaller } from '../../../src-main/core/access/authorize';
import { auditRecorder } from '../../../src-main/core/foundation/auditRecorder';
import type { HandlerContext } from '../../../src-main/core/foundation/context';
import { generateSchool, type DemoSchool } from '../../../src-main/core/demo/generateSchool';
import { writeDemo } from '../../../src-main/core/demo/writeDemo';
import { applyRollover } from '../../../src-main/core/movement/rollover/applyRollover';
import type { RolloverPlanInput } from '../../../src-shared/contract/movementRollover';
import { rolloverPlan } from '../../../src-shared/contract/movementRollover';
import { sumMovement } from '../../../src-shared/domain/movement/reportColumns';
import { AppError } from '../../../src-shared/errors';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';

function planFor(school: DemoSchool, extra: Partial<RolloverPlanInput> = {}): RolloverPlanInput {
  return {
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
    ...extra,
  };
}

async function counts(t: TestCore) {
  const n = async (table: 'academicYear' | 'schoolClass' | 'classMembership' | 'movementOrder' | 'movementOrderItem' | 'alphabetBookEntry' | 'movementEffect' | 'auditLog') =>
    Number((await t.core.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const ended = await t.core.db.selectFrom('classMembership').select('id').where('endDate', 'is not', null).execute();
  const counters = await t.core.db.selectFrom('movementCounter').selectAll().orderBy('key').execute();
  return {
    years: await n('academicYear'),
    classes: await n('schoolClass'),
    memberships: await n('classMembership'),
    ended: ended.length,
    orders: await n('movementOrder'),
    items: await n('movementOrderItem'),
    effects: await n('movementEffect'),
    alphabet: await n('alphabetBookEntry'),
    counters: counters.map((c) => [c.key, Number(c.lastNumber)]),
  };
}

async function rosterOf(t: TestCore, yearName: string, className: string, date: string): Promise<string[]> {
  const cls = await t.core.db
    .selectFrom('schoolClass as c')
    .innerJoin('academicYear as y', 'y.id', 'c.academicYearId')
    .select('c.id')
    .where('y.name', '=', yearName)
    .where('c.name', '=', className)
    .executeTakeFirstOrThrow();
  return (await t.client.call('movement.classes.roster', { classId: cls.id, date })).pupils.map((p) => p.id).sort();
}

describeEachDb('year rollover of the demo school', (kind) => {
  let t: TestCore;
  const school = generateSchool();
  beforeEach(async () => {
    t = await createTestCore(kind);
    await writeDemo(t.core.db, school);
  });
  afterEach(async () => t?.cleanup());

  it('creates next year’s classes and rosters with graduates removed, exceptions honoured, in one go', async () => {
    const fiveA = await rosterOf(t, '2026/2027', '5А', '2027-08-31');
    const sevenB = await rosterOf(t, '2026/2027', '7Б', '2027-08-31');
    const nineA = await rosterOf(t, '2026/2027', '9А', '2027-06-27');
    const repeater = fiveA[0];
    const conditional = sevenB[0];
    const continuing = nineA.slice(0, 2);
    const plan = planFor(school, {
      classes: [{ fromClassId: school.classes.find((c) => c.name === '4В')!.id, letter: 'Г', keepTeacher: true }],
      exceptions: [
        { pupilId: repeater, action: 'repeat', toClassName: '5А' },
        { pupilId: conditional, action: 'conditional', reason: 'математика' },
        ...continuing.map((pupilId) => ({ pupilId, action: 'continue' as const, toClassName: '10А' })),
      ],
    });
    const preview = await t.client.call('movement.rollover.preview', plan);
    expect(preview.problems).toEqual([]);
    expect(preview.targetYear).toMatchObject({ name: '2027/2028', exists: false });
    expect(preview.classes.map((c) => c.name)).toContain('5Г');
    expect(preview.classes).toHaveLength(33 - 6 + 4);
    expect(preview.orders.map((o) => [o.type, o.items])).toEqual([
      ['promote', preview.pupils.filter((p) => p.action === 'promote').length],
      ['conditionalPromote', 1],
      ['repeatYear', 1],
      ['graduate', nineA.length + (await rosterOf(t, '2026/2027', '9Б', '2027-06-28')).length + (await rosterOf(t, '2026/2027', '9В', '2027-06-28')).length],
      ['graduate', preview.pupils.filter((p) => p.grade === 11).length],
      ['enroll', 2],
    ]);
    // The preview writes nothing.
    const before = await counts(t);
    expect(before.years).toBe(1);

    const result = await t.client.call('movement.rollover.apply', plan);
    expect(result.yearName).toBe('2027/2028');
    expect(result.createdClasses).toHaveLength(31);
    expect(result.orders.map((o) => o.numberText)).toEqual(['1-г', '1-ус', '1-по', '1-вып', '2-вып', expect.stringMatching(/^\d+-з$/)]);

    // 5А moves on to 6А except the repeater, who stays in the new 5А (4А's successor).
    expect(await rosterOf(t, '2027/2028', '6А', '2027-09-01')).toEqual(fiveA.filter((p) => p !== repeater).sort());
    expect(await rosterOf(t, '2027/2028', '5А', '2027-09-01')).toContain(repeater);
    expect(await rosterOf(t, '2027/2028', '8Б', '2027-09-01')).toContain(conditional);
    // 4В became 5Г.
    expect(await rosterOf(t, '2027/2028', '5Г', '2027-09-01')).toEqual(await rosterOf(t, '2026/2027', '4В', '2027-08-31'));
    // Graduates are nowhere on 1 September, except the two continuing in the new 10А.
    const occupancy = await t.client.call('reports.occupancy', { date: '2027-09-01' });
    const everyone = new Set(occupancy.rows.flatMap((r) => r.cells.total));
    for (const p of nineA) expect(everyone.has(p), p).toBe(continuing.includes(p));
    expect(await rosterOf(t, '2027/2028', '10А', '2027-09-01')).toEqual([...continuing].sort());
    expect(occupancy.yearName).toBe('2027/2028');
    expect(occupancy.rows.filter((r) => r.grade === 1).every((r) => r.cells.total.length === 0)).toBe(true);
    // Class teacher kept with the class; previous class linked.
    const sixA = await t.core.db.selectFrom('schoolClass').selectAll().where('name', '=', '6А').where('academicYearId', '=', result.yearId).executeTakeFirstOrThrow();
    const oldFiveA = school.classes.find((c) => c.name === '5А')!;
    expect(sixA.classTeacherId).toBe(oldFiveA.classTeacherId);
    expect(sixA.previousClassId).toBe(oldFiveA.id);
    // The movement across the summer reconciles for every class of both years.
    const movement = await t.client.call('reports.movement', { from: '2027-05-01', to: '2027-09-30' });
    expect(movement.problems).toEqual([]);
    const total = sumMovement(movement.rows);
    expect(total.arrivals.annual.length).toBe(total.departures.annual.length + 2);
    // A second rollover into the same year is refused.
    const again = await t.client.call('movement.rollover.apply', plan).catch((e: unknown) => e);
    expect((again as AppError).code).toBe('VALIDATION');
  });

  it('a failure in the middle leaves nothing applied', async () => {
    const before = await counts(t);
    const ctx: HandlerContext = {
      core: t.core,
      caller: systemCaller(),
      method: 'movement.rollover.apply',
      audit: auditRecorder(systemCaller(), 'movement.rollover.apply', 'rollover'),
    };
    const steps: string[] = [];
    const err = await applyRollover(ctx, rolloverPlan.parse(planFor(school)), {
      afterStep(step) {
        steps.push(step);
        // After the classes and the promotion order are written and signed: the lights go out.
        if (step.startsWith('order:graduate')) throw new Error('power failure');
      },
    }).catch((e: unknown) => e);
    expect((err as Error).message).toBe('power failure');
    expect(steps).toEqual(['classes', 'order:promote:О переводе обучающихся в следующий класс', 'order:graduate:О выпуске обучающихся 9 классов']);
    expect(await counts(t)).toEqual(before);
    expect(await t.core.db.selectFrom('academicYear').select('name').where('name', '=', '2027/2028').executeTakeFirst()).toBeUndefined();

    // A plan with a problem is refused before anything is written, with the problem named.
    const bad = await t.client
      .call('movement.rollover.apply', planFor(school, { newClasses: [] , exceptions: [{ pupilId: school.pupils.find((p) => p.classId === school.classes.find((c) => c.name === '9А')!.id)!.id, action: 'continue' }] }))
      .catch((e: unknown) => e);
    expect((bad as AppError).message).toMatch(/продолжает обучение в 10А, но такого класса в новом году нет/);
    expect(await counts(t)).toEqual(before);
  });
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildDemoTimetable } from '../../../src-main/core/demo/demoTimetable';
import { generateSchool } from '../../../src-main/core/demo/generateSchool';
import { writeDemo } from '../../../src-main/core/demo/writeDemo';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';

/** `npm run demo` (issue 15, item 7): the demo school's own plan and load become an approved timetable. */
describeEachDb('demo school timetable', (kind) => {
  let t: TestCore;
  beforeAll(async () => {
    t = await createTestCore(kind);
    await writeDemo(t.core.db, generateSchool());
  });
  afterAll(async () => t?.cleanup());

  it('fills the vacancies, builds the timetable from the plan and load and approves it from 1 September', async () => {
    const { versionId, hired, status } = await buildDemoTimetable(t.client);
    expect(hired).toBeGreaterThan(0);
    expect((await t.client.call('load.vacancies', { yearId: (await t.client.call('setup.years.list')).years[0].id })).rows).toEqual([]);
    expect(status.state).toBe('done');
    const v = await t.client.call('timetable.version.get', { versionId });
    expect(v.meta).toMatchObject({ status: 'approved', effectiveFrom: '2026-09-01', source: 'generated' });
    expect(v.classes).toHaveLength(33);
    expect(new Set(v.classes.map((c) => c.shift))).toEqual(new Set([1, 2]));
    expect(v.days).toHaveLength(6);
    const units = v.lessons.reduce((n, l) => n + l.count, 0);
    expect(v.placements).toHaveLength(units);
    const f = await t.client.call('timetable.version.figures', { versionId });
    expect(f).toMatchObject({ valid: true, hard: 0 });
    expect(f.totals.classGaps).toBe(0);
    expect((await t.client.call('timetable.versions.onDate', { date: '2026-10-01' })).version?.id).toBe(versionId);
  }, 240_000);
});

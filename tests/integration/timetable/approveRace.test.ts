import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';
import { timetableSchool, waitJob, type TimetableSchool } from './timetableFixture';

/**
 * Two directors' PCs approving two drafts of one year at the same moment. Each approval reads the
 * approved versions its date reaches and ends them; when there were none yet, both read «none» and
 * PostgreSQL (several connections) let both through: two versions «в силе» from one date. The year is
 * now held for the approval's transaction, so the second sees the first and is decided by the usual
 * rules (here: the first has begun, so the second is refused naming it).
 */
describeEachDb('timetable approvals at the same moment', (kind) => {
  let t: TestCore;
  let s: TimetableSchool;
  beforeAll(async () => {
    t = await createTestCore(kind);
    s = await timetableSchool(t);
  });
  afterAll(async () => t?.cleanup());

  it('lets exactly one of two simultaneous first approvals through', async () => {
    const started = await t.client.call('timetable.generate.start', { target: 'new', yearId: s.yearId, studyPeriodId: s.periodId, name: 'Вариант А', budget: { seconds: 600, seed: 3, maxIterations: 20_000 } });
    const done = await waitJob(t, started.jobId);
    expect(done.state).toBe('done');
    const a = (await t.client.call('timetable.version.get', { versionId: done.versionId! })).meta;
    const b = await t.client.call('timetable.version.copy', { versionId: a.id, name: 'Вариант Б' });

    const results = await Promise.allSettled([a, b].map((v) => t.client.call('timetable.version.approve', { versionId: v.id, version: v.version, effectiveFrom: '2026-09-01' })));
    const passed = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(passed).toHaveLength(1);
    expect(refused).toHaveLength(1);
    const winner = results[0].status === 'fulfilled' ? a : b;
    expect(refused[0].reason).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining(`Версия «${winner.name}» действует с 01.09.2026`) });

    const list = await t.client.call('timetable.versions.list', { yearId: s.yearId });
    expect(list.versions.filter((v) => v.status === 'approved').map((v) => v.id)).toEqual([winner.id]);
    expect((await t.client.call('timetable.versions.onDate', { date: '2026-10-01' })).version?.id).toBe(winner.id);
  });
});

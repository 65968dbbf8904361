import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemCaller } from '../../../src-main/core/access/index';
import { DEMO_JOB_TITLE } from '../../../src-main/core/setupDemo';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';

/**
 * The wizard's «Загрузить демонстрационную школу» (issue 23, part 4) on both databases: cancelled
 * it leaves nothing, then it writes the school through the job worker with progress, and a second
 * load is refused in Russian because pupils exist.
 */
describeEachDb('the wizard loads the demonstration school', (kind) => {
  let t: TestCore;
  const call = (method: string, input: unknown) => t.dispatcher.call(systemCaller('in-process'), method as never, input as never);
  const count = async (table: 'pupil' | 'schoolClass' | 'academicYear') => Number((await t.core.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    t = await createTestCore(kind);
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it('a cancel during the load leaves the database empty', async () => {
    expect((await t.client.call('system.setup.get', {})).demoAllowed).toBe(true);
    const jobId = 'demo-cancel';
    const off = t.core.events.subscribe((e) => {
      // «Отменить» as the wizard sends it, once the pupils are being written.
      if (e.type === 'progress' && e.jobId === jobId && e.done >= 1) void t.client.call('system.demo.cancel', { jobId });
    });
    try {
      const r = await call('system.demo.load', { jobId });
      expect(r).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    } finally {
      off();
    }
    expect([await count('pupil'), await count('schoolClass'), await count('academicYear')]).toEqual([0, 0, 0]);
  });

  it('loads the school with progress, audits it, and refuses a second load', async () => {
    const seen: string[] = [];
    const off = t.core.events.subscribe((e) => {
      if (e.type === 'progress' && e.title === DEMO_JOB_TITLE && e.message) seen.push(e.message);
    });
    const counts = await t.client.call('system.demo.load', {}).finally(off);
    expect(counts.pupils).toBeGreaterThan(100);
    expect(await count('pupil')).toBe(counts.pupils);
    expect(await count('schoolClass')).toBe(counts.classes);
    expect(seen).toContain('Обучающиеся и родители');
    expect(seen.at(-1)).toMatch(/^Загружено: \d+ обучающихся/);
    const audit = await t.core.db.selectFrom('auditLog').select(['action', 'method']).where('entity', '=', 'school').where('action', '=', 'import').execute();
    expect(audit).toEqual([{ action: 'import', method: 'system.demo.load' }]);
    expect((await t.client.call('system.setup.get', {})).demoAllowed).toBe(false);

    const again = await call('system.demo.load', {});
    expect(again).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('уже есть обучающиеся') } });
    expect(await count('pupil')).toBe(counts.pupils);
  });
});

import { AppError } from '../../src-shared/errors';
import { openVault } from './accounts/index';
import { generateSchool } from './demo/generateSchool';
import { hasPupils, writeDemo, type DemoCounts } from './demo/writeDemo';
import type { HandlerContext } from './foundation/context';

export const DEMO_JOB_TITLE = 'Демонстрационная школа';

/**
 * The wizard's «Загрузить демонстрационную школу» (issue 23, part 4): the same `writeDemo` the CLI's
 * `demo` uses, without the timetable (the solver would take minutes), as a job with progress and
 * «Отменить». One transaction: a refusal, a cancel or a failure leaves the database as it was.
 */
export async function loadDemoSchool(ctx: HandlerContext, input: { jobId?: string | undefined }): Promise<DemoCounts> {
  if (await hasPupils(ctx.core.db)) {
    throw new AppError('VALIDATION', 'Демонстрационная школа загружается только в пустую базу, а в этой уже есть обучающиеся. Ничего не изменено.');
  }
  const job = ctx.core.jobs.start(DEMO_JOB_TITLE, input.jobId);
  try {
    const counts = await writeDemo(ctx.core.db, generateSchool({}), new Date().toISOString(), {
      // Initial passwords of the demo's portal accounts, sealed with this data folder's key (as the CLI does).
      sealPassword: openVault(ctx.core.config.portalKeyDir).seal,
      onStep: (done, total, title) => {
        job.throwIfCancelled();
        job.progress(done - 1, total, title);
      },
    });
    await ctx.audit.record(ctx.core.db, { entity: 'school', recordId: 'main', action: 'import', changes: { demo: true, ...counts } });
    job.finish(`Загружено: ${counts.pupils} обучающихся, ${counts.classes} классов`, ['school', 'pupil', 'schoolClass', 'staff', 'academicYear']);
    return counts;
  } catch (err) {
    job.finish('Не загружено — ничего не изменено');
    throw err;
  }
}

import type { PrecheckOut, TimetableOptions } from '../../../src-shared/contract/timetableFields';
import { timetableOptions } from '../../../src-shared/contract/timetableFields';
import type { HandlerContext } from '../foundation/context';
import { findYear } from '../schoolSetup/index';
import { notFound } from '../foundation/refusals';
import { optionsOf } from './versionMeta';
import { visibleVersion } from './versionQueries';
import { periodOf, prepareSnapshot } from './versionStore';

/** The pre-check of a draft (its period and switches) or of a version not created yet. */
export async function precheckFor(
  ctx: Pick<HandlerContext, 'core' | 'caller'>,
  input: { versionId: string } | { yearId: string; studyPeriodId: string | null; options?: TimetableOptions },
): Promise<PrecheckOut> {
  const db = ctx.core.db;
  if ('versionId' in input) {
    const row = await visibleVersion(ctx, input.versionId);
    const period = await periodOf(db, row.academicYearId, row.studyPeriodId);
    return (await prepareSnapshot(db, row.academicYearId, period, optionsOf(row))).precheck;
  }
  if (!(await findYear(db, input.yearId))) throw notFound('Учебный год');
  const period = await periodOf(db, input.yearId, input.studyPeriodId);
  return (await prepareSnapshot(db, input.yearId, period, input.options ?? timetableOptions.parse({}))).precheck;
}

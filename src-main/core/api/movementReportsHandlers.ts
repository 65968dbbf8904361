import type { movementReportsContract } from '../../../src-shared/contract/movementReports';
import type { movementRolloverContract } from '../../../src-shared/contract/movementRollover';
import { previewRollover } from '../movement/index';
import { movementReport } from '../reports/index';
import { movementReportExcel } from '../reports/index';
import { occupancyReport } from '../reports/index';
import { occupancyExcel } from '../reports/index';
import type { Handlers } from './types';
import { schoolShortName } from '../schoolSetup/index';
import { runJob } from '../workerJobs';


/** «Наполняемость классов», «Движение учащихся по школе» (work order §3.10) and the year rollover. */
export const movementReportsHandlers: Handlers<typeof movementReportsContract & typeof movementRolloverContract> = {
  'movement.rollover.preview': async (plan, ctx) => previewRollover(ctx.core.db, plan),
  'movement.rollover.apply': async (plan, ctx) => runJob(ctx, 'movement.rollover.apply', plan),
  'reports.occupancy': async ({ date }, ctx) => occupancyReport(ctx.core.db, date),
  'reports.occupancy.export': async ({ date }, ctx) => occupancyExcel(await occupancyReport(ctx.core.db, date), await schoolShortName(ctx.core.db)),
  'reports.movement': async ({ from, to }, ctx) => movementReport(ctx.core.db, from, to),
  'reports.movement.export': async ({ from, to }, ctx) => movementReportExcel(await movementReport(ctx.core.db, from, to), await schoolShortName(ctx.core.db)),
};

import type { timetableEditContract } from '../../../src-shared/contract/timetableEdit';
import { cancelRepair, changesSheet, compareVersions, editTargets, trackRepair } from '../timetable/index';
import { runJob } from '../workerJobs';
import type { Handlers } from './types';

/** Hand editing, repair and version comparison (issue 16, parts 1–4): handlers only call the timetable services. */
export const timetableEditHandlers: Handlers<typeof timetableEditContract> = {
  'timetable.edit.targets': async (input, ctx) => editTargets(ctx, input),
  'timetable.edit.repair': async (input, ctx) => trackRepair(ctx.core, input.jobId, (jobId) => runJob(ctx, 'timetable.edit.repair', { ...input, jobId })),
  'timetable.edit.repair.cancel': async (input, ctx) => cancelRepair(ctx.core, input.jobId),
  'timetable.versions.compare': async (input, ctx) => compareVersions(ctx, input),
  'timetable.versions.changesSheet': async (input, ctx) => changesSheet(ctx, input),
};

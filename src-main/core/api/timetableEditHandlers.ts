import type { timetableEditContract } from '../../../src-shared/contract/timetableEdit';
import { changesSheet, compareVersions, editTargets } from '../timetable/index';
import { runJob } from '../workerJobs';
import type { Handlers } from './types';

/** Hand editing, repair and version comparison (issue 16, parts 1–4): handlers only call the timetable services. */
export const timetableEditHandlers: Handlers<typeof timetableEditContract> = {
  'timetable.edit.targets': async (input, ctx) => editTargets(ctx, input),
  'timetable.edit.repair': async (input, ctx) => runJob(ctx, 'timetable.edit.repair', input),
  'timetable.versions.compare': async (input, ctx) => compareVersions(ctx, input),
  'timetable.versions.changesSheet': async (input, ctx) => changesSheet(ctx, input),
};

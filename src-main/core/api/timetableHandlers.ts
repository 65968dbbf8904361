import type { timetableContract } from '../../../src-shared/contract/timetable';
import { AppError } from '../../../src-shared/errors';
import {
  approveVersion,
  cancelGeneration,
  copyVersion,
  createDraft,
  deleteDraft,
  deleteJoint,
  generationStatus,
  getVersionFigures,
  getVersionView,
  listAvailability,
  listJoints,
  listVersions,
  lockPlacements,
  precheckFor,
  saveAvailability,
  saveJoint,
  startGeneration,
  updateDraft,
  updatePlacements,
  versionOnDate,
  visibleVersion,
} from '../timetable/index';
import type { Handlers } from './types';

const notYet = (what: string) => async (): Promise<never> => {
  throw new AppError('VALIDATION', `«${what}» будет доступно в следующей сборке. Ничего не изменено.`);
};

/** Handlers only call the timetable services (src-main/core/timetable). */
export const timetableHandlers: Handlers<typeof timetableContract> = {
  'timetable.versions.list': async (input, ctx) => listVersions(ctx, input.yearId),
  'timetable.versions.onDate': async (input, ctx) => ({ version: await versionOnDate(ctx, input.date) }),
  'timetable.version.get': async (input, ctx) => getVersionView(ctx, input.versionId),
  'timetable.version.figures': async (input, ctx) => getVersionFigures(ctx, input.versionId),
  'timetable.precheck': async (input, ctx) => precheckFor(ctx, input),
  'timetable.version.create': async (input, ctx) => createDraft(ctx, input),
  'timetable.version.update': async (input, ctx) => updateDraft(ctx, input),
  'timetable.version.copy': async (input, ctx) => copyVersion(ctx, input, await visibleVersion(ctx, input.versionId)),
  'timetable.version.delete': async (input, ctx) => deleteDraft(ctx, input),
  'timetable.version.approve': async (input, ctx) => approveVersion(ctx, input),
  'timetable.placements.update': async (input, ctx) => updatePlacements(ctx, input),
  'timetable.placements.lock': async (input, ctx) => lockPlacements(ctx, input),
  'timetable.generate.start': async (input, ctx) => startGeneration(ctx, input),
  'timetable.generate.status': async (input, ctx) => generationStatus(ctx.core, input.jobId),
  'timetable.generate.cancel': async (input, ctx) => cancelGeneration(ctx.core, input.jobId),
  'timetable.export': notYet('Выгрузка расписания'),
  'timetable.availability.list': async (input, ctx) => listAvailability(ctx, input.yearId),
  'timetable.availability.save': async (input, ctx) => saveAvailability(ctx, input),
  'timetable.joints.list': async (input, ctx) => listJoints(ctx, input.yearId),
  'timetable.joints.save': async (input, ctx) => saveJoint(ctx, input),
  'timetable.joints.delete': async (input, ctx) => deleteJoint(ctx, input),
};

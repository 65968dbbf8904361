import type { timetableExchangeContract } from '../../../src-shared/contract/timetableExchange';
import { applyAscTimetable, applyFetResult, applyFetSchool, applyPortalTimetable, exportAscTimetable, exportFetFile, previewAscTimetable, previewFetResult, previewFetSchool, previewPortalTimetable, pushTimetable } from '../sync/index';
import type { Handlers } from './types';

/** The timetable's exchange with the portal and other programs (issue 17); handlers only call the sync services. */
export const timetableExchangeHandlers: Handlers<typeof timetableExchangeContract> = {
  'timetable.portal.preview': async (input, ctx) => previewPortalTimetable(ctx, input),
  'timetable.portal.apply': async (input, ctx) => applyPortalTimetable(ctx, input),
  'timetable.portal.push': async (input, ctx) => pushTimetable(ctx, input),
  'timetable.asc.preview': async (input, ctx) => previewAscTimetable(ctx, input),
  'timetable.asc.apply': async (input, ctx) => applyAscTimetable(ctx, input),
  'timetable.asc.export': async (input, ctx) => exportAscTimetable(ctx, input.versionId),
  'timetable.fet.export': async (input, ctx) => exportFetFile(ctx, input.versionId),
  'timetable.fet.preview': async (input, ctx) => previewFetResult(ctx, input),
  'timetable.fet.apply': async (input, ctx) => applyFetResult(ctx, input),
  'timetable.fetSchool.preview': async (input, ctx) => previewFetSchool(ctx, input),
  'timetable.fetSchool.apply': async (input, ctx) => applyFetSchool(ctx, input),
};

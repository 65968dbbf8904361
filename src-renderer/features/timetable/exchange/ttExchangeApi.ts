import { contractEndpoints, onEachCall, type ResultOf } from '../../../api/contractApi';

export type ImportPreview = ResultOf<'timetable.portal.preview'>;
export type FetSchoolPreview = ResultOf<'timetable.fetSchool.preview'>;
export type PushResult = ResultOf<'timetable.portal.push'>;

/**
 * The timetable's exchange endpoints (issue 17): previews carry a file and run on each click (never
 * cached); applies and the push are writes that refresh the timetable and the exchange history.
 */
export const ttExchangeApi = contractEndpoints({
  portalTimetablePreview: onEachCall('timetable.portal.preview'),
  portalTimetableApply: 'timetable.portal.apply',
  portalTimetablePush: 'timetable.portal.push',
  ascTimetablePreview: onEachCall('timetable.asc.preview'),
  ascTimetableApply: 'timetable.asc.apply',
  ascTimetableExport: onEachCall('timetable.asc.export'),
  fetExport: onEachCall('timetable.fet.export'),
  fetResultPreview: onEachCall('timetable.fet.preview'),
  fetResultApply: 'timetable.fet.apply',
  fetSchoolPreview: onEachCall('timetable.fetSchool.preview'),
  fetSchoolApply: 'timetable.fetSchool.apply',
});

export const {
  usePortalTimetablePreviewMutation,
  usePortalTimetableApplyMutation,
  usePortalTimetablePushMutation,
  useAscTimetablePreviewMutation,
  useAscTimetableApplyMutation,
  useAscTimetableExportMutation,
  useFetExportMutation,
  useFetResultPreviewMutation,
  useFetResultApplyMutation,
  useFetSchoolPreviewMutation,
  useFetSchoolApplyMutation,
} = ttExchangeApi;

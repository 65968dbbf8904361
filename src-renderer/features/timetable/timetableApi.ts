import type { z } from 'zod';
import { contractEndpoints, onEachCall, type ResultOf } from '../../api/contractApi';
import type { EXPORT_KINDS, teacherAvailability } from '../../../src-shared/contract/timetableFields';
import type { jointOut } from '../../../src-shared/contract/curriculumJoints';

export type TeacherAvailability = z.output<typeof teacherAvailability>;
export type JointOut = z.output<typeof jointOut>;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export type VersionsList = ResultOf<'timetable.versions.list'>;

/**
 * The timetable's endpoints (issue 15), derived from the contract: queries follow the plan, load,
 * bells, rooms and classes they are built from, every write refreshes the timetable everywhere.
 * Exports run on each click (a file is made and logged every time).
 */
export const timetableApi = contractEndpoints({
  timetableVersions: 'timetable.versions.list',
  timetableView: 'timetable.version.get',
  timetableFigures: 'timetable.version.figures',
  timetablePrecheck: 'timetable.precheck',
  createTimetableVersion: 'timetable.version.create',
  updateTimetableVersion: 'timetable.version.update',
  copyTimetableVersion: 'timetable.version.copy',
  deleteTimetableVersion: 'timetable.version.delete',
  approveTimetableVersion: 'timetable.version.approve',
  lockPlacements: 'timetable.placements.lock',
  updatePlacements: 'timetable.placements.update',
  startGeneration: 'timetable.generate.start',
  generationStatus: 'timetable.generate.status',
  cancelGeneration: 'timetable.generate.cancel',
  exportTimetable: onEachCall('timetable.export'),
  teacherAvailability: 'timetable.availability.list',
  saveTeacherAvailability: 'timetable.availability.save',
  // Joint groups are the curriculum's (curriculum.joints.*); their page lives with the timetable.
  timetableJoints: 'curriculum.joints.list',
  saveJoint: 'curriculum.joints.save',
  deleteJoint: 'curriculum.joints.delete',
  editTargets: 'timetable.edit.targets',
  repairAround: 'timetable.edit.repair',
  cancelRepair: 'timetable.edit.repair.cancel',
  compareVersions: 'timetable.versions.compare',
  changesSheet: onEachCall('timetable.versions.changesSheet'),
});

export const {
  useTimetableVersionsQuery,
  useTimetableViewQuery,
  useTimetableFiguresQuery,
  useTimetablePrecheckQuery,
  useCreateTimetableVersionMutation,
  useUpdateTimetableVersionMutation,
  useCopyTimetableVersionMutation,
  useDeleteTimetableVersionMutation,
  useApproveTimetableVersionMutation,
  useLockPlacementsMutation,
  useUpdatePlacementsMutation,
  useStartGenerationMutation,
  useGenerationStatusQuery,
  useCancelGenerationMutation,
  useExportTimetableMutation,
  useTeacherAvailabilityQuery,
  useSaveTeacherAvailabilityMutation,
  useTimetableJointsQuery,
  useSaveJointMutation,
  useDeleteJointMutation,
  useEditTargetsQuery,
  useRepairAroundMutation,
  useCancelRepairMutation,
  useCompareVersionsQuery,
  useChangesSheetMutation,
} = timetableApi;

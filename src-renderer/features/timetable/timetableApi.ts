import { baseApi } from '../../api/baseApi';
import type { ExportedFile } from '../../../src-shared/contract/files';
import type {
  AvailabilitySlot,
  FiguresOut,
  GenerationStatus,
  PrecheckOut,
  SummaryFigures,
  TimetableOptions,
  TimetableOptionsInput,
  VersionMeta,
  VersionView,
} from '../../../src-shared/contract/timetableFields';
import type { z } from 'zod';
import type { jointOut, teacherAvailability, EXPORT_KINDS } from '../../../src-shared/contract/timetableFields';

export type TeacherAvailability = z.output<typeof teacherAvailability>;
export type JointOut = z.output<typeof jointOut>;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export interface VersionsList {
  versions: VersionMeta[];
  inForceId: string | null;
  periods: { id: string; name: string; startDate: string; endDate: string; grades: number[] }[];
  defaults: TimetableOptions;
  extracurricularSubjects: { id: string; name: string }[];
}

export interface NewVersionArgs {
  yearId: string;
  studyPeriodId: string | null;
  name: string;
  options?: TimetableOptionsInput;
}

export type GenerateArgs =
  | { target: 'fill'; versionId: string; version: number; budget: { seconds: number } }
  | (NewVersionArgs & { target: 'new'; budget: { seconds: number } });

export type PrecheckArgs = { versionId: string } | { yearId: string; studyPeriodId: string | null; options?: TimetableOptionsInput };

/**
 * The timetable's endpoints (issue 15). One tag for everything of the timetable: a generation, an
 * approval or a lock changes the list, the view and the figures together.
 */
export const timetableApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    timetableVersions: build.query<VersionsList, string>({
      query: (yearId) => ({ method: 'timetable.versions.list', input: { yearId } }),
      providesTags: ['Timetable'],
    }),
    timetableView: build.query<VersionView, string>({
      query: (versionId) => ({ method: 'timetable.version.get', input: { versionId } }),
      providesTags: ['Timetable'],
    }),
    timetableFigures: build.query<FiguresOut, string>({
      query: (versionId) => ({ method: 'timetable.version.figures', input: { versionId } }),
      providesTags: ['Timetable'],
    }),
    timetablePrecheck: build.query<PrecheckOut, PrecheckArgs>({
      query: (input) => ({ method: 'timetable.precheck', input }),
      // The pre-check reads the plan, load, bells, rooms and classes: any of them may have changed.
      providesTags: ['Timetable', 'Load', 'Curriculum', 'Bells', 'Rooms', 'Classes', 'Subjects', 'Subgroups'],
    }),
    createTimetableVersion: build.mutation<VersionMeta, NewVersionArgs>({
      query: (input) => ({ method: 'timetable.version.create', input }),
      invalidatesTags: ['Timetable'],
    }),
    updateTimetableVersion: build.mutation<VersionMeta, { versionId: string; version: number; name?: string; options?: TimetableOptionsInput }>({
      query: (input) => ({ method: 'timetable.version.update', input }),
      invalidatesTags: ['Timetable'],
    }),
    copyTimetableVersion: build.mutation<VersionMeta, { versionId: string; name?: string }>({
      query: (input) => ({ method: 'timetable.version.copy', input }),
      invalidatesTags: ['Timetable'],
    }),
    deleteTimetableVersion: build.mutation<{ deleted: boolean }, { versionId: string; version: number }>({
      query: (input) => ({ method: 'timetable.version.delete', input }),
      invalidatesTags: ['Timetable'],
    }),
    approveTimetableVersion: build.mutation<{ meta: VersionMeta; archived: { id: string; name: string; effectiveTo: string }[] }, { versionId: string; version: number; effectiveFrom: string }>({
      query: (input) => ({ method: 'timetable.version.approve', input }),
      invalidatesTags: ['Timetable'],
    }),
    lockPlacements: build.mutation<{ version: number; changed: number }, { versionId: string; version: number; items: { lessonId: string; index: number }[]; locked: boolean }>({
      query: (input) => ({ method: 'timetable.placements.lock', input }),
      invalidatesTags: ['Timetable'],
    }),
    updatePlacements: build.mutation<
      { version: number; summary: SummaryFigures },
      { versionId: string; version: number; changes: { lessonId: string; index: number; day: number | null; period: number | null; roomId: string | null; locked: boolean }[] }
    >({
      query: (input) => ({ method: 'timetable.placements.update', input }),
      invalidatesTags: ['Timetable'],
    }),
    startGeneration: build.mutation<{ jobId: string; versionId: string | null; budgetSeconds: number }, GenerateArgs>({
      query: (input) => ({ method: 'timetable.generate.start', input }),
    }),
    generationStatus: build.query<GenerationStatus, string>({
      query: (jobId) => ({ method: 'timetable.generate.status', input: { jobId } }),
      // Polled while the run lasts; never served from an old cache entry.
      keepUnusedDataFor: 0,
    }),
    cancelGeneration: build.mutation<{ cancelled: boolean }, { jobId: string }>({
      query: (input) => ({ method: 'timetable.generate.cancel', input }),
    }),
    exportTimetable: build.mutation<ExportedFile, { versionId: string; kind: ExportKind; format: 'xlsx' | 'pdf'; ids?: string[]; paper?: 'A4' | 'A3' }>({
      query: (input) => ({ method: 'timetable.export', input }),
    }),
    teacherAvailability: build.query<{ teachers: TeacherAvailability[]; shifts: { shift: number; lessons: number }[]; weekdays: number[] }, string>({
      query: (yearId) => ({ method: 'timetable.availability.list', input: { yearId } }),
      providesTags: ['Timetable', 'Load', 'Bells'],
    }),
    saveTeacherAvailability: build.mutation<TeacherAvailability, { yearId: string; staffId: string; version: number; slots: AvailabilitySlot[]; note: string | null }>({
      query: (input) => ({ method: 'timetable.availability.save', input }),
      invalidatesTags: ['Timetable'],
    }),
    timetableJoints: build.query<{ joints: JointOut[] }, string>({
      query: (yearId) => ({ method: 'timetable.joints.list', input: { yearId } }),
      providesTags: ['Timetable', 'Load'],
    }),
    saveJoint: build.mutation<JointOut, { yearId: string; id: string | null; version: number; subjectId: string; name: string; members: { classId: string; groupNo: number }[] }>({
      query: (input) => ({ method: 'timetable.joints.save', input }),
      invalidatesTags: ['Timetable'],
    }),
    deleteJoint: build.mutation<{ deleted: boolean }, { id: string; version: number }>({
      query: (input) => ({ method: 'timetable.joints.delete', input }),
      invalidatesTags: ['Timetable'],
    }),
  }),
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
} = timetableApi;

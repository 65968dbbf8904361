import { baseApi } from '../../api/baseApi';
import type { LoadGrid, LoadSettingsOut, TeacherCard } from '../../../src-shared/contract/curriculumLoad';
import type { ExportedFile } from '../../../src-shared/contract/files';

export type AssignChange = { classId: string; subjectId: string; groupNo: number; staffId: string | null; version: number };

export const loadApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    loadGrid: build.query<LoadGrid, string>({
      query: (yearId) => ({ method: 'load.grid', input: { yearId } }),
      providesTags: ['Load'],
    }),
    assignTeachers: build.mutation<{ updated: number; warnings: string[] }, { yearId: string; changes: AssignChange[] }>({
      query: (input) => ({ method: 'load.assign', input }),
      invalidatesTags: ['Load', 'Curriculum'],
    }),
    teacherCard: build.query<TeacherCard, { yearId: string; staffId: string }>({
      query: (input) => ({ method: 'load.teacher', input }),
      providesTags: ['Load'],
    }),
    saveQualifications: build.mutation<{ subjectIds: string[] }, { staffId: string; subjectIds: string[] }>({
      query: (input) => ({ method: 'load.qualifications.save', input }),
      invalidatesTags: ['Load'],
    }),
    saveLoadSettings: build.mutation<LoadSettingsOut, LoadSettingsOut>({
      query: (input) => ({ method: 'load.settings.save', input }),
      invalidatesTags: ['Load'],
    }),
    exportTarification: build.mutation<ExportedFile, { yearId: string }>({
      query: (input) => ({ method: 'load.export.tarification', input }),
    }),
    exportVacancies: build.mutation<ExportedFile, { yearId: string }>({
      query: (input) => ({ method: 'load.export.vacancies', input }),
    }),
  }),
});

export const {
  useLoadGridQuery,
  useAssignTeachersMutation,
  useTeacherCardQuery,
  useSaveQualificationsMutation,
  useSaveLoadSettingsMutation,
  useExportTarificationMutation,
  useExportVacanciesMutation,
} = loadApi;

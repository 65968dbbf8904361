import { baseApi } from '../../api/baseApi';
import type { Subject, SubjectArea, SubjectInput } from '../../../src-shared/contract/subjects';

export const subjectsApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    subjects: build.query<{ subjects: Subject[]; areas: SubjectArea[] }, void>({
      query: () => ({ method: 'setup.subjects.list' }),
      providesTags: ['Subjects'],
    }),
    saveSubject: build.mutation<Subject, { id: string | null; subject: SubjectInput; version: number }>({
      query: (input) => ({ method: 'setup.subjects.save', input }),
      invalidatesTags: ['Subjects'],
    }),
    deleteSubject: build.mutation<{ deleted: boolean }, { id: string; version: number }>({
      query: (input) => ({ method: 'setup.subjects.delete', input }),
      invalidatesTags: ['Subjects'],
    }),
    loadStarterSubjects: build.mutation<{ added: string[]; kept: number; areasAdded: number }, void>({
      query: () => ({ method: 'setup.subjects.loadStarter' }),
      invalidatesTags: ['Subjects'],
    }),
    saveSubjectArea: build.mutation<SubjectArea, { id: string | null; area: { name: string; sortOrder: number }; version: number }>({
      query: (input) => ({ method: 'setup.subjectAreas.save', input }),
      invalidatesTags: ['Subjects'],
    }),
  }),
});

export const { useSubjectsQuery, useSaveSubjectMutation, useDeleteSubjectMutation, useLoadStarterSubjectsMutation, useSaveSubjectAreaMutation } = subjectsApi;

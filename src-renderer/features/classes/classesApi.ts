import { baseApi } from '../../api/baseApi';
import type { ClassInput, SchoolClass, Subgroup } from '../../../src-shared/contract/classes';

type StaffOption = { id: string; fullName: string; shortName: string; position: string | null };

export const classesApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    setupStaffOptions: build.query<{ staff: StaffOption[] }, void>({ query: () => ({ method: 'setup.staff.options' }) }),
    classes: build.query<{ classes: SchoolClass[] }, string>({
      query: (yearId) => ({ method: 'setup.classes.list', input: { yearId } }),
      providesTags: ['Classes'],
    }),
    saveClass: build.mutation<{ cls: SchoolClass; warnings: string[] }, { yearId: string; id: string | null; cls: ClassInput; version: number }>({
      query: (input) => ({ method: 'setup.classes.save', input }),
      invalidatesTags: ['Classes', 'SetupCheck'],
    }),
    createClasses: build.mutation<{ created: string[]; warnings: string[] }, { yearId: string; grades: number[]; letters: string[]; shift: 1 | 2 }>({
      query: (input) => ({ method: 'setup.classes.createMany', input }),
      invalidatesTags: ['Classes', 'SetupCheck'],
    }),
    deleteClass: build.mutation<{ deleted: boolean }, { id: string; version: number }>({
      query: (input) => ({ method: 'setup.classes.delete', input }),
      invalidatesTags: ['Classes', 'SetupCheck'],
    }),
    classPupils: build.query<{ pupils: { id: string; fullName: string; sex: string }[] }, { classId: string; date?: string }>({
      query: (input) => ({ method: 'setup.classes.pupils', input }),
      providesTags: ['Subgroups'],
    }),
    subgroups: build.query<{ subgroups: Subgroup[] }, { classId: string; date?: string }>({
      query: (input) => ({ method: 'setup.subgroups.list', input }),
      providesTags: ['Subgroups'],
    }),
    splitClass: build.mutation<{ subgroups: Subgroup[] }, { classId: string; subjectId: string; count: number }>({
      query: (input) => ({ method: 'setup.subgroups.split', input }),
      invalidatesTags: ['Subgroups', 'Classes'],
    }),
    deleteSubgroup: build.mutation<{ deleted: boolean }, { id: string; version: number }>({
      query: (input) => ({ method: 'setup.subgroups.delete', input }),
      invalidatesTags: ['Subgroups', 'Classes'],
    }),
    setSubgroupMembers: build.mutation<
      { subgroups: Subgroup[] },
      { classId: string; subjectId: string; date: string; groups: { subgroupId: string; version: number; pupilIds: string[] }[] }
    >({
      query: (input) => ({ method: 'setup.subgroups.setMembers', input }),
      invalidatesTags: ['Subgroups'],
    }),
  }),
});

export const {
  useSetupStaffOptionsQuery,
  useClassesQuery,
  useSaveClassMutation,
  useCreateClassesMutation,
  useDeleteClassMutation,
  useClassPupilsQuery,
  useSubgroupsQuery,
  useSplitClassMutation,
  useDeleteSubgroupMutation,
  useSetSubgroupMembersMutation,
} = classesApi;

/**
 * The old name, kept for the rollover wizard (features/movement). It must come from here: the access
 * feature has an endpoint `staffOptions` of its own with another shape, and RTK Query keeps only the
 * first endpoint of a name — which is why this one is called `setupStaffOptions`.
 */
export const useStaffOptionsQuery = useSetupStaffOptionsQuery;

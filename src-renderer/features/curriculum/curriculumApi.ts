import { baseApi } from '../../api/baseApi';
import type { PlanDetail, PlanRowInput } from '../../../src-shared/contract/curriculum';
import type { SubgroupStatus } from '../../../src-shared/contract/curriculumLoad';
import type { ExportedFile } from '../../../src-shared/contract/files';
import type { PlanProblemOut } from '../../../src-shared/contract/curriculum';

type GradeOverview = {
  grade: number;
  planId: string | null;
  weekLength: 5 | 6;
  maxWeekly: number | null;
  classroomHours: number;
  extracurricularHours: number;
  annualHours: number;
  classes: { id: string; name: string; programme: string; hasOwnPlan: boolean; classroomHours: number; errors: number; warnings: number }[];
  errors: number;
  warnings: number;
};

export type YearProblem = PlanProblemOut & { grade: number; classId: string | null };

/** Curriculum endpoints; the load feature invalidates 'Curriculum' too, since teachers show in the checks. */
export const curriculumApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    curriculumOverview: build.query<{ yearName: string; readOnly: boolean; grades: GradeOverview[]; levelProblems: PlanProblemOut[] }, string>({
      query: (yearId) => ({ method: 'curriculum.overview', input: { yearId } }),
      providesTags: ['Curriculum'],
    }),
    plan: build.query<PlanDetail, { yearId: string; grade: number; classId: string | null }>({
      query: (input) => ({ method: 'curriculum.plan.get', input }),
      providesTags: ['Curriculum'],
    }),
    savePlan: build.mutation<PlanDetail, { yearId: string; grade: number; classId: string | null; version: number; weeksPerYear: number | null; note: string | null; rows: PlanRowInput[] }>({
      query: (input) => ({ method: 'curriculum.plan.save', input }),
      invalidatesTags: ['Curriculum', 'Load'],
    }),
    deletePlan: build.mutation<{ deleted: boolean }, { id: string; version: number }>({
      query: (input) => ({ method: 'curriculum.plan.delete', input }),
      invalidatesTags: ['Curriculum', 'Load'],
    }),
    loadStarterPlans: build.mutation<{ created: number[]; replaced: number[]; skipped: number[]; subjectsAdded: string[] }, { yearId: string; grades: number[]; replace: boolean }>({
      query: (input) => ({ method: 'curriculum.plan.loadStarter', input }),
      invalidatesTags: ['Curriculum', 'Load', 'Subjects'],
    }),
    copyPlans: build.mutation<{ gradePlans: number[]; classPlans: { from: string; to: string }[]; assignments: number; skipped: string[] }, { fromYearId: string; toYearId: string; includeLoad: boolean; replace: boolean }>({
      query: (input) => ({ method: 'curriculum.plan.copy', input }),
      invalidatesTags: ['Curriculum', 'Load'],
    }),
    curriculumChecks: build.query<{ problems: YearProblem[] }, string>({
      query: (yearId) => ({ method: 'curriculum.checks', input: { yearId } }),
      providesTags: ['Curriculum'],
    }),
    exportCurriculum: build.mutation<ExportedFile, { yearId: string; by: 'grade' | 'class' }>({
      query: (input) => ({ method: 'curriculum.export', input }),
    }),
    subgroupStatus: build.query<{ date: string; items: SubgroupStatus[] }, { yearId: string; date: string }>({
      query: (input) => ({ method: 'curriculum.subgroups.status', input }),
      providesTags: ['Curriculum', 'Subgroups'],
    }),
    createSubgroups: build.mutation<{ created: number; distributed: string[]; messages: string[] }, { yearId: string; classIds?: string[]; date: string; distribute: 'none' | 'list' | 'sexForTechnology' }>({
      query: (input) => ({ method: 'curriculum.subgroups.create', input }),
      invalidatesTags: ['Curriculum', 'Subgroups', 'Classes'],
    }),
  }),
});

export const {
  useCurriculumOverviewQuery,
  usePlanQuery,
  useSavePlanMutation,
  useDeletePlanMutation,
  useLoadStarterPlansMutation,
  useCopyPlansMutation,
  useCurriculumChecksQuery,
  useExportCurriculumMutation,
  useSubgroupStatusQuery,
  useCreateSubgroupsMutation,
} = curriculumApi;

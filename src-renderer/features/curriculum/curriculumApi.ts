import { contractEndpoints, onEachCall, type ResultOf } from '../../api/contractApi';

export type YearProblem = ResultOf<'curriculum.checks'>['problems'][number];

/** Curriculum plans, their checks and export, and the subgroups the plans call for. */
export const curriculumApi = contractEndpoints({
  curriculumOverview: 'curriculum.overview',
  plan: 'curriculum.plan.get',
  savePlan: 'curriculum.plan.save',
  deletePlan: 'curriculum.plan.delete',
  loadStarterPlans: 'curriculum.plan.loadStarter',
  copyPlans: 'curriculum.plan.copy',
  curriculumChecks: 'curriculum.checks',
  exportCurriculum: onEachCall('curriculum.export'),
  subgroupStatus: 'curriculum.subgroups.status',
  createSubgroups: 'curriculum.subgroups.create',
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

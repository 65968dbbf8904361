import { contractEndpoints } from '../../api/contractApi';

/** Years, study periods, the set-up check and bell schedules. */
export const yearApi = contractEndpoints({
  years: 'setup.years.list',
  saveYear: 'setup.years.save',
  setCurrentYear: 'setup.years.setCurrent',
  setYearClosed: 'setup.years.setClosed',
  deleteYear: 'setup.years.delete',
  setupCheck: 'setup.years.check',
  periods: 'setup.periods.list',
  savePeriods: 'setup.periods.save',
  deletePeriods: 'setup.periods.delete',
  bells: 'setup.bells.list',
  saveBells: 'setup.bells.save',
  deleteBells: 'setup.bells.delete',
});

export const {
  useYearsQuery,
  useSaveYearMutation,
  useSetCurrentYearMutation,
  useSetYearClosedMutation,
  useDeleteYearMutation,
  useSetupCheckQuery,
  usePeriodsQuery,
  useSavePeriodsMutation,
  useDeletePeriodsMutation,
  useBellsQuery,
  useSaveBellsMutation,
  useDeleteBellsMutation,
} = yearApi;

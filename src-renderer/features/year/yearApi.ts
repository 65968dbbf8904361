import { contractEndpoints } from '../../api/contractApi';

/** Year writes, study periods, the set-up check and bell schedules (the year list: components/yearsApi). */
export const yearApi = contractEndpoints({
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

import { baseApi } from '../../api/baseApi';
import type { AcademicYear, AcademicYearInput, PeriodScheme, PeriodSchemeInput, SetupProblem } from '../../../src-shared/contract/years';
import type { BellScheduleInput, BellScheduleView } from '../../../src-shared/contract/bells';

type Saved<T> = { warnings: string[] } & T;

/** Years, study periods, the set-up check and bell schedules. */
export const yearApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    years: build.query<{ years: AcademicYear[] }, void>({ query: () => ({ method: 'setup.years.list' }), providesTags: ['Years'] }),
    saveYear: build.mutation<AcademicYear, { id: string | null; year: AcademicYearInput; version: number }>({
      query: (input) => ({ method: 'setup.years.save', input }),
      invalidatesTags: ['Years', 'Calendar', 'SetupCheck', 'Classes'],
    }),
    setCurrentYear: build.mutation<{ years: AcademicYear[] }, { id: string }>({
      query: (input) => ({ method: 'setup.years.setCurrent', input }),
      invalidatesTags: ['Years'],
    }),
    setYearClosed: build.mutation<AcademicYear, { id: string; closed: boolean; version: number }>({
      query: (input) => ({ method: 'setup.years.setClosed', input }),
      invalidatesTags: ['Years'],
    }),
    deleteYear: build.mutation<{ deleted: boolean }, { id: string; version: number }>({
      query: (input) => ({ method: 'setup.years.delete', input }),
      invalidatesTags: ['Years', 'Periods', 'Calendar', 'Bells', 'SetupCheck'],
    }),
    setupCheck: build.query<{ problems: SetupProblem[] }, string>({
      query: (yearId) => ({ method: 'setup.years.check', input: { yearId } }),
      providesTags: ['SetupCheck'],
    }),
    periods: build.query<{ schemes: PeriodScheme[] }, string>({
      query: (yearId) => ({ method: 'setup.periods.list', input: { yearId } }),
      providesTags: ['Periods'],
    }),
    savePeriods: build.mutation<Saved<{ scheme: PeriodScheme }>, { yearId: string; id: string | null; scheme: PeriodSchemeInput; version: number }>({
      query: (input) => ({ method: 'setup.periods.save', input }),
      invalidatesTags: ['Periods', 'Calendar', 'SetupCheck'],
    }),
    deletePeriods: build.mutation<{ deleted: boolean }, { id: string; version: number }>({
      query: (input) => ({ method: 'setup.periods.delete', input }),
      invalidatesTags: ['Periods', 'Calendar', 'SetupCheck'],
    }),
    bells: build.query<{ schedules: BellScheduleView[] }, string>({
      query: (yearId) => ({ method: 'setup.bells.list', input: { yearId } }),
      providesTags: ['Bells'],
    }),
    saveBells: build.mutation<Saved<{ schedule: BellScheduleView }>, { yearId: string; id: string | null; schedule: BellScheduleInput; version: number }>({
      query: (input) => ({ method: 'setup.bells.save', input }),
      invalidatesTags: ['Bells', 'SetupCheck'],
    }),
    deleteBells: build.mutation<{ deleted: boolean }, { id: string; version: number }>({
      query: (input) => ({ method: 'setup.bells.delete', input }),
      invalidatesTags: ['Bells', 'SetupCheck'],
    }),
  }),
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

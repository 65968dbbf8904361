import { baseApi } from '../../api/baseApi';
import type {
  CalendarEntry,
  CalendarEntryInput,
  CalendarView,
  DayTransfer,
  SchoolEvent,
  SchoolEventInput,
  TransferInput,
} from '../../../src-shared/contract/calendar';
import type { ExportedFile } from '../../../src-shared/contract/files';
import type { CalendarWarning, ProductionYearInput, ProductionYearView } from '../../../src-shared/contract/productionCalendar';

type Saved<T> = { warnings: string[] } & T;
const CAL = ['Calendar', 'SetupCheck'] as const;

/** Holidays, days off, transfers, events, the year view, the Excel график and the production calendar. */
export const calendarApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    entries: build.query<{ entries: CalendarEntry[] }, string>({
      query: (yearId) => ({ method: 'calendar.entries.list', input: { yearId } }),
      providesTags: ['Calendar'],
    }),
    saveEntry: build.mutation<Saved<{ entry: CalendarEntry }>, { yearId: string; id: string | null; entry: CalendarEntryInput; version: number }>({
      query: (input) => ({ method: 'calendar.entries.save', input }),
      invalidatesTags: [...CAL],
    }),
    deleteEntry: build.mutation<{ deleted: boolean }, { id: string; version: number }>({
      query: (input) => ({ method: 'calendar.entries.delete', input }),
      invalidatesTags: [...CAL],
    }),
    transfers: build.query<{ transfers: DayTransfer[] }, string>({
      query: (yearId) => ({ method: 'calendar.transfers.list', input: { yearId } }),
      providesTags: ['Calendar'],
    }),
    saveTransfer: build.mutation<Saved<{ transfer: DayTransfer }>, { yearId: string; id: string | null; transfer: TransferInput; version: number }>({
      query: (input) => ({ method: 'calendar.transfers.save', input }),
      invalidatesTags: [...CAL],
    }),
    deleteTransfer: build.mutation<{ deleted: boolean }, { id: string; version: number }>({
      query: (input) => ({ method: 'calendar.transfers.delete', input }),
      invalidatesTags: [...CAL],
    }),
    events: build.query<{ events: SchoolEvent[] }, string>({
      query: (yearId) => ({ method: 'calendar.events.list', input: { yearId } }),
      providesTags: ['Calendar'],
    }),
    saveEvent: build.mutation<Saved<{ event: SchoolEvent }>, { yearId: string; id: string | null; event: SchoolEventInput; version: number }>({
      query: (input) => ({ method: 'calendar.events.save', input }),
      invalidatesTags: [...CAL],
    }),
    deleteEvent: build.mutation<{ deleted: boolean }, { id: string; version: number }>({
      query: (input) => ({ method: 'calendar.events.delete', input }),
      invalidatesTags: [...CAL],
    }),
    calendarView: build.query<CalendarView, { yearId: string; grade: number; classId?: string | null }>({
      query: (input) => ({ method: 'calendar.view', input }),
      providesTags: ['Calendar', 'Periods', 'Production'],
    }),
    exportCalendar: build.mutation<ExportedFile, string>({
      query: (yearId) => ({ method: 'calendar.export', input: { yearId } }),
    }),
    productionYears: build.query<{ years: ProductionYearView[] }, void>({
      query: () => ({ method: 'calendar.production.list' }),
      providesTags: ['Production'],
    }),
    importProduction: build.mutation<{ years: number[] }, { fileName?: string; text: string }>({
      query: (input) => ({ method: 'calendar.production.import', input }),
      invalidatesTags: ['Production', 'Calendar', 'SetupCheck'],
    }),
    saveProductionYear: build.mutation<ProductionYearView, { data: ProductionYearInput; version: number }>({
      query: (input) => ({ method: 'calendar.production.saveYear', input }),
      invalidatesTags: ['Production', 'Calendar', 'SetupCheck'],
    }),
    resetProductionYear: build.mutation<{ deleted: boolean }, { year: number; version: number }>({
      query: (input) => ({ method: 'calendar.production.reset', input }),
      invalidatesTags: ['Production', 'Calendar', 'SetupCheck'],
    }),
    productionWarning: build.query<{ warnings: CalendarWarning[] }, void>({
      query: () => ({ method: 'calendar.production.warning' }),
      providesTags: ['Production'],
    }),
  }),
});

export const {
  useEntriesQuery,
  useSaveEntryMutation,
  useDeleteEntryMutation,
  useTransfersQuery,
  useSaveTransferMutation,
  useDeleteTransferMutation,
  useEventsQuery,
  useSaveEventMutation,
  useDeleteEventMutation,
  useCalendarViewQuery,
  useExportCalendarMutation,
  useProductionYearsQuery,
  useImportProductionMutation,
  useSaveProductionYearMutation,
  useResetProductionYearMutation,
  useProductionWarningQuery,
} = calendarApi;

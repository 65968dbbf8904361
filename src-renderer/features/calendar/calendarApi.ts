import { contractEndpoints, onEachCall } from '../../api/contractApi';

/** Holidays, days off, transfers, events, the year view, the Excel график and the production calendar. */
export const calendarApi = contractEndpoints({
  entries: 'calendar.entries.list',
  saveEntry: 'calendar.entries.save',
  deleteEntry: 'calendar.entries.delete',
  transfers: 'calendar.transfers.list',
  saveTransfer: 'calendar.transfers.save',
  deleteTransfer: 'calendar.transfers.delete',
  events: 'calendar.events.list',
  saveEvent: 'calendar.events.save',
  deleteEvent: 'calendar.events.delete',
  calendarView: 'calendar.view',
  exportCalendar: onEachCall('calendar.export'),
  productionYears: 'calendar.production.list',
  importProduction: 'calendar.production.import',
  saveProductionYear: 'calendar.production.saveYear',
  resetProductionYear: 'calendar.production.reset',
  productionWarning: 'calendar.production.warning',
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

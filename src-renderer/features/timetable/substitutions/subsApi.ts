import { contractEndpoints, onEachCall } from '../../../api/contractApi';

/** Substitutions' endpoints (issue 16 parts 5–6); exports run on each click (every file is logged). */
export const subsApi = contractEndpoints({
  subsDay: 'timetable.subs.day',
  createAbsence: 'timetable.subs.absence.create',
  deleteAbsence: 'timetable.subs.absence.delete',
  createClosure: 'timetable.subs.closure.create',
  deleteClosure: 'timetable.subs.closure.delete',
  assignSubstitution: 'timetable.subs.assign',
  removeSubstitution: 'timetable.subs.remove',
  subsLedger: 'timetable.subs.ledger',
  subsWeek: 'timetable.subs.week',
  exportSubs: onEachCall('timetable.subs.export'),
});

export const {
  useSubsDayQuery,
  useCreateAbsenceMutation,
  useDeleteAbsenceMutation,
  useCreateClosureMutation,
  useDeleteClosureMutation,
  useAssignSubstitutionMutation,
  useRemoveSubstitutionMutation,
  useExportSubsMutation,
  useSubsLedgerQuery,
  useSubsWeekQuery,
} = subsApi;

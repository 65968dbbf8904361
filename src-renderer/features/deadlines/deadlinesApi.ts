import { contractEndpoints, onEachCall, type ResultOf } from '../../api/contractApi';

export type HomeView = ResultOf<'deadlines.home'>;

export const deadlinesApi = contractEndpoints({
  deadlineHome: 'deadlines.home',
  deadlineCounts: 'deadlines.counts',
  deadlineRules: 'deadlines.rules.list',
  saveDeadlineRule: 'deadlines.rules.save',
  resetDeadlineRule: 'deadlines.rules.reset',
  tickTask: 'deadlines.tasks.tick',
  untickTask: 'deadlines.tasks.untick',
  deadlineJournal: 'deadlines.journal',
  exportDeadlineJournal: onEachCall('deadlines.journal.export'),
});

export const {
  useDeadlineHomeQuery,
  useDeadlineCountsQuery,
  useDeadlineRulesQuery,
  useSaveDeadlineRuleMutation,
  useResetDeadlineRuleMutation,
  useTickTaskMutation,
  useUntickTaskMutation,
  useDeadlineJournalQuery,
  useExportDeadlineJournalMutation,
} = deadlinesApi;

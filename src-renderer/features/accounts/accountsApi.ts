import { contractEndpoints, onEachCall } from '../../api/contractApi';

export const accountsApi = contractEndpoints({
  accounts: 'accounts.list',
  overdueAccounts: 'accounts.overdue',
  openAccount: 'accounts.open',
  markSent: 'accounts.markSent',
  recordCreated: 'accounts.recordCreated',
  // Reads a pasted printout; asked again for every paste, never from the cache.
  parsePrintout: onEachCall('accounts.parsePrintout'),
  handOver: 'accounts.handOver',
  letters: onEachCall('accounts.letters'),
  staffLetters: onEachCall('accounts.staffLetters'),
  exportAccounts: onEachCall('accounts.export'),
  accountSettings: 'accounts.settings.get',
  saveAccountSettings: 'accounts.settings.save',
});

export const {
  useAccountsQuery,
  useOverdueAccountsQuery,
  useOpenAccountMutation,
  useMarkSentMutation,
  useRecordCreatedMutation,
  useParsePrintoutMutation,
  useHandOverMutation,
  useLettersMutation,
  useStaffLettersMutation,
  useExportAccountsMutation,
  useAccountSettingsQuery,
  useSaveAccountSettingsMutation,
} = accountsApi;

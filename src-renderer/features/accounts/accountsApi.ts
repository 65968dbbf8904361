import { baseApi } from '../../api/baseApi';
import type { AccountFilter, AccountRow } from '../../../src-shared/contract/accounts';
import type { ExportedFile } from '../../../src-shared/contract/files';
import type { PersonKind } from '../../../src-shared/domain/personRules';

export interface PrintoutMatch {
  matched: { line: number; id: string; version: number; personName: string; login: string; password: string | null }[];
  unmatched: { line: number; text: string; reason: string }[];
}

const ACCOUNTS = ['Accounts', 'Pupils', 'Parents', 'Staff'] as const;

export const accountsApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    accounts: build.query<AccountRow[], AccountFilter>({ query: (input) => ({ method: 'accounts.list', input }), providesTags: ['Accounts'] }),
    overdueAccounts: build.query<{ overdue: AccountRow[]; dueToday: number; open: number }, void>({ query: () => ({ method: 'accounts.overdue', input: {} }), providesTags: ['Accounts'] }),
    openAccount: build.mutation<AccountRow, { personKind: PersonKind; personId: string; orderDate: string; orderNumber?: string | null }>({
      query: (input) => ({ method: 'accounts.open', input }),
      invalidatesTags: [...ACCOUNTS],
    }),
    markSent: build.mutation<AccountRow[], { ids: string[]; fileName: string; date: string }>({ query: (input) => ({ method: 'accounts.markSent', input }), invalidatesTags: [...ACCOUNTS] }),
    recordCreated: build.mutation<AccountRow[], { entries: { id: string; version: number; login: string; password: string | null }[]; date: string }>({
      query: (input) => ({ method: 'accounts.recordCreated', input }),
      invalidatesTags: [...ACCOUNTS],
    }),
    parsePrintout: build.mutation<PrintoutMatch, { text: string; code?: string }>({ query: (input) => ({ method: 'accounts.parsePrintout', input }) }),
    handOver: build.mutation<AccountRow, { id: string; version: number; date: string; to: string }>({ query: (input) => ({ method: 'accounts.handOver', input }), invalidatesTags: [...ACCOUNTS] }),
    letters: build.mutation<ExportedFile & { skipped: string[] }, { classId: string; format: 'pdf' | 'docx'; includeParents?: boolean }>({
      query: (input) => ({ method: 'accounts.letters', input }),
    }),
    exportAccounts: build.mutation<ExportedFile, AccountFilter & { columns?: string[] }>({ query: (input) => ({ method: 'accounts.export', input }) }),
    accountSettings: build.query<{ portalUrl: string }, void>({ query: () => ({ method: 'accounts.settings.get', input: {} }), providesTags: ['Accounts'] }),
    saveAccountSettings: build.mutation<{ portalUrl: string }, { portalUrl: string }>({ query: (input) => ({ method: 'accounts.settings.save', input }), invalidatesTags: ['Accounts'] }),
  }),
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
  useExportAccountsMutation,
  useAccountSettingsQuery,
  useSaveAccountSettingsMutation,
} = accountsApi;

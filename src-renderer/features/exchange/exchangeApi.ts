import { baseApi } from '../../api/baseApi';
import type { ExchangeRow, OutboxEntry, PullPreview, PullReport, PushKind, PushResult, Reconciliation } from '../../../src-shared/contract/exchange';
import type { ExportedFile } from '../../../src-shared/contract/files';

/** The portal exchange: pull wizard, outbox and pushes, history, reconciliation. */
const PEOPLE = ['Exchange', 'Pupils', 'Parents', 'Staff', 'Accounts', 'Classes', 'Subjects', 'Rooms', 'Bells', 'Curriculum', 'Load'] as const;

export const exchangeApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    pullPreview: build.mutation<PullPreview, { files: { fileName: string; contentBase64: string }[] }>({ query: (input) => ({ method: 'exchange.pull.preview', input }), invalidatesTags: ['Exchange'] }),
    pullApply: build.mutation<PullReport, { exchangeId: string; version: number; decisions: Record<string, string> }>({ query: (input) => ({ method: 'exchange.pull.apply', input }), invalidatesTags: [...PEOPLE] }),
    pullCancel: build.mutation<{ cancelled: boolean }, { exchangeId: string; version: number }>({ query: (input) => ({ method: 'exchange.pull.cancel', input }), invalidatesTags: ['Exchange'] }),
    exchangeHistory: build.query<ExchangeRow[], void>({ query: () => ({ method: 'exchange.history', input: { limit: 200 } }), providesTags: ['Exchange'] }),
    exchangeFile: build.mutation<ExportedFile, { fileId: string }>({ query: (input) => ({ method: 'exchange.file', input }) }),
    outbox: build.query<{ entries: OutboxEntry[]; since: string | null; counts: Record<PushKind, number> }, void>({ query: () => ({ method: 'exchange.outbox', input: {} }), providesTags: ['Exchange', 'Pupils', 'Parents', 'Staff'] }),
    pushCreate: build.mutation<PushResult, { kind: PushKind; personIds?: string[]; separator?: ';' | ',' }>({ query: (input) => ({ method: 'exchange.push.create', input }), invalidatesTags: ['Exchange', 'Accounts'] }),
    markImported: build.mutation<ExchangeRow, { exchangeId: string; version: number; date: string }>({ query: (input) => ({ method: 'exchange.push.markImported', input }), invalidatesTags: ['Exchange'] }),
    reconciliation: build.query<Reconciliation, void>({ query: () => ({ method: 'exchange.reconciliation', input: {} }), providesTags: ['Exchange', 'Pupils', 'Staff', 'Classes'] }),
    reconciliationExport: build.mutation<ExportedFile, void>({ query: () => ({ method: 'exchange.reconciliation.export', input: {} }) }),
  }),
});

export const {
  usePullPreviewMutation,
  usePullApplyMutation,
  usePullCancelMutation,
  useExchangeHistoryQuery,
  useExchangeFileMutation,
  useOutboxQuery,
  usePushCreateMutation,
  useMarkImportedMutation,
  useReconciliationQuery,
  useReconciliationExportMutation,
} = exchangeApi;

export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

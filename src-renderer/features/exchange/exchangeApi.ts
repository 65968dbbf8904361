import { contractEndpoints, onEachCall } from '../../api/contractApi';

/** The portal exchange: pull wizard, outbox and pushes, history, reconciliation. */
export const exchangeApi = contractEndpoints({
  pullPreview: 'exchange.pull.preview',
  pullEntries: 'exchange.pull.entries',
  pullApply: 'exchange.pull.apply',
  pullStop: 'exchange.pull.stop',
  pullCancel: 'exchange.pull.cancel',
  exchangeHistory: 'exchange.history',
  exchangeFile: onEachCall('exchange.file'),
  outbox: 'exchange.outbox',
  pushCreate: 'exchange.push.create',
  markImported: 'exchange.push.markImported',
  reconciliation: 'exchange.reconciliation',
  reconciliationExport: onEachCall('exchange.reconciliation.export'),
});

export const {
  usePullPreviewMutation,
  usePullEntriesQuery,
  usePullApplyMutation,
  usePullStopMutation,
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

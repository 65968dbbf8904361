export { downloadExchangeFile } from './exchangeFiles';
export { listExchanges } from './exchangeRepo';
export { FORMATS } from './formats/catalog';
export { cancelPull, getPull, pullEntries, stopPull, trackPull } from './pull/pullService';
export { applyPull, previewPull } from './pull/pullJob';
export { buildOutbox } from './push/outbox';
export { createPush, markImported } from './push/pushService';
export { buildReconciliation, reconciliationExcel } from './reconciliation';

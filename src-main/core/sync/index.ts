export { downloadExchangeFile } from './exchangeFiles';
export { listExchanges } from './exchangeRepo';
export { FORMATS } from './formats/catalog';
export { applyPull, cancelPull, getPull, previewPull } from './pull/pullService';
export { buildOutbox } from './push/outbox';
export { createPush, markImported } from './push/pushService';
export { buildReconciliation, reconciliationExcel } from './reconciliation';

export { auditWorkbook } from './auditExcel';
export { allAudit, auditFacets, listAudit, recordHistory } from './repo/auditQuery';
export { creationTraces, lastChangeTrace, type Trace } from './repo/traces';

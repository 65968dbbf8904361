export { auditWorkbook } from './auditExcel';
export { allAudit, auditFacets, listAudit, recordHistory } from './auditQuery';

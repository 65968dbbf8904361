export { auditWorkbook } from './auditExcel';
export { allAudit, auditFacets, listAudit, recordHistory } from './repo/auditQuery';

import { contractEndpoints, onEachCall } from '../../api/contractApi';

export const auditApi = contractEndpoints({
  auditList: 'audit.list',
  auditFacets: 'audit.facets',
  recordHistory: 'audit.history',
  // A query in the contract (it changes no data), but each click must make a new file and a new
  // log entry, so here it is a mutation: never served from cache.
  exportAudit: onEachCall('audit.export'),
});

export const { useAuditListQuery, useAuditFacetsQuery, useRecordHistoryQuery, useExportAuditMutation } = auditApi;

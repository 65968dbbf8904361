import { baseApi } from '../../api/baseApi';
import type { AuditFilter, AuditRow } from '../../../src-shared/contract/audit';
import type { ExportedFile } from '../../../src-shared/contract/files';

export interface AuditFacets {
  users: { id: string; name: string }[];
  entities: string[];
  actions: string[];
}

export const auditApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    auditList: build.query<{ rows: AuditRow[]; total: number }, AuditFilter & { offset: number; limit: number }>({
      query: (input) => ({ method: 'audit.list', input }),
      providesTags: ['Audit'],
    }),
    auditFacets: build.query<AuditFacets, void>({
      query: () => ({ method: 'audit.facets' }),
      providesTags: ['Audit'],
    }),
    recordHistory: build.query<AuditRow[], { entity: string; recordId: string }>({
      query: (input) => ({ method: 'audit.history', input }),
      providesTags: ['Audit'],
    }),
    // A query in the contract (it changes no data), but each click must make a new file and a new
    // log entry, so here it is a mutation: never served from cache.
    exportAudit: build.mutation<ExportedFile, AuditFilter>({
      query: (input) => ({ method: 'audit.export', input }),
      invalidatesTags: ['Audit'],
    }),
  }),
});

export const { useAuditListQuery, useAuditFacetsQuery, useRecordHistoryQuery, useExportAuditMutation } = auditApi;

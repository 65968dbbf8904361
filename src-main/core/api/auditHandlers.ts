import type { auditContract } from '../../../src-shared/contract/audit';
import { auditWorkbook } from '../audit/index';
import { allAudit, auditFacets, listAudit, recordHistory } from '../audit/index';
import type { Handlers } from './types';

export const auditHandlers: Handlers<typeof auditContract> = {
  'audit.list': async ({ offset, limit, sort, ...filter }, ctx) => listAudit(ctx.core.db, filter, offset, limit, sort),
  'audit.facets': async (_input, ctx) => auditFacets(ctx.core.db),
  'audit.history': async ({ entity, recordId }, ctx) => recordHistory(ctx.core.db, entity, recordId),
  'audit.export': async (filter, ctx) => {
    const rows = await allAudit(ctx.core.db, filter);
    const file = await auditWorkbook(rows, filter, ctx.caller.user?.name ?? null);
    await ctx.audit.record(ctx.core.db, { entity: 'audit', recordId: null, action: 'export', changes: { format: 'xlsx', rows: file.rows, filter } });
    return file;
  },
};

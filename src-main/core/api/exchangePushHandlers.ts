import type { exchangePushContract } from '../../../src-shared/contract/exchangePush';
import { buildOutbox } from '../sync/index';
import { createPush, markImported } from '../sync/index';
import { buildReconciliation, reconciliationExcel } from '../sync/index';
import type { Handlers } from './types';
import { schoolShortName } from '../schoolSetup/index';

/** Pushes to the portal, the outbox and the reconciliation report. */
export const exchangePushHandlers: Handlers<typeof exchangePushContract> = {
  'exchange.outbox': async (_input, ctx) => buildOutbox(ctx.core.db),
  'exchange.push.create': async ({ kind, personIds, separator }, ctx) => createPush(ctx, kind, personIds, separator),
  'exchange.push.markImported': async ({ exchangeId, version, date }, ctx) => markImported(ctx, exchangeId, version, date),
  'exchange.reconciliation': async (_input, ctx) => buildReconciliation(ctx.core.db),
  'exchange.reconciliation.export': async (_input, ctx) => {
    const r = await buildReconciliation(ctx.core.db);
    const school = await schoolShortName(ctx.core.db);
    const file = await reconciliationExcel(r, school);
    await ctx.audit.record(ctx.core.db, { entity: 'portalExchange', recordId: r.pullId, action: 'export', changes: { fileName: file.fileName, rows: file.rows } });
    return file;
  },
};

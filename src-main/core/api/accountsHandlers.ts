import type { accountsContract } from '../../../src-shared/contract/accounts';
import { accountLetters, staffLetters } from '../accounts/index';
import { exportAccounts } from '../accounts/index';
import { handOver, listAccounts, markSent, openTask, overdueAccounts, parsePrintoutText, readPortalUrl, recordCreated, savePortalUrl } from '../accounts/index';
import type { Handlers } from './types';

export const accountsHandlers: Handlers<typeof accountsContract> = {
  'accounts.list': async (input, ctx) => listAccounts(ctx, input ?? {}),
  'accounts.export': async (input, ctx) => exportAccounts(ctx, input ?? {}),
  'accounts.overdue': async (_input, ctx) => overdueAccounts(ctx),
  'accounts.open': async (input, ctx) => openTask(ctx, input),
  'accounts.markSent': async ({ ids, fileName, date }, ctx) => markSent(ctx, ids, fileName, date),
  'accounts.recordCreated': async ({ entries, date }, ctx) => recordCreated(ctx, entries, date),
  'accounts.parsePrintout': async ({ text, code }, ctx) => parsePrintoutText(ctx, text, code),
  'accounts.handOver': async ({ id, version, date, to }, ctx) => handOver(ctx, id, version, date, to),
  'accounts.letters': async ({ classId, format, includeParents }, ctx) => accountLetters(ctx, classId, format, includeParents),
  'accounts.staffLetters': async ({ staffIds, format }, ctx) => staffLetters(ctx, staffIds, format),
  'accounts.settings.get': async (_input, ctx) => ({ portalUrl: await readPortalUrl(ctx.core.db) }),
  'accounts.settings.save': async ({ portalUrl }, ctx) => savePortalUrl(ctx, portalUrl),
};

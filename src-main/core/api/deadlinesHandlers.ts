import type { deadlinesContract } from '../../../src-shared/contract/deadlines';
import { homeView, journal, journalWorkbook, listRules, resetRule, saveRule, taskCounts, tickTask, untickTask } from '../deadlines/index';
import type { Handlers } from './types';

export const deadlinesHandlers: Handlers<typeof deadlinesContract> = {
  'deadlines.rules.list': async (_input, ctx) => listRules(ctx),
  'deadlines.rules.save': async (input, ctx) => saveRule(ctx, input),
  'deadlines.rules.reset': async (input, ctx) => resetRule(ctx, input),
  'deadlines.home': async (input, ctx) => homeView(ctx, input?.scope),
  'deadlines.counts': async (_input, ctx) => taskCounts(ctx),
  'deadlines.tasks.tick': async (input, ctx) => tickTask(ctx, input),
  'deadlines.tasks.untick': async (input, ctx) => untickTask(ctx, input),
  'deadlines.journal': async (input, ctx) => journal(ctx, input),
  'deadlines.journal.export': async (input, ctx) => journalWorkbook(ctx, input),
};

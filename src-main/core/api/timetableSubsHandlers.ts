import type { timetableSubsContract } from '../../../src-shared/contract/timetableSubs';
import { assignSubstitution, createAbsence, createClosure, deleteAbsence, deleteClosure, exportSubs, monthLedger, removeSubstitution, subsDay, weekMarks } from '../timetable/index';
import type { Handlers } from './types';

/** Substitutions: handlers only call the timetable domain's services. */
export const timetableSubsHandlers: Handlers<typeof timetableSubsContract> = {
  'timetable.subs.day': async (input, ctx) => subsDay(ctx.core.db, input.date),
  'timetable.subs.absence.create': async (input, ctx) => createAbsence(ctx, input),
  'timetable.subs.absence.delete': async (input, ctx) => deleteAbsence(ctx, input),
  'timetable.subs.closure.create': async (input, ctx) => createClosure(ctx, input),
  'timetable.subs.closure.delete': async (input, ctx) => deleteClosure(ctx, input),
  'timetable.subs.assign': async (input, ctx) => assignSubstitution(ctx, input),
  'timetable.subs.remove': async (input, ctx) => removeSubstitution(ctx, input),
  'timetable.subs.ledger': async (input, ctx) => {
    const l = await monthLedger(ctx.core.db, input.month);
    return { month: l.month, rows: l.rows };
  },
  'timetable.subs.week': async (input, ctx) => weekMarks(ctx.core.db, input.versionId, input.date),
  'timetable.subs.export': async (input, ctx) => exportSubs(ctx, input),
};

import type { MethodSample, SampleContext } from '../access/methodSamples';

/**
 * Sample inputs of the substitution methods (issue 16 parts 5–6) for the generated rights test. An
 * absence needs dates in the fixture's year and must not overlap another of the same teacher, so
 * each sample takes its own day. The fixture has no approved timetable with lessons, so assigning a
 * substitution is refused by the data (no lesson to cover), not by rights.
 */

let dayNo = 0;
/** A fresh weekday of the 2025/2026 fixture year for each call. */
function freshDate(): string {
  const d = new Date(Date.UTC(2025, 8, 1 + dayNo++));
  return d.toISOString().slice(0, 10);
}

async function absence(ctx: SampleContext) {
  const date = freshDate();
  return ctx.t.client.call('timetable.subs.absence.create', { staffId: ctx.fx.teacher5B, dateFrom: date, dateTo: date, reason: 'sick', document: null });
}

/** A fresh room (made by the system caller), so closures of different calls never overlap. */
async function room(ctx: SampleContext): Promise<string> {
  const r = await ctx.t.client.call('setup.rooms.save', { id: null, version: 0, room: { number: ctx.unique('к'), typeId: 'room-type-regular', floor: 2, capacity: 30 } });
  return r.id;
}

export const SUBS_SAMPLES: Record<string, MethodSample> = {
  'timetable.subs.day': { input: () => ({ date: '2025-10-01' }) },
  'timetable.subs.absence.create': { input: (ctx) => ({ staffId: ctx.fx.teacher5B, dateFrom: freshDate(), dateTo: freshDate(), reason: 'course', document: ctx.unique('Приказ') }) },
  'timetable.subs.absence.delete': {
    input: async (ctx) => {
      const a = await absence(ctx);
      return { id: a.id, version: a.version };
    },
  },
  'timetable.subs.closure.create': { input: async (ctx) => ({ roomId: await room(ctx), dateFrom: freshDate(), dateTo: freshDate(), reason: 'repair', note: ctx.unique('Покраска') }) },
  'timetable.subs.closure.delete': {
    input: async (ctx) => {
      const date = freshDate();
      const c = await ctx.t.client.call('timetable.subs.closure.create', { roomId: await room(ctx), dateFrom: date, dateTo: date, reason: 'inspection', note: null });
      return { id: c.id, version: c.version };
    },
  },
  'timetable.subs.assign': {
    input: (ctx) => ({ date: '2025-10-01', lessonId: 'no-such-lesson', index: 0, kind: 'substitute', substituteId: ctx.fx.teacher5B, version: 0 }),
    allowedOutcome: () => 'VALIDATION',
  },
  'timetable.subs.remove': { input: () => ({ id: 'no-such-substitution', version: 1 }), allowedOutcome: () => 'NOT_FOUND' },
  'timetable.subs.week': { input: () => ({ versionId: 'no-such-version', date: '2025-10-01' }) },
  'timetable.subs.ledger': { input: () => ({ month: '2025-10' }) },
  'timetable.subs.export': { input: () => ({ kind: 'ledger', month: '2025-10' }) },
};

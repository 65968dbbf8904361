import type { RoleId } from '../../../src-shared/contract/access';
import type { RuleRow } from '../../../src-shared/contract/deadlines';
import type { MethodSample, SampleContext } from '../access/methodSamples';

/**
 * Sample inputs of the deadline monitor (issue 20) for the generated rights test. The tick works on
 * the secretary's «сведения об обучающихся» task of the fixture's current year: its owner, the
 * director and the administrator may tick it, anyone else is refused by the task, not by the right.
 */

async function pupilDataTask({ t }: SampleContext): Promise<string> {
  const { years } = await t.client.call('setup.years.list');
  return `pupil-data|year:${(years.find((y) => y.isCurrent) ?? years[0]).id}`;
}

async function rule(ctx: SampleContext, key: string): Promise<RuleRow> {
  return (await ctx.t.client.call('deadlines.rules.list', {})).rules.find((r) => r.key === key) as RuleRow;
}

function inputOf(r: RuleRow, description: string) {
  return {
    title: r.title,
    description,
    role: r.role as RoleId,
    anchor: r.anchor as 'yearDate',
    monthDay: r.monthDay,
    offset: r.offset,
    unit: r.unit as 'calendarDays',
    direction: r.direction as 'before',
    confirm: r.confirm as 'owner',
    check: null,
    section: r.section,
    link: r.link,
    isActive: r.isActive,
  };
}

/** The task's owner (the secretary) and whoever acts for all owners (director, administrator). */
const mayTick = ({ role }: SampleContext) => (['secretary', 'director', 'admin'].includes(role) ? 'ok' : 'FORBIDDEN');

export const DEADLINE_SAMPLES: Record<string, MethodSample> = {
  'deadlines.rules.list': { input: () => ({}) },
  'deadlines.rules.save': {
    input: async (ctx) => {
      const r = await rule(ctx, 'staff-data');
      return { key: r.key, version: r.version, rule: inputOf(r, ctx.unique('Проверка')) };
    },
  },
  'deadlines.rules.reset': {
    input: async (ctx) => {
      let r = await rule(ctx, 'pupil-data');
      if (r.origin === 'shipped') r = (await ctx.t.client.call('deadlines.rules.save', { key: r.key, version: r.version, rule: inputOf(r, ctx.unique('Правка')) })).rule;
      return { key: r.key, version: r.version };
    },
  },
  'deadlines.home': { input: () => ({}) },
  'deadlines.counts': { input: () => ({}) },
  'deadlines.tasks.tick': {
    input: async (ctx) => {
      const taskKey = await pupilDataTask(ctx);
      // The previous role's call may have ticked it: take the tick back (a tick is never edited, so its version is 1).
      await ctx.t.client.call('deadlines.tasks.untick', { taskKey, version: 1 }).catch(() => undefined);
      return { taskKey, note: 'Проверено' };
    },
    allowedOutcome: mayTick,
  },
  'deadlines.tasks.untick': {
    input: async (ctx) => {
      const taskKey = await pupilDataTask(ctx);
      await ctx.t.client.call('deadlines.tasks.tick', { taskKey, note: null }).catch(() => undefined);
      return { taskKey, version: 1 };
    },
    allowedOutcome: mayTick,
  },
  'deadlines.journal': { input: () => ({ from: '2025-09-01', to: '2026-08-31' }) },
  'deadlines.journal.export': { input: () => ({ from: '2025-09-01', to: '2026-08-31' }) },
};

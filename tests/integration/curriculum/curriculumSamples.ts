import type { MethodSample, SampleContext } from '../access/methodSamples';

/**
 * Sample inputs of the curriculum and load methods (issue 7) for the generated rights test. They
 * work on the fixture's 2025/2026 year and its classes 5А and 5Б; what a sample changes it reads
 * first (versions, current teachers), so it can run any number of times.
 */

let nextYear = 2900;

async function yearId({ t }: SampleContext): Promise<string> {
  const { years } = await t.client.call('setup.years.list');
  return (years.find((y) => y.isCurrent) ?? years[0]).id;
}

/** The grade-5 starter plan (it also brings the standard subjects). */
async function grade5(ctx: SampleContext): Promise<string> {
  const id = await yearId(ctx);
  await ctx.t.client.call('curriculum.plan.loadStarter', { yearId: id, grades: [5] });
  return id;
}

async function planInput(ctx: SampleContext, grade: number) {
  const id = await yearId(ctx);
  const plan = await ctx.t.client.call('curriculum.plan.get', { yearId: id, grade });
  return {
    yearId: id,
    grade,
    classId: null,
    version: plan.plan.version,
    rows: plan.rows.map((r) => ({ subjectId: r.subjectId, part: r.part, hours: r.hours, groups: r.groups, doubles: r.doubles, assessment: r.assessment })),
  };
}

export const CURRICULUM_SAMPLES: Record<string, MethodSample> = {
  'curriculum.overview': { input: async (ctx) => ({ yearId: await yearId(ctx) }) },
  'curriculum.plan.get': { input: async (ctx) => ({ yearId: await yearId(ctx), grade: 5 }) },
  'curriculum.plan.save': { input: (ctx) => planInput(ctx, 5) },
  'curriculum.plan.delete': {
    input: async (ctx) => {
      const saved = await ctx.t.client.call('curriculum.plan.save', await planInput(ctx, 11));
      return { id: saved.plan.id, version: saved.plan.version };
    },
  },
  'curriculum.plan.loadStarter': { input: async (ctx) => ({ yearId: await yearId(ctx), grades: [7] }) },
  'curriculum.plan.copy': {
    input: async (ctx) => {
      const y = nextYear++;
      const to = await ctx.t.client.call('setup.years.save', { id: null, version: 0, year: { name: `${y}/${y + 1}`, startDate: `${y}-09-01`, endDate: `${y + 1}-05-31` } });
      return { fromYearId: await yearId(ctx), toYearId: to.id, includeLoad: true };
    },
  },
  'curriculum.checks': { input: async (ctx) => ({ yearId: await yearId(ctx) }) },
  'curriculum.export': { input: async (ctx) => ({ yearId: await grade5(ctx), by: 'class' }) },
  'load.grid': { input: async (ctx) => ({ yearId: await yearId(ctx) }) },
  'load.assign': {
    input: async (ctx) => {
      const id = await grade5(ctx);
      const grid = await ctx.t.client.call('load.grid', { yearId: id });
      const math = grid.subjects.find((s) => s.name === 'Математика')?.id;
      const cell = grid.cells.find((c) => c.classId === ctx.fx.class5A && c.subjectId === math);
      if (!cell) throw new Error('no 5А mathematics row');
      const g = cell.groups[0];
      // Alternate the two teachers, so every allowed call is a real change with an audit row.
      return { yearId: id, changes: [{ classId: cell.classId, subjectId: cell.subjectId, groupNo: 0, staffId: g.staffId === ctx.fx.teacher5A ? ctx.fx.teacher5B : ctx.fx.teacher5A, version: g.version }] };
    },
  },
  'load.teacher': { input: async (ctx) => ({ yearId: await yearId(ctx), staffId: ctx.fx.teacher5A }) },
  'load.qualifications.save': { input: ({ fx }) => ({ staffId: fx.teacher5B, subjectIds: [] }) },
  'load.settings.save': { input: () => ({ hoursPerRate: 18, maxRates: 1.5 }) },
  'load.vacancies': { input: async (ctx) => ({ yearId: await yearId(ctx) }) },
  'load.export.tarification': { input: async (ctx) => ({ yearId: await yearId(ctx) }) },
  'load.export.vacancies': { input: async (ctx) => ({ yearId: await yearId(ctx) }) },
  'curriculum.subgroups.status': { input: async (ctx) => ({ yearId: await yearId(ctx), date: '2025-10-01' }) },
  'curriculum.subgroups.create': { input: async (ctx) => ({ yearId: await grade5(ctx), date: '2025-10-01', distribute: 'none' }) },
};

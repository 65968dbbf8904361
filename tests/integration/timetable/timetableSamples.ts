import { generateBells } from '../../../src-shared/domain/schoolSetup/bellSchedule';
import type { MethodSample, SampleContext } from '../access/methodSamples';

/**
 * Sample inputs of the timetable methods (issue 15) for the generated rights test. They work on the
 * fixture's 2025/2026 year with classes 5А and 5Б: the grade-5 starter plan (no teachers yet, so
 * generation is refused by the pre-check — the data, not the rights) and one first-shift bell
 * schedule, both added on first use. An approved version every role can read is made once.
 */

async function yearId({ t }: SampleContext): Promise<string> {
  const { years } = await t.client.call('setup.years.list');
  return (years.find((y) => y.isCurrent) ?? years[0]).id;
}

/** The plan and bells a draft needs for lessons and a grid. */
async function prepared(ctx: SampleContext): Promise<string> {
  const id = await yearId(ctx);
  const { t } = ctx;
  await t.client.call('curriculum.plan.loadStarter', { yearId: id, grades: [5] });
  const { schedules } = await t.client.call('setup.bells.list', { yearId: id });
  if (!schedules.some((s) => s.shift === 1)) {
    await t.client.call('setup.bells.save', {
      yearId: id,
      id: null,
      version: 0,
      schedule: { name: '1 смена', shift: 1, weekdays: [1, 2, 3, 4, 5], lessons: generateBells({ start: '08:30', count: 6, length: 45, shortBreak: 10, longBreak: 20, longAfter: [2] }) },
    });
  }
  return id;
}

async function draft(ctx: SampleContext) {
  const id = await prepared(ctx);
  return ctx.t.client.call('timetable.version.create', { yearId: id, studyPeriodId: null, name: ctx.unique('Черновик') });
}

/** A draft with one lesson placed. */
async function placedDraft(ctx: SampleContext) {
  const d = await draft(ctx);
  const v = await ctx.t.client.call('timetable.version.get', { versionId: d.id });
  const l = v.lessons.find((x) => x.kind === 'classroom')!;
  const r = await ctx.t.client.call('timetable.placements.update', { versionId: d.id, version: d.version, changes: [{ lessonId: l.id, index: 0, day: 1, period: 1, roomId: null, locked: false }] });
  return { id: d.id, version: r.version, lessonId: l.id };
}

/** A draft where two lessons of 5А stand in one period (a hard clash «Исправить» can repair). */
async function clashDraft(ctx: SampleContext) {
  const d = await placedDraft(ctx);
  const v = await ctx.t.client.call('timetable.version.get', { versionId: d.id });
  const first = v.lessons.find((x) => x.id === d.lessonId)!;
  const other = v.lessons.find((x) => x.kind === 'classroom' && x.id !== d.lessonId && x.audiences.some((a) => first.audiences.some((b) => b.classId === a.classId)))!;
  const r = await ctx.t.client.call('timetable.placements.update', { versionId: d.id, version: d.version, changes: [{ lessonId: other.id, index: 0, day: 1, period: 1, roomId: null, locked: false }] });
  return { id: d.id, version: r.version, lessonId: other.id };
}

/** An approved version (no lessons placed means no violations: it can be approved) that every role reads. */
export async function approvedSampleVersion(ctx: SampleContext): Promise<string> {
  const id = await yearId(ctx);
  const { versions } = await ctx.t.client.call('timetable.versions.list', { yearId: id });
  const found = versions.find((v) => v.name === 'Утверждённое для проверки прав' && v.status !== 'draft');
  if (found) return found.id;
  const d = await ctx.t.client.call('timetable.version.create', { yearId: id, studyPeriodId: null, name: 'Утверждённое для проверки прав', options: { rules: { conversationsMonday: false, horizonsThursday: false }, extracurricularSubjectIds: [] } });
  // Without lessons the version has nothing to violate; the director's approval needs that.
  await ctx.t.core.db.deleteFrom('timetableLesson').where('versionId', '=', d.id).execute();
  await ctx.t.client.call('timetable.version.approve', { versionId: d.id, version: d.version, effectiveFrom: '2025-09-01' });
  return d.id;
}

/** A joint lesson «Хор 5АБ» of the two fixture classes, after the earlier ones are gone (a load row is in one joint at most). */
async function jointInput(ctx: SampleContext) {
  const id = await prepared(ctx);
  for (const j of (await ctx.t.client.call('curriculum.joints.list', { yearId: id })).joints) await ctx.t.client.call('curriculum.joints.delete', { id: j.id, version: j.version });
  const { subjects } = await ctx.t.client.call('setup.subjects.list');
  return {
    yearId: id,
    id: null,
    version: 0,
    subjectId: subjects.find((s) => s.name === 'Музыка')!.id,
    name: ctx.unique('Хор 5АБ'),
    members: [
      { classId: ctx.fx.class5A, groupNo: 0 },
      { classId: ctx.fx.class5B, groupNo: 0 },
    ],
  };
}

export const TIMETABLE_SAMPLES: Record<string, MethodSample> = {
  'timetable.versions.list': { input: async (ctx) => ({ yearId: await yearId(ctx) }) },
  'timetable.versions.onDate': { input: () => ({ date: '2025-10-01' }) },
  'timetable.version.get': { input: async (ctx) => ({ versionId: await approvedSampleVersion(ctx) }) },
  'timetable.version.figures': { input: async (ctx) => ({ versionId: await approvedSampleVersion(ctx) }) },
  'timetable.precheck': { input: async (ctx) => ({ yearId: await prepared(ctx), studyPeriodId: null }) },
  'timetable.version.create': { input: async (ctx) => ({ yearId: await prepared(ctx), studyPeriodId: null, name: ctx.unique('Новый черновик') }) },
  'timetable.version.update': {
    input: async (ctx) => {
      const d = await draft(ctx);
      return { versionId: d.id, version: d.version, name: ctx.unique('Переименованный') };
    },
  },
  'timetable.version.copy': { input: async (ctx) => ({ versionId: await approvedSampleVersion(ctx), name: ctx.unique('Копия') }) },
  'timetable.version.delete': {
    input: async (ctx) => {
      const d = await draft(ctx);
      return { versionId: d.id, version: d.version };
    },
  },
  'timetable.version.approve': {
    input: async (ctx) => {
      const id = await yearId(ctx);
      const d = await ctx.t.client.call('timetable.version.create', { yearId: id, studyPeriodId: null, name: ctx.unique('На утверждение') });
      await ctx.t.core.db.deleteFrom('timetableLesson').where('versionId', '=', d.id).execute();
      // Each role's approval starts a day after the version in force: one approved from the same date
      // that has already begun is refused (history stays).
      const { versions } = await ctx.t.client.call('timetable.versions.list', { yearId: id });
      const last = versions.map((v) => (v.status === 'approved' ? v.effectiveFrom : null)).filter((x): x is string => !!x).sort().at(-1);
      const next = last && last >= '2026-05-01' ? new Date(Date.parse(`${last}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10) : '2026-05-01';
      return { versionId: d.id, version: d.version, effectiveFrom: next };
    },
  },
  'timetable.placements.update': {
    input: async (ctx) => {
      const d = await placedDraft(ctx);
      return { versionId: d.id, version: d.version, changes: [{ lessonId: d.lessonId, index: 0, day: 2, period: 0, roomId: null, locked: false }] };
    },
  },
  'timetable.placements.lock': {
    input: async (ctx) => {
      const d = await placedDraft(ctx);
      return { versionId: d.id, version: d.version, items: [{ lessonId: d.lessonId, index: 0 }], locked: true };
    },
  },
  // The fixture's load has no teachers: the pre-check refuses before solving (the data, not the rights).
  'timetable.generate.start': {
    input: async (ctx) => {
      const d = await draft(ctx);
      return { target: 'fill', versionId: d.id, version: d.version, budget: { seconds: 5 } };
    },
    allowedOutcome: () => 'VALIDATION',
  },
  // No generation with this id: a reader with the right learns that it is unknown.
  'timetable.generate.status': { input: () => ({ jobId: 'no-such-job' }), allowedOutcome: () => 'NOT_FOUND' },
  'timetable.generate.cancel': { input: () => ({ jobId: 'no-such-job' }) },
  // A class teacher and a teacher print their class (5А is theirs in the fixture); the office prints all.
  'timetable.export': { input: async (ctx) => ({ versionId: await approvedSampleVersion(ctx), kind: 'class', format: 'xlsx' }) },
  'timetable.availability.list': { input: async (ctx) => ({ yearId: await yearId(ctx) }) },
  'timetable.availability.save': {
    input: async (ctx) => {
      const id = await yearId(ctx);
      const { teachers } = await ctx.t.client.call('timetable.availability.list', { yearId: id });
      const row = teachers.find((x) => x.staffId === ctx.fx.teacher5B);
      return { yearId: id, staffId: ctx.fx.teacher5B, version: row?.version ?? 0, slots: [{ weekday: 3, shift: null, from: null, to: null, kind: 'unavailable' }], note: ctx.unique('Методический день') };
    },
  },
  // Hand editing (issue 16): targets of a placed lesson, repair of a clash, comparison with the approved version.
  'timetable.edit.targets': {
    input: async (ctx) => {
      const d = await placedDraft(ctx);
      return { versionId: d.id, lessonId: d.lessonId, index: 0 };
    },
  },
  'timetable.edit.repair': {
    input: async (ctx) => {
      const d = await clashDraft(ctx);
      return { versionId: d.id, version: d.version, lessonId: d.lessonId, index: 0 };
    },
  },
  'timetable.edit.repair.cancel': { input: () => ({ jobId: 'no-such-job' }) },
  'timetable.versions.compare': { input: async (ctx) => ({ fromId: await approvedSampleVersion(ctx), toId: (await placedDraft(ctx)).id }) },
  'timetable.versions.changesSheet': { input: async (ctx) => ({ fromId: await approvedSampleVersion(ctx), toId: (await placedDraft(ctx)).id, from: '2025-10-06', format: 'xlsx' }) },
  // Joint groups are the curriculum's (migration 0071); their sample needs this file's prepared year.
  'curriculum.joints.list': { input: async (ctx) => ({ yearId: await yearId(ctx) }) },
  'curriculum.joints.save': { input: (ctx) => jointInput(ctx) },
  'curriculum.joints.delete': {
    input: async (ctx) => {
      const j = await ctx.t.client.call('curriculum.joints.save', await jointInput(ctx));
      return { id: j.id, version: j.version };
    },
  },
};

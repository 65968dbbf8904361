import shipped from '../../../assets/production-calendar.json';
import { addDays, weekday } from '../../../src-shared/domain/calendar/dates';
import type { MethodSample, SampleContext } from '../access/methodSamples';

/**
 * Sample inputs of the school set-up methods (issue 4) for the generated rights test. Each sample
 * makes what it edits: a scratch academic year far in the future (so years never overlap), a
 * scratch subject, room or class; reads use the fixture's 2025/2026 year and its class 5А.
 */

let nextYear = 2200;

async function currentYearId({ t }: SampleContext): Promise<string> {
  const { years } = await t.client.call('setup.years.list');
  const y = years.find((x) => x.isCurrent) ?? years[0];
  return y.id;
}

async function scratchYear({ t }: SampleContext) {
  // Never reuse a year another sample (or a timed-out call still in flight) may have taken.
  const taken = new Set((await t.client.call('setup.years.list')).years.map((x) => Number(x.name.slice(0, 4))));
  while (taken.has(nextYear) || taken.has(nextYear - 1) || taken.has(nextYear + 1)) nextYear++;
  const y = nextYear;
  nextYear += 2;
  return t.client.call('setup.years.save', {
    id: null,
    version: 0,
    year: { name: `${y}/${y + 1}`, startDate: `${y}-09-01`, endDate: `${y + 1}-05-31` },
  });
}

function firstSaturday(from: string): string {
  let d = from;
  while (weekday(d) !== 6) d = addDays(d, 1);
  return d;
}

async function scratchSubject(ctx: SampleContext) {
  return ctx.t.client.call('setup.subjects.save', { id: null, version: 0, subject: { name: ctx.unique('Предмет'), shortName: 'Пр.' } });
}

const shipped2026 = () => {
  const y = (shipped as { years: { year: number }[] }).years.find((x) => x.year === 2026) as Record<string, unknown>;
  const { monthlyTotals: _m, ...rest } = y;
  return rest;
};

export const SETUP_SAMPLES: Record<string, MethodSample> = {
  'setup.years.list': { input: () => ({}) },
  'setup.years.save': {
    input: async (ctx) => {
      const y = await scratchYear(ctx);
      return { id: y.id, version: y.version, year: { name: y.name, startDate: y.startDate, endDate: `${y.endDate.slice(0, 4)}-05-30` } };
    },
  },
  'setup.years.setCurrent': { input: async (ctx) => ({ id: await currentYearId(ctx) }) },
  'setup.years.setClosed': {
    input: async (ctx) => {
      const y = await scratchYear(ctx);
      return { id: y.id, closed: true, version: y.version };
    },
  },
  'setup.years.delete': {
    input: async (ctx) => {
      const y = await scratchYear(ctx);
      return { id: y.id, version: y.version };
    },
  },
  'setup.years.check': { input: async (ctx) => ({ yearId: await currentYearId(ctx) }) },
  'setup.periods.list': { input: async (ctx) => ({ yearId: await currentYearId(ctx) }) },
  'setup.periods.save': {
    input: async (ctx) => {
      const y = await scratchYear(ctx);
      return { yearId: y.id, id: null, version: 0, scheme: { name: 'Год', kind: 'year', grades: [5], periods: [{ name: 'Учебный год', startDate: y.startDate, endDate: y.endDate }] } };
    },
  },
  'setup.periods.delete': {
    input: async (ctx) => {
      const y = await scratchYear(ctx);
      const { scheme } = await ctx.t.client.call('setup.periods.save', {
        yearId: y.id,
        id: null,
        version: 0,
        scheme: { name: 'Год', kind: 'year', grades: [5], periods: [{ name: 'Учебный год', startDate: y.startDate, endDate: y.endDate }] },
      });
      return { id: scheme.id, version: scheme.version };
    },
  },

  'calendar.entries.list': { input: async (ctx) => ({ yearId: await currentYearId(ctx) }) },
  'calendar.entries.save': {
    input: async (ctx) => {
      const y = await scratchYear(ctx);
      const s = y.startDate.slice(0, 4);
      return { yearId: y.id, id: null, version: 0, entry: { kind: 'holiday', name: 'Осенние каникулы', startDate: `${s}-10-27`, endDate: `${s}-11-04` } };
    },
  },
  'calendar.entries.delete': {
    input: async (ctx) => {
      const y = await scratchYear(ctx);
      const s = y.startDate.slice(0, 4);
      const { entry } = await ctx.t.client.call('calendar.entries.save', {
        yearId: y.id,
        id: null,
        version: 0,
        entry: { kind: 'dayOff', name: 'День здоровья', startDate: `${s}-10-05`, endDate: `${s}-10-05` },
      });
      return { id: entry.id, version: entry.version };
    },
  },
  'calendar.transfers.list': { input: async (ctx) => ({ yearId: await currentYearId(ctx) }) },
  'calendar.transfers.save': {
    input: async (ctx) => {
      const y = await scratchYear(ctx);
      return { yearId: y.id, id: null, version: 0, transfer: { date: firstSaturday(`${y.startDate.slice(0, 4)}-10-01`), worksAs: 1 } };
    },
  },
  'calendar.transfers.delete': {
    input: async (ctx) => {
      const y = await scratchYear(ctx);
      const { transfer } = await ctx.t.client.call('calendar.transfers.save', {
        yearId: y.id,
        id: null,
        version: 0,
        transfer: { date: firstSaturday(`${y.startDate.slice(0, 4)}-10-01`), worksAs: 2 },
      });
      return { id: transfer.id, version: transfer.version };
    },
  },
  'calendar.events.list': { input: async (ctx) => ({ yearId: await currentYearId(ctx) }) },
  'calendar.events.save': {
    input: async (ctx) => {
      const y = await scratchYear(ctx);
      return { yearId: y.id, id: null, version: 0, event: { title: 'Осенний бал', date: `${y.startDate.slice(0, 4)}-10-10` } };
    },
  },
  'calendar.events.delete': {
    input: async (ctx) => {
      const y = await scratchYear(ctx);
      const { event } = await ctx.t.client.call('calendar.events.save', {
        yearId: y.id,
        id: null,
        version: 0,
        event: { title: 'Линейка', date: y.startDate },
      });
      return { id: event.id, version: event.version };
    },
  },
  'calendar.view': { input: async (ctx) => ({ yearId: await currentYearId(ctx), grade: 5 }) },
  'calendar.export': { input: async (ctx) => ({ yearId: await currentYearId(ctx) }) },

  'calendar.production.list': { input: () => ({}) },
  'calendar.production.warning': { input: () => ({}) },
  'calendar.production.import': { input: () => ({ fileName: '2026.json', text: JSON.stringify({ years: [(shipped as { years: { year: number }[] }).years[1]] }) }) },
  'calendar.production.saveYear': {
    input: async ({ t }) => {
      const current = (await t.client.call('calendar.production.list')).years.find((y) => y.year === 2026);
      return { data: shipped2026(), version: current?.origin === 'database' ? current.version : 0 };
    },
  },
  'calendar.production.reset': {
    input: async ({ t }) => {
      const current = (await t.client.call('calendar.production.list')).years.find((y) => y.year === 2026);
      return { year: 2026, version: current?.origin === 'database' ? current.version : 0 };
    },
  },

  'setup.bells.list': { input: async (ctx) => ({ yearId: await currentYearId(ctx) }) },
  'setup.bells.save': {
    input: async (ctx) => {
      const y = await scratchYear(ctx);
      return { yearId: y.id, id: null, version: 0, schedule: { name: 'Основное', shift: 1, weekdays: [1, 2, 3, 4, 5], lessons: [{ number: 1, start: '08:30', end: '09:10' }] } };
    },
  },
  'setup.bells.delete': {
    input: async (ctx) => {
      const y = await scratchYear(ctx);
      const { schedule } = await ctx.t.client.call('setup.bells.save', {
        yearId: y.id,
        id: null,
        version: 0,
        schedule: { name: 'Суббота', shift: 1, weekdays: [6], lessons: [{ number: 1, start: '08:30', end: '09:05' }] },
      });
      return { id: schedule.id, version: schedule.version };
    },
  },

  'setup.subjects.list': { input: () => ({}) },
  'setup.subjects.export': { input: () => ({}) },
  'setup.subjects.save': { input: ({ unique }) => ({ id: null, version: 0, subject: { name: unique('Краеведение'), shortName: 'Краев.', points: [{ grade: 5, points: 7 }] } }) },
  'setup.subjects.delete': {
    input: async (ctx) => {
      const s = await scratchSubject(ctx);
      return { id: s.id, version: s.version };
    },
  },
  'setup.subjects.loadStarter': { input: () => ({}) },
  'setup.subjectAreas.save': { input: ({ unique }) => ({ id: null, version: 0, area: { name: unique('Область'), sortOrder: 500 } }) },
  'setup.subjectAreas.delete': {
    input: async ({ t, unique }) => {
      const a = await t.client.call('setup.subjectAreas.save', { id: null, version: 0, area: { name: unique('Область'), sortOrder: 500 } });
      return { id: a.id, version: a.version };
    },
  },

  'setup.rooms.list': { input: () => ({}) },
  'setup.rooms.export': { input: () => ({}) },
  'setup.rooms.save': { input: ({ unique }) => ({ id: null, version: 0, room: { number: unique('к'), typeId: 'room-type-regular', floor: 2, capacity: 30 } }) },
  'setup.rooms.delete': {
    input: async ({ t, unique }) => {
      const r = await t.client.call('setup.rooms.save', { id: null, version: 0, room: { number: unique('к'), typeId: 'room-type-lab' } });
      return { id: r.id, version: r.version };
    },
  },
  'setup.roomTypes.list': { input: () => ({}) },
  'setup.roomTypes.save': { input: ({ unique }) => ({ id: null, version: 0, type: { name: unique('Бассейн') } }) },
  'setup.roomTypes.delete': {
    input: async ({ t, unique }) => {
      const r = await t.client.call('setup.roomTypes.save', { id: null, version: 0, type: { name: unique('Тир') } });
      return { id: r.id, version: r.version };
    },
  },

  'setup.staff.options': { input: () => ({}) },
  'setup.classes.list': { input: async (ctx) => ({ yearId: await currentYearId(ctx) }) },
  'setup.classes.export': { input: async (ctx) => ({ yearId: await currentYearId(ctx) }) },
  'setup.classes.save': {
    input: async (ctx) => {
      const y = await scratchYear(ctx);
      return { yearId: y.id, id: null, version: 0, cls: { grade: 7, letter: 'В', classTeacherId: ctx.fx.teacher5A } };
    },
  },
  'setup.classes.createMany': {
    input: async (ctx) => {
      const y = await scratchYear(ctx);
      return { yearId: y.id, grades: [1, 2], letters: ['А', 'Б'] };
    },
  },
  'setup.classes.delete': {
    input: async (ctx) => {
      const y = await scratchYear(ctx);
      const { cls } = await ctx.t.client.call('setup.classes.save', { yearId: y.id, id: null, version: 0, cls: { grade: 3, letter: 'А' } });
      return { id: cls.id, version: cls.version };
    },
  },
  'setup.classes.pupils': { input: ({ fx }) => ({ classId: fx.class5A }) },
  'setup.subgroups.list': { input: ({ fx }) => ({ classId: fx.class5A }) },
  'setup.subgroups.save': {
    input: async (ctx) => {
      const s = await scratchSubject(ctx);
      return { classId: ctx.fx.class5A, id: null, version: 0, subgroup: { subjectId: s.id, name: 'Группа 1' } };
    },
  },
  'setup.subgroups.split': {
    input: async (ctx) => {
      const s = await scratchSubject(ctx);
      return { classId: ctx.fx.class5A, subjectId: s.id, count: 2 };
    },
  },
  'setup.subgroups.delete': {
    input: async (ctx) => {
      const s = await scratchSubject(ctx);
      const g = await ctx.t.client.call('setup.subgroups.save', { classId: ctx.fx.class5A, id: null, version: 0, subgroup: { subjectId: s.id, name: 'Группа 1' } });
      return { id: g.id, version: g.version };
    },
  },
  'setup.subgroups.setMembers': {
    input: async (ctx) => {
      const s = await scratchSubject(ctx);
      const { subgroups } = await ctx.t.client.call('setup.subgroups.split', { classId: ctx.fx.class5A, subjectId: s.id, count: 2 });
      return {
        classId: ctx.fx.class5A,
        subjectId: s.id,
        date: '2026-01-15',
        groups: [
          { subgroupId: subgroups[0].id, version: subgroups[0].version, pupilIds: [ctx.fx.pupils5A[0]] },
          { subgroupId: subgroups[1].id, version: subgroups[1].version, pupilIds: [ctx.fx.pupils5A[1]] },
        ],
      };
    },
  },
};

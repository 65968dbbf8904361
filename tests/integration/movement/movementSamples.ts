import { readAsset } from '../../../src-main/core/foundation/assets';
import type { MethodSample, SampleContext } from '../access/methodSamples';

/**
 * Sample inputs of the movement-book methods (issue 6) for the generated rights test. Orders are
 * made fresh for each call by the system caller (a draft enrolling a new, uniquely named pupil into
 * the fixture's 5Б in 2025/2026); the rollover runs on a scratch pair of far-future years.
 */
let nextYear = 2400;

async function draft({ t, fx, unique }: SampleContext) {
  return t.client.call('movement.orders.save', {
    id: null,
    version: 0,
    order: {
      type: 'enroll',
      orderDate: '2025-10-01',
      title: 'О зачислении',
      items: [{ newPupil: { lastName: unique('Проверкин'), firstName: 'Иван', middleName: 'Петрович', sex: 'М', birthDate: '2014-02-02' }, toClassId: fx.class5B, effectiveDate: '2025-10-02', enrollKind: 'otherSchool' }],
    },
  });
}

async function signed(ctx: SampleContext) {
  const d = await draft(ctx);
  return ctx.t.client.call('movement.orders.sign', { id: d.id, version: d.version });
}

async function scratchRollover({ t }: SampleContext) {
  const y = nextYear;
  nextYear += 3;
  const from = await t.client.call('setup.years.save', { id: null, version: 0, year: { name: `${y}/${y + 1}`, startDate: `${y}-09-01`, endDate: `${y + 1}-08-31` } });
  await t.client.call('setup.classes.createMany', { yearId: from.id, grades: [5], letters: ['А'] });
  return {
    fromYearId: from.id,
    targetYear: { name: `${y + 1}/${y + 2}`, startDate: `${y + 1}-09-01`, endDate: `${y + 2}-08-31` },
    promotionOrderDate: `${y + 1}-05-28`,
    graduationOrderDate: `${y + 1}-06-25`,
    graduationDate: `${y + 1}-06-26`,
  };
}

export const MOVEMENT_SAMPLES: Record<string, MethodSample> = {
  'movement.orders.list': { input: () => ({}) },
  'movement.orders.get': { input: async (ctx) => ({ id: (await draft(ctx)).id }) },
  'movement.orders.save': {
    input: async (ctx) => {
      const d = await draft(ctx);
      return { id: d.id, version: d.version, order: { type: 'enroll', orderDate: '2025-10-03', title: 'О зачислении (исправлено)', items: [{ id: d.items[0].id, pupilId: d.items[0].pupilId, toClassId: ctx.fx.class5B, effectiveDate: '2025-10-03', enrollKind: 'otherSchool' }] } };
    },
  },
  'movement.orders.saveNames': {
    input: async (ctx) => {
      const d = await draft(ctx);
      const i = d.items[0];
      return { id: d.id, version: d.version, names: [{ itemId: i.id, nameGenitive: i.nameGenitive, nameDative: i.nameDative, nameAccusative: `${i.nameAccusative} (испр.)` }] };
    },
  },
  'movement.orders.delete': {
    input: async (ctx) => {
      const d = await draft(ctx);
      return { id: d.id, version: d.version };
    },
  },
  'movement.orders.sign': {
    input: async (ctx) => {
      const d = await draft(ctx);
      return { id: d.id, version: d.version };
    },
  },
  'movement.orders.cancel': {
    input: async (ctx) => {
      const s = await signed(ctx);
      return { id: s.id, version: s.version, reason: 'введён ошибочно' };
    },
  },
  'movement.orders.document': { input: async (ctx) => ({ id: (await draft(ctx)).id, format: 'docx' }) },
  'movement.orders.exportBook': { input: () => ({ yearId: null }) },
  'movement.numbering.get': { input: () => ({}) },
  'movement.numbering.save': {
    input: async ({ t }) => {
      const n = await t.client.call('movement.numbering.get', {});
      return { series: n.series.map((s) => ({ type: s.type, suffix: s.suffix, version: s.version })), alphabetNext: n.alphabetNext };
    },
  },
  'movement.templates.info': { input: () => ({}) },
  'movement.templates.download': { input: () => ({ which: 'default' }) },
  'movement.templates.upload': {
    input: async ({ t, unique }) => ({
      fileName: `${unique('шаблон')}.docx`,
      contentBase64: readAsset('templates', 'movement-order.docx').toString('base64'),
      version: (await t.client.call('movement.templates.info')).custom?.version ?? 0,
    }),
  },
  'movement.templates.reset': { input: async ({ t }) => ({ version: (await t.client.call('movement.templates.info')).custom?.version ?? 0 }) },
  'movement.pupils.search': { input: () => ({ query: 'Смир' }) },
  'movement.pupils.timeline': { input: ({ fx }) => ({ pupilId: fx.pupils5A[0] }) },
  'movement.classes.list': { input: () => ({ date: '2025-10-01' }) },
  'movement.classes.roster': { input: ({ fx }) => ({ classId: fx.class5A, date: '2025-10-01' }) },
  'movement.book.list': { input: () => ({}) },
  'movement.book.export': { input: () => ({}) },
  'movement.alphabet.list': { input: () => ({}) },
  'movement.alphabet.export': { input: () => ({}) },
  'reports.occupancy': { input: () => ({ date: '2025-10-01' }) },
  'reports.occupancy.export': { input: () => ({ date: '2025-10-01' }) },
  'reports.movement': { input: () => ({ from: '2025-09-01', to: '2025-12-31' }) },
  'reports.movement.export': { input: () => ({ from: '2025-09-01', to: '2025-12-31' }) },
  'movement.rollover.preview': { input: scratchRollover },
  'movement.rollover.apply': { input: scratchRollover },
};

import type { MethodSample, SampleContext } from '../access/methodSamples';
import { enrolByOrder } from './enrol';

/**
 * Sample inputs of the people, staff and portal-account methods for the generated rights test
 * (tests/integration/access/rightsMatrixSuite.ts). Each creates what it needs with the full-rights
 * system client, so it works for any role in any order; a class teacher's samples stay in 5А.
 */

/** Digits → Russian letters: names may hold no digits, yet every sample needs a fresh one. */
function ruSuffix(text: string): string {
  return text.replace(/\D/g, '').replace(/\d/g, (d) => 'абвгдежзик'[Number(d)]);
}
const name = (ctx: SampleContext, base: string) => `${base}${ruSuffix(ctx.unique('n'))}`;

async function newParent(ctx: SampleContext, children: { pupilId: string; relation: string }[] = []) {
  return ctx.t.client.call('people.parents.create', {
    lastName: name(ctx, 'Проверкина'),
    firstName: 'Ольга',
    sex: 'Ж',
    birthDate: '1985-04-04',
    children: children as never,
    allowDuplicate: true,
  });
}

async function newStaff(ctx: SampleContext, hired = false) {
  return ctx.t.client.call('staff.create', {
    lastName: name(ctx, 'Кадрова'),
    firstName: 'Ирина',
    sex: 'Ж',
    birthDate: '1980-02-02',
    hireDate: hired ? '2025-09-01' : null,
    allowDuplicate: true,
  });
}

async function newPupilIn5A(ctx: SampleContext) {
  const p = await ctx.t.client.call('people.pupils.create', { lastName: name(ctx, 'Образцов'), firstName: 'Пётр', sex: 'М', birthDate: '2014-05-05', allowDuplicate: true });
  await enrolByOrder(ctx.t.client, { pupilIds: [p.id], classId: ctx.fx.class5A, orderDate: '2025-08-29', effectiveDate: '2025-09-01', numberText: ctx.unique('з') });
  return p;
}

/** An open account task of the kind the role looks after (HR — staff, the rest — a 5А pupil). */
async function openAccount(ctx: SampleContext) {
  const kind = ctx.role === 'hr' ? 'staff' : 'pupil';
  const person = kind === 'staff' ? await newStaff(ctx, true) : await newPupilIn5A(ctx);
  const rows = await ctx.t.client.call('accounts.list', { personKind: kind });
  return rows.find((r) => r.personId === person.id) as { id: string; version: number };
}

async function createdAccount(ctx: SampleContext) {
  const a = await openAccount(ctx);
  const [row] = await ctx.t.client.call('accounts.recordCreated', { entries: [{ id: a.id, version: a.version, login: 'obrazec', password: 'Образцов1234' }], date: '2025-09-02' });
  return row;
}

async function twoCards(ctx: SampleContext) {
  if (ctx.role === 'hr') {
    const a = await newStaff(ctx);
    const b = await newStaff(ctx);
    return { kind: 'staff' as const, keepId: a.id, removeId: b.id, keepVersion: a.version, removeVersion: b.version };
  }
  const a = await newParent(ctx, [{ pupilId: ctx.fx.pupils5A[0], relation: 'опекун' }]);
  const b = await newParent(ctx, [{ pupilId: ctx.fx.pupils5A[1], relation: 'опекун' }]);
  return { kind: 'parent' as const, keepId: a.id, removeId: b.id, keepVersion: a.version, removeVersion: b.version };
}

export const PEOPLE_SAMPLES: Record<string, MethodSample> = {
  'people.pupils.count': { input: ({ fx }) => ({ classId: fx.class5A }) },
  'people.pupils.create': { input: (ctx) => ({ lastName: name(ctx, 'Новенький'), firstName: 'Иван', sex: 'М', birthDate: '2014-05-05' }) },
  'people.pupils.history': { input: ({ fx }) => ({ id: fx.pupils5A[0] }) },
  'people.pupils.duplicates': { input: () => ({ lastName: 'Смирнов', firstName: 'Артём', middleName: 'Олегович', birthDate: '2014-03-12' }) },

  'people.parents.count': { input: ({ fx }) => ({ classId: fx.class5A }) },
  'people.parents.get': { input: ({ fx }) => ({ id: fx.parent5A }) },
  'people.parents.create': {
    input: (ctx) => ({ lastName: name(ctx, 'Родительская'), firstName: 'Анна', sex: 'Ж', birthDate: '1986-06-06', children: [{ pupilId: ctx.fx.pupils5A[0], relation: 'опекун' }] }),
  },
  'people.parents.update': {
    input: async ({ t, fx }) => {
      const p = await t.client.call('people.parents.get', { id: fx.parent5A });
      return { id: p.id, version: p.version, phoneMobile: p.phoneMobile === '+7 (913) 000-00-01' ? '+7 (913) 000-00-02' : '+7 (913) 000-00-01' };
    },
  },
  'people.parents.export': { input: ({ fx }) => ({ classId: fx.class5A }) },
  'people.parents.history': { input: ({ fx }) => ({ id: fx.parent5A }) },
  'people.parents.duplicates': { input: () => ({ lastName: 'Смирнова', firstName: 'Ольга', birthDate: '1988-02-14' }) },
  'people.links.add': { input: async (ctx) => ({ pupilId: ctx.fx.pupils5A[1], parentId: (await newParent(ctx)).id, relation: 'опекун' }) },
  'people.links.update': {
    input: async (ctx) => ({ pupilId: ctx.fx.pupils5A[1], parentId: (await newParent(ctx, [{ pupilId: ctx.fx.pupils5A[1], relation: 'опекун' }])).id, relation: 'попечитель', isLegalRepresentative: false }),
  },
  'people.links.remove': {
    input: async (ctx) => ({ pupilId: ctx.fx.pupils5A[1], parentId: (await newParent(ctx, [{ pupilId: ctx.fx.pupils5A[1], relation: 'опекун' }])).id }),
  },
  'people.merge.preview': {
    input: async (ctx) => {
      const { kind, keepId, removeId } = await twoCards(ctx);
      return { kind, keepId, removeId };
    },
  },
  'people.merge.apply': { input: (ctx) => twoCards(ctx) },

  'staff.list': { input: () => ({ limit: 50 }) },
  'staff.count': { input: () => ({}) },
  'staff.get': { input: ({ fx }) => ({ id: fx.teacher5A }) },
  'staff.create': { input: (ctx) => ({ lastName: name(ctx, 'Учителева'), firstName: 'Мария', sex: 'Ж', birthDate: '1990-01-01', hireDate: '2025-08-25', hireOrderNumber: '15-к' }) },
  'staff.update': {
    input: async (ctx) => {
      const s = await newStaff(ctx);
      return { id: s.id, version: s.version, department: 'Начальная школа' };
    },
  },
  'staff.export': { input: () => ({ status: 'working' }) },
  'staff.history': { input: ({ fx }) => ({ id: fx.teacher5A }) },
  'staff.duplicates': { input: () => ({ lastName: 'Кузнецова', firstName: 'Мария', birthDate: '1985-04-02' }) },

  'accounts.list': { input: () => ({}) },
  'accounts.export': { input: () => ({}) },
  'accounts.overdue': { input: () => ({}) },
  'accounts.open': {
    input: async (ctx) => {
      if (ctx.role === 'hr') return { personKind: 'staff', personId: (await newStaff(ctx)).id, orderDate: '2025-09-01' };
      const p = await ctx.t.client.call('people.pupils.create', { lastName: name(ctx, 'Беззадачный'), firstName: 'Олег', sex: 'М', birthDate: '2014-01-01', allowDuplicate: true });
      return { personKind: 'pupil', personId: p.id, orderDate: '2025-09-01', orderNumber: '3-з' };
    },
  },
  'accounts.markSent': { input: async (ctx) => ({ ids: [(await openAccount(ctx)).id], fileName: 'import_2025-09-01.csv', date: '2025-09-01' }) },
  'accounts.recordCreated': {
    input: async (ctx) => {
      const a = await openAccount(ctx);
      return { entries: [{ id: a.id, version: a.version, login: 'novichok', password: 'Новичок4321' }], date: '2025-09-02' };
    },
  },
  'accounts.parsePrintout': { input: () => ({ text: 'Смирнов Артём Олегович\tsmirnov\tСмирнов1234', code: '1234' }) },
  'accounts.handOver': {
    input: async (ctx) => {
      const a = await createdAccount(ctx);
      return { id: a.id, version: a.version, date: '2025-09-03', to: 'лично' };
    },
  },
  'accounts.letters': {
    input: ({ fx }) => ({ classId: fx.class5A, format: 'pdf' }),
    // HR holds the hand-over right for staff letters; a class letter is refused with a word for HR.
    allowedOutcome: ({ role }) => (role === 'hr' ? 'FORBIDDEN' : 'ok'),
  },
  'accounts.staffLetters': {
    input: ({ fx }) => ({ staffIds: [fx.teacher5A], format: 'pdf' }),
    // Staff letters are HR's (staff.edit); the secretary and class teachers hold the right for classes.
    allowedOutcome: ({ role }) => (role === 'hr' || role === 'admin' ? 'ok' : 'FORBIDDEN'),
  },
  'accounts.settings.get': { input: () => ({}) },
  'accounts.settings.save': { input: () => ({ portalUrl: 'https://netschool.edu22.info' }) },
};

import { readAsset } from '../../../src-main/core/foundation/assets';
import { ROLE_IDS } from '../../../src-shared/contract/access';
import type { MethodSample, SampleContext } from '../access/methodSamples';

/**
 * Sample inputs of the report catalogue, the print forms and the report builder (issue 21) for the
 * generated rights test. Every role user is linked to 5А's class teacher, so the class reports run
 * on 5А; a saved report for the run samples is made fresh by the system caller with every role in
 * its audience, on classes (which every role may read).
 */
const DATE = '2025-10-01';
const general = { key: 'pupils-general', params: { date: DATE } };
const staffReport = { key: 'staff-age-experience', params: { date: DATE } };

async function saved({ t, unique }: SampleContext) {
  return t.client.call('reports.custom.save', {
    id: null,
    version: 0,
    name: unique('Классы по параллелям'),
    audience: [...ROLE_IDS],
    definition: { entity: 'classes', columns: ['name', 'grade', 'pupilCount'], filters: [], date: DATE, groupBy: ['grade'], totals: ['pupilCount'], sort: [{ field: 'name', dir: 'asc' }] },
  });
}

async function templateVersion({ t }: SampleContext): Promise<number> {
  return (await t.client.call('reports.templates.info', {})).find((x) => x.key === 'pupil-card')?.custom?.version ?? 0;
}

export const REPORTS_SAMPLES: Record<string, MethodSample> = {
  'reports.catalogue': { input: () => ({}) },
  'reports.school.run': { input: () => general },
  'reports.school.drill': { input: () => ({ ...general, target: { table: 'contingent', row: 'total', column: 'total' } }) },
  'reports.school.export': { input: () => general },
  'reports.class.run': { input: ({ fx }) => ({ key: 'social-passport-class', params: { date: DATE, classId: fx.class5A } }) },
  'reports.class.drill': { input: ({ fx }) => ({ key: 'social-passport-class', params: { date: DATE, classId: fx.class5A }, target: { table: 'passport', row: 'all', column: 'total' } }) },
  'reports.class.export': { input: ({ fx }) => ({ key: 'class-lists', params: { date: DATE, classId: fx.class5A } }) },
  'reports.staff.run': { input: () => staffReport },
  'reports.staff.drill': { input: () => ({ ...staffReport, target: { table: 'age', row: 'total', column: 'total' } }) },
  'reports.staff.export': { input: () => staffReport },
  'reports.print.pupilCard': { input: ({ fx }) => ({ pupilId: fx.pupils5A[0], format: 'pdf' }) },
  'reports.print.staffCard': { input: ({ fx }) => ({ staffId: fx.teacher5A, format: 'pdf' }) },
  'reports.print.studyCertificate': { input: ({ fx }) => ({ pupilId: fx.pupils5A[0], format: 'pdf', purpose: 'в поликлинику' }) },
  'reports.print.workCertificate': {
    input: async ({ t }) => {
      const s = await t.client.call('staff.create', {
        lastName: 'Справкина',
        firstName: 'Нина',
        sex: 'Ж',
        birthDate: '1980-01-01',
        hireDate: '2020-08-25',
        hireOrderNumber: '7-к',
        positions: [{ position: 'учитель', kind: 'main', rate: 1, startDate: '2020-08-25', endDate: null, orderNumber: '7-к' }],
        allowDuplicate: true,
      });
      return { staffId: s.id, format: 'pdf' };
    },
  },
  'reports.certificates.list': { input: () => ({}) },
  'reports.templates.info': { input: () => ({}) },
  'reports.templates.download': { input: () => ({ key: 'pupil-card', which: 'default' }) },
  'reports.templates.upload': {
    input: async (ctx) => ({ key: 'pupil-card', fileName: 'Личная карта (школа).docx', contentBase64: readAsset('templates', 'pupil-card.docx').toString('base64'), version: await templateVersion(ctx) }),
  },
  'reports.templates.reset': { input: async (ctx) => ({ key: 'pupil-card', version: await templateVersion(ctx) }) },
  'reports.builder.preview': {
    input: () => ({ definition: { entity: 'pupils', columns: ['fullName', 'className'], filters: [{ field: 'sex', op: 'eq', value: 'М' }], date: DATE, groupBy: ['className'], totals: [], sort: [] } }),
  },
  'reports.custom.get': { input: async (ctx) => ({ id: (await saved(ctx)).id }) },
  'reports.custom.save': {
    input: ({ unique }) => ({ id: null, version: 0, name: unique('Мальчики 5 классов'), audience: ['deputy'], definition: { entity: 'pupils', columns: ['fullName'], filters: [{ field: 'grade', op: 'eq', value: 5 }], date: null, groupBy: [], totals: [], sort: [] } }),
  },
  'reports.custom.delete': {
    input: async (ctx) => {
      const s = await saved(ctx);
      return { id: s.id, version: s.version };
    },
  },
  'reports.custom.run': { input: async (ctx) => ({ id: (await saved(ctx)).id }) },
  'reports.custom.export': { input: async (ctx) => ({ id: (await saved(ctx)).id, date: DATE }) },
};

import type { subjectsContract } from '../../../src-shared/contract/subjects';
import { deleteArea, deleteSubject, listSubjects, loadStarter, saveArea, saveSubject } from '../schoolSetup/index';
import { exportSubjects } from '../schoolSetup/index';
import type { Handlers } from './types';

export const subjectsHandlers: Handlers<typeof subjectsContract> = {
  'setup.subjects.list': async (_input, ctx) => listSubjects(ctx.core.db),
  'setup.subjects.export': async (_input, ctx) => exportSubjects(ctx.core.db),
  'setup.subjects.save': async ({ id, subject, version }, ctx) => saveSubject(ctx, id, subject, version),
  'setup.subjects.delete': async ({ id, version }, ctx) => deleteSubject(ctx, id, version),
  'setup.subjects.loadStarter': async (_input, ctx) => loadStarter(ctx),
  'setup.subjectAreas.save': async ({ id, area, version }, ctx) => saveArea(ctx, id, area, version),
  'setup.subjectAreas.delete': async ({ id, version }, ctx) => deleteArea(ctx, id, version),
};

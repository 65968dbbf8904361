import type { yearsContract } from '../../../src-shared/contract/years';
import { listSchemes, saveScheme, deleteScheme } from '../schoolSetup/index';
import { checkYearSetup } from '../schoolSetup/index';
import { deleteYear, listYears, saveYear, setCurrentYear, setYearClosed } from '../schoolSetup/index';
import type { Handlers } from './types';

export const yearsHandlers: Handlers<typeof yearsContract> = {
  'setup.years.list': async (_input, ctx) => ({ years: await listYears(ctx.core.db) }),
  'setup.years.save': async ({ id, year, version }, ctx) => saveYear(ctx, id, year, version),
  'setup.years.setCurrent': async ({ id }, ctx) => setCurrentYear(ctx, id),
  'setup.years.setClosed': async ({ id, closed, version }, ctx) => setYearClosed(ctx, id, closed, version),
  'setup.years.delete': async ({ id, version }, ctx) => deleteYear(ctx, id, version),
  'setup.years.check': async ({ yearId }, ctx) => checkYearSetup(ctx, yearId),
  'setup.periods.list': async ({ yearId }, ctx) => ({ schemes: await listSchemes(ctx.core.db, yearId) }),
  'setup.periods.save': async ({ yearId, id, scheme, version }, ctx) => saveScheme(ctx, yearId, id, scheme, version),
  'setup.periods.delete': async ({ id, version }, ctx) => deleteScheme(ctx, id, version),
};

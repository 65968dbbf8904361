import type { productionCalendarContract } from '../../../src-shared/contract/productionCalendar';
import { importProductionCalendar, listProductionYears, productionWarnings, resetProductionYear, saveProductionYear } from '../schoolSetup/index';
import type { Handlers } from './types';

export const productionCalendarHandlers: Handlers<typeof productionCalendarContract> = {
  'calendar.production.list': async (_input, ctx) => listProductionYears(ctx),
  'calendar.production.import': async ({ text, fileName }, ctx) => importProductionCalendar(ctx, text, fileName),
  'calendar.production.saveYear': async ({ data, version }, ctx) => saveProductionYear(ctx, data, version),
  'calendar.production.reset': async ({ year, version }, ctx) => resetProductionYear(ctx, year, version),
  'calendar.production.warning': async (_input, ctx) => productionWarnings(ctx),
};

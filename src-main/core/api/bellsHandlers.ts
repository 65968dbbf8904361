import type { bellsContract } from '../../../src-shared/contract/bells';
import { deleteBellSchedule, listBellSchedules, saveBellSchedule } from '../schoolSetup/index';
import type { Handlers } from './types';

export const bellsHandlers: Handlers<typeof bellsContract> = {
  'setup.bells.list': async ({ yearId }, ctx) => ({ schedules: await listBellSchedules(ctx.core.db, yearId) }),
  'setup.bells.save': async ({ yearId, id, schedule, version }, ctx) => saveBellSchedule(ctx, yearId, id, schedule, version),
  'setup.bells.delete': async ({ id, version }, ctx) => deleteBellSchedule(ctx, id, version),
};

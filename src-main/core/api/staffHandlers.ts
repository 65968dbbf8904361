import type { staffContract } from '../../../src-shared/contract/staff';
import { visibleDuplicates } from '../people/index';
import { countStaff, listStaff } from '../people/index';
import { createStaff, getStaff, staffHistory, updateStaff } from '../people/index';
import type { Handlers } from './types';
import { runJob } from '../workerJobs';

export const staffHandlers: Handlers<typeof staffContract> = {
  'staff.list': async (input, ctx) => listStaff(ctx, input ?? {}),
  'staff.count': async (input, ctx) => countStaff(ctx, input ?? {}),
  'staff.get': async ({ id }, ctx) => getStaff(ctx, id),
  'staff.create': async (input, ctx) => createStaff(ctx, input),
  'staff.update': async (input, ctx) => updateStaff(ctx, input),
  'staff.export': async (input, ctx) => runJob(ctx, 'staff.export', input ?? {}),
  'staff.history': async ({ id }, ctx) => staffHistory(ctx, id),
  'staff.duplicates': async (input, ctx) => visibleDuplicates(ctx, 'staff', input),
};

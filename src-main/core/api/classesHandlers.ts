import type { classesContract } from '../../../src-shared/contract/classes';
import { assertCanSeeClass } from '../access/index';
import { classPupils, createClasses, deleteClass, listClasses, saveClass } from '../schoolSetup/index';
import { staffOptions } from '../people/index';
import { deleteSubgroup, listSubgroups, saveSubgroup, setSubgroupMembers, splitClass } from '../schoolSetup/index';
import { exportClasses, findYear } from '../schoolSetup/index';
import type { Handlers } from './types';
import { schoolToday } from '../foundation/clock';

export const classesHandlers: Handlers<typeof classesContract> = {
  'setup.staff.options': async (_input, ctx) => ({ staff: await staffOptions(ctx.core.db) }),
  'setup.classes.list': async ({ yearId }, ctx) => ({ classes: await listClasses(ctx.core.db, yearId) }),
  'setup.classes.export': async ({ yearId }, ctx) => exportClasses(ctx.core.db, yearId, (await findYear(ctx.core.db, yearId))?.name ?? null),
  'setup.classes.save': async ({ yearId, id, cls, version }, ctx) => saveClass(ctx, yearId, id, cls, version),
  'setup.classes.createMany': async ({ yearId, grades, letters, shift }, ctx) => createClasses(ctx, yearId, grades, letters, shift),
  'setup.classes.delete': async ({ id, version }, ctx) => deleteClass(ctx, id, version),
  // Rosters are personal data: the caller must see the class (a class teacher sees only their own).
  'setup.classes.pupils': async ({ classId, date }, ctx) => {
    await assertCanSeeClass(ctx, classId);
    return { pupils: await classPupils(ctx.core.db, classId, date ?? schoolToday()) };
  },
  'setup.subgroups.list': async ({ classId, date }, ctx) => {
    await assertCanSeeClass(ctx, classId);
    return { subgroups: await listSubgroups(ctx.core.db, classId, date ?? schoolToday()) };
  },
  'setup.subgroups.save': async ({ classId, id, subgroup, version }, ctx) => saveSubgroup(ctx, classId, id, subgroup, version),
  'setup.subgroups.split': async ({ classId, subjectId, count }, ctx) => splitClass(ctx, classId, subjectId, count),
  'setup.subgroups.delete': async ({ id, version }, ctx) => deleteSubgroup(ctx, id, version),
  'setup.subgroups.setMembers': async ({ classId, subjectId, date, groups }, ctx) => setSubgroupMembers(ctx, classId, subjectId, date, groups),
};

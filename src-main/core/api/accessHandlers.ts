import type { accessContract } from '../../../src-shared/contract/access';
import { AppError } from '../../../src-shared/errors';
import { readAccessSettings } from '../access/index';
import { requireUser, SYSTEM_USER_ID } from '../access/index';
import { rightsMatrix } from '../access/index';
import { sessionUserOf } from '../access/index';
import { signIn, signOut } from '../access/index';
import { countUsers, exportUsers, findUserById, listUserRows } from '../access/index';
import { changeOwnPassword, changeRoleRight, changeUserRight, createFirstAdmin, createUser, resetPassword, saveAccessSettings, unlockUser, updateUser } from '../access/index';
import type { Handlers } from './types';
import { staffOptions } from '../people/index';

export const accessHandlers: Handlers<typeof accessContract> = {
  'access.session.state': async (_input, ctx) => {
    const setupRequired = (await countUsers(ctx.core.db)) === 0;
    const setupCodeRequired = setupRequired && ctx.caller.transport === 'http';
    const caller = ctx.caller.user;
    if (!caller) return { setupRequired, setupCodeRequired, user: null };
    if (caller.id === SYSTEM_USER_ID) {
      return { setupRequired, setupCodeRequired, user: { id: caller.id, login: 'system', fullName: caller.name, staffId: null, roles: caller.roles, rights: [...caller.rights], mustChangePassword: false } };
    }
    const user = await findUserById(ctx.core.db, caller.id);
    return { setupRequired, setupCodeRequired, user: user ? await sessionUserOf(ctx.core.db, user) : null };
  },
  'access.setup.createAdmin': async (input, ctx) => createFirstAdmin(ctx, input),
  'access.signIn': async ({ login, password }, ctx) => signIn(ctx, login, password),
  'access.signOut': async (_input, ctx) => ({ signedOut: await signOut(ctx) }),
  'access.password.change': async ({ currentPassword, newPassword }, ctx) => {
    requireUser(ctx);
    if (ctx.caller.user?.id === SYSTEM_USER_ID) throw new AppError('VALIDATION', 'У системного вызова нет пароля.');
    return { user: await changeOwnPassword(ctx, currentPassword, newPassword) };
  },
  'access.users.list': async (_input, ctx) => listUserRows(ctx.core.db),
  'access.users.export': async (_input, ctx) => exportUsers(ctx.core.db),
  'access.users.staffOptions': async (_input, ctx) => (await staffOptions(ctx.core.db)).map(({ id, fullName, position }) => ({ id, fullName, position })),
  'access.users.create': async (input, ctx) => createUser(ctx, input),
  'access.users.update': async (input, ctx) => updateUser(ctx, input),
  'access.users.resetPassword': async ({ id, password }, ctx) => resetPassword(ctx, id, password),
  'access.users.unlock': async ({ id }, ctx) => unlockUser(ctx, id),
  'access.rights.matrix': async (_input, ctx) => rightsMatrix(ctx.core.db),
  'access.rights.setRole': async ({ role, right, granted }, ctx) => changeRoleRight(ctx, role, right, granted),
  'access.rights.setUser': async ({ userId, right, mode }, ctx) => changeUserRight(ctx, userId, right, mode),
  'access.settings.get': async (_input, ctx) => readAccessSettings(ctx.core.db),
  'access.settings.save': async (input, ctx) => saveAccessSettings(ctx, input),
};

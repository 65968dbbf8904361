import type { AccessSettings, AppUserRow, RightsMatrix, SessionUser } from '../../../src-shared/contract/access';
import { ROLES } from '../../../src-shared/contract/access';
import { RIGHTS, type Right } from '../../../src-shared/contract/rights';
import { loginKey } from '../../../src-shared/domain/passwordPolicy';
import { newId } from '../../../src-shared/domain/ids';
import { AppError } from '../../../src-shared/errors';
import { diffFields } from '../foundation/auditLog';
import type { HandlerContext } from '../foundation/context';
import { readAccessSettings, writeAccessSettings } from './repo/accessSettings';
import { requireUser } from './authorize';
import { isLockedRoleRight } from './defaultRights';
import { hashPassword, verifyPassword } from './password';
import { rightsMatrix, setRoleRight, setUserRight } from './repo/rights';
import { createSession, endUserSessions, sessionUserOf } from './repo/sessions';
import { activeAdminIds, countUsers, findUserById, findUserByLoginKey, insertUser, listUserRows, markFirstAdmin, patchUser, rolesOf, setRoles, staffExists } from './repo/users';
import type { Executor } from '../foundation/executor';

function fieldError(record: string, path: string, label: string, text: string): AppError {
  const message = `поле «${label}»: ${text}`;
  return new AppError('VALIDATION', `${record}, ${message}. Ничего не сохранено.`, { issues: [{ path, message }] });
}

async function checkStaff(db: Executor, staffId: string | null | undefined): Promise<void> {
  if (!staffId) return;
  if (!(await staffExists(db, staffId))) throw fieldError('Пользователь', 'staffId', 'Сотрудник', 'карточка сотрудника не найдена (возможно, удалена)');
}

async function userRow(db: Executor, id: string): Promise<AppUserRow> {
  const [row] = await listUserRows(db, id);
  if (!row) throw new AppError('NOT_FOUND', 'Пользователь не найден: возможно, его удалили. Обновите список.');
  return row;
}

async function mustFind(db: Executor, id: string) {
  const u = await findUserById(db, id);
  if (!u) throw new AppError('NOT_FOUND', 'Пользователь не найден: возможно, его удалили. Обновите список.');
  return u;
}

/** First run: the only way to create a user without being signed in, and only on an empty database. */
export async function createFirstAdmin(ctx: HandlerContext, input: { login: string; fullName: string; password: string; setupCode?: string }) {
  const refused = () => new AppError('FORBIDDEN', 'Администратор программы уже создан. Войдите под своим логином.');
  if ((await countUsers(ctx.core.db)) > 0) throw refused();
  // A browser could be any page that reached this server (DNS rebinding, another user of this
  // computer): only the person who started `serve` and read its console knows the code.
  if (ctx.caller.transport === 'http' && !ctx.core.firstRun.matches(input.setupCode)) {
    const message = 'поле «Код первого запуска»: введите код первого запуска — он напечатан в окне, где запущен сервер (строка «Код первого запуска: …»)';
    throw new AppError('FORBIDDEN', `Администратор, ${message}. Ничего не сохранено.`, { issues: [{ path: 'setupCode', message }] });
  }
  const now = new Date().toISOString();
  const hash = await hashPassword(input.password);
  const id = newId();
  let token: string;
  try {
    token = await ctx.core.db.transaction().execute(async (trx) => {
      if ((await countUsers(trx)) > 0) throw refused();
      // A second first-run racing on another PC hits this key and is refused.
      await markFirstAdmin(trx, id, now);
      await insertUser(trx, { id, login: input.login, loginKey: loginKey(input.login), fullName: input.fullName, staffId: null, passwordHash: hash, mustChangePassword: false, lastSignInAt: now, now });
      await setRoles(trx, id, ['admin']);
      const t = await createSession(trx, id, ctx.caller.transport, now);
      const actor = { id, name: input.fullName };
      await ctx.audit.record(trx, { recordId: id, action: 'create', changes: diffFields(null, { login: input.login, fullName: input.fullName, roles: ['admin'] }), actor });
      await ctx.audit.record(trx, { recordId: id, action: 'signin', changes: { transport: ctx.caller.transport }, actor });
      return t;
    });
  } catch (err) {
    if (err instanceof AppError) throw err;
    if ((await countUsers(ctx.core.db)) > 0) throw refused();
    throw err;
  }
  ctx.core.firstRun.spend();
  return { user: await sessionUserOf(ctx.core.db, await mustFind(ctx.core.db, id)), token };
}

export async function changeOwnPassword(ctx: HandlerContext, currentPassword: string, newPassword: string): Promise<SessionUser> {
  const me = requireUser(ctx);
  const user = await mustFind(ctx.core.db, me.id);
  if (!(await verifyPassword(currentPassword, user.passwordHash))) {
    throw fieldError('Смена пароля', 'currentPassword', 'Текущий пароль', 'пароль неверен');
  }
  if (currentPassword === newPassword) throw fieldError('Смена пароля', 'newPassword', 'Новый пароль', 'совпадает с текущим — придумайте другой');
  if (newPassword.trim().toLowerCase() === user.login.toLowerCase()) {
    throw fieldError('Смена пароля', 'newPassword', 'Новый пароль', 'пароль не должен совпадать с логином');
  }
  const hash = await hashPassword(newPassword);
  const now = new Date().toISOString();
  await ctx.core.db.transaction().execute(async (trx) => {
    await patchUser(trx, user.id, { passwordHash: hash, mustChangePassword: 0, version: user.version + 1, updatedAt: now });
    // Anyone who learned the old password is signed out everywhere but here.
    await endUserSessions(trx, user.id, ctx.caller.sessionId);
    await ctx.audit.record(trx, { entity: 'appUser', recordId: user.id, action: 'password-change', changes: null });
  });
  return sessionUserOf(ctx.core.db, await mustFind(ctx.core.db, user.id));
}

export interface CreateUserInput {
  login: string;
  fullName: string;
  staffId?: string | null;
  roles: string[];
  password: string;
}

export async function createUser(ctx: HandlerContext, input: CreateUserInput): Promise<AppUserRow> {
  const { db } = ctx.core;
  const hash = await hashPassword(input.password);
  const now = new Date().toISOString();
  const id = newId();
  await db.transaction().execute(async (trx) => {
    if (await findUserByLoginKey(trx, loginKey(input.login))) {
      throw fieldError('Пользователь', 'login', 'Логин', `логин «${input.login}» уже занят — выберите другой`);
    }
    await checkStaff(trx, input.staffId);
    await insertUser(trx, { id, login: input.login, loginKey: loginKey(input.login), fullName: input.fullName, staffId: input.staffId ?? null, passwordHash: hash, mustChangePassword: true, lastSignInAt: null, now });
    await setRoles(trx, id, input.roles);
    const after = { login: input.login, fullName: input.fullName, staffId: input.staffId ?? null, roles: [...new Set(input.roles)].sort(), isActive: true };
    await ctx.audit.record(trx, { entity: 'appUser', recordId: id, action: 'create', changes: diffFields(null, after) });
  });
  return userRow(db, id);
}

export interface UpdateUserInput {
  id: string;
  version: number;
  fullName: string;
  staffId: string | null;
  roles: string[];
  isActive: boolean;
}

export async function updateUser(ctx: HandlerContext, input: UpdateUserInput): Promise<AppUserRow> {
  const { db } = ctx.core;
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    const user = await mustFind(trx, input.id);
    if (user.version !== input.version) {
      throw new AppError('CONFLICT', `Пользователя «${user.login}» только что изменил другой администратор. Обновите список и повторите.`, {
        current: await userRow(trx, user.id),
      });
    }
    await checkStaff(trx, input.staffId);
    const roles = [...new Set(input.roles)].sort();
    const admins = await activeAdminIds(trx);
    const staysAdmin = input.isActive && roles.includes('admin');
    if (!staysAdmin && admins.length === 1 && admins[0] === user.id) {
      throw fieldError('Пользователь', input.isActive ? 'roles' : 'isActive', input.isActive ? 'Роли' : 'Активен', 'это последний активный администратор — сначала назначьте другого');
    }
    const before = { fullName: user.fullName, staffId: user.staffId, roles: await rolesOf(trx, user.id), isActive: Number(user.isActive) === 1 };
    const after = { fullName: input.fullName, staffId: input.staffId, roles, isActive: input.isActive };
    const changes = diffFields(before, after);
    if (Object.keys(changes).length === 0) return;
    await patchUser(trx, user.id, { fullName: input.fullName, staffId: input.staffId, isActive: input.isActive ? 1 : 0, version: user.version + 1, updatedAt: now });
    await setRoles(trx, user.id, roles);
    if (!input.isActive) await endUserSessions(trx, user.id);
    await ctx.audit.record(trx, { entity: 'appUser', recordId: user.id, action: 'update', changes });
  });
  return userRow(db, input.id);
}

export async function resetPassword(ctx: HandlerContext, id: string, password: string): Promise<AppUserRow> {
  const hash = await hashPassword(password);
  const now = new Date().toISOString();
  await ctx.core.db.transaction().execute(async (trx) => {
    const user = await mustFind(trx, id);
    await patchUser(trx, id, { passwordHash: hash, mustChangePassword: 1, failedAttempts: 0, lockCount: 0, lockedUntil: null, version: user.version + 1, updatedAt: now });
    await endUserSessions(trx, id);
    await ctx.audit.record(trx, { entity: 'appUser', recordId: id, action: 'password-reset', changes: { mustChangePassword: true } });
  });
  return userRow(ctx.core.db, id);
}

export async function unlockUser(ctx: HandlerContext, id: string): Promise<AppUserRow> {
  const now = new Date().toISOString();
  await ctx.core.db.transaction().execute(async (trx) => {
    const user = await mustFind(trx, id);
    await patchUser(trx, id, { failedAttempts: 0, lockCount: 0, lockedUntil: null, version: user.version + 1, updatedAt: now });
    await ctx.audit.record(trx, { entity: 'appUser', recordId: id, action: 'unlock', changes: { lockedUntil: [user.lockedUntil, null] } });
  });
  return userRow(ctx.core.db, id);
}

export async function changeRoleRight(ctx: HandlerContext, role: string, right: Right, granted: boolean): Promise<RightsMatrix> {
  if (!granted && isLockedRoleRight(role, right)) {
    throw new AppError(
      'VALIDATION',
      `Право «${RIGHTS[right]}» у роли «${ROLES[role as keyof typeof ROLES]}» отозвать нельзя: иначе никто не сможет управлять пользователями. Ничего не изменено.`,
    );
  }
  await ctx.core.db.transaction().execute(async (trx) => {
    const before = (await rightsMatrix(trx)).effective[role]?.includes(right) ?? false;
    await setRoleRight(trx, role, right, granted, new Date().toISOString());
    if (before !== granted) {
      await ctx.audit.record(trx, { entity: 'roleRight', recordId: `${role}:${right}`, action: granted ? 'grant' : 'revoke', changes: { [right]: [before, granted] } });
    }
  });
  return rightsMatrix(ctx.core.db);
}

export async function changeUserRight(ctx: HandlerContext, userId: string, right: Right, mode: 'default' | 'grant' | 'deny'): Promise<AppUserRow> {
  await ctx.core.db.transaction().execute(async (trx) => {
    const user = await mustFind(trx, userId);
    const roles = await rolesOf(trx, userId);
    if (mode === 'deny' && roles.some((r) => isLockedRoleRight(r, right))) {
      throw new AppError('VALIDATION', `Право «${RIGHTS[right]}» у администратора отозвать нельзя. Ничего не изменено.`);
    }
    const before = (await listUserRows(trx, userId))[0]?.rightOverrides[right];
    await setUserRight(trx, userId, right, mode, new Date().toISOString());
    const label = (v: boolean | undefined) => (v === undefined ? 'по ролям' : v ? 'выдано' : 'отозвано');
    const after = mode === 'default' ? undefined : mode === 'grant';
    if (before !== after) {
      await ctx.audit.record(trx, { entity: 'appUser', recordId: user.id, action: mode === 'deny' ? 'revoke' : 'grant', changes: { [right]: [label(before), label(after)] } });
    }
  });
  return userRow(ctx.core.db, userId);
}

export async function saveAccessSettings(ctx: HandlerContext, settings: AccessSettings): Promise<AccessSettings> {
  await ctx.core.db.transaction().execute(async (trx) => {
    const before = await readAccessSettings(trx);
    await writeAccessSettings(trx, settings, new Date().toISOString());
    const changes = diffFields({ ...before }, { ...settings });
    if (Object.keys(changes).length) await ctx.audit.record(trx, { entity: 'accessSettings', recordId: 'main', action: 'update', changes });
  });
  return readAccessSettings(ctx.core.db);
}

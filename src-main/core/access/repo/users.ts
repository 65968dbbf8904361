import type { Selectable, Updateable } from 'kysely';
import type { AppUserRow } from '../../../../src-shared/contract/access';
import { compareRu, fullName } from '../../../../src-shared/domain/names';
import type { AppUserTable } from '../../db/schema';
import { userRightOverrides } from './rights';
import type { Executor } from '../../foundation/executor';

export type AppUserRecord = Selectable<AppUserTable>;

export async function findUserByLoginKey(db: Executor, loginKey: string): Promise<AppUserRecord | undefined> {
  return db.selectFrom('appUser').selectAll().where('loginKey', '=', loginKey).executeTakeFirst();
}

export async function findUserById(db: Executor, id: string): Promise<AppUserRecord | undefined> {
  return db.selectFrom('appUser').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function rolesOf(db: Executor, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('appUserRole').select('role').where('userId', '=', userId).orderBy('role').execute();
  return rows.map((r) => r.role);
}

export async function setRoles(db: Executor, userId: string, roles: readonly string[]): Promise<void> {
  await db.deleteFrom('appUserRole').where('userId', '=', userId).execute();
  for (const role of new Set(roles)) await db.insertInto('appUserRole').values({ userId, role }).execute();
}

export async function countUsers(db: Executor): Promise<number> {
  const row = await db.selectFrom('appUser').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Active users holding the administrator role, for "the last administrator cannot be removed". */
export async function activeAdminIds(db: Executor): Promise<string[]> {
  const rows = await db
    .selectFrom('appUser')
    .innerJoin('appUserRole', 'appUserRole.userId', 'appUser.id')
    .select('appUser.id')
    .where('appUserRole.role', '=', 'admin')
    .where('appUser.isActive', '=', 1)
    .execute();
  return rows.map((r) => r.id);
}

export async function staffName(db: Executor, staffId: string | null): Promise<string | null> {
  if (!staffId) return null;
  const s = await db.selectFrom('staff').select(['lastName', 'firstName', 'middleName']).where('id', '=', staffId).executeTakeFirst();
  return s ? fullName(s) : null;
}

export async function listUserRows(db: Executor, onlyId?: string): Promise<AppUserRow[]> {
  let q = db
    .selectFrom('appUser')
    .leftJoin('staff', 'staff.id', 'appUser.staffId')
    .select([
      'appUser.id',
      'appUser.login',
      'appUser.fullName',
      'appUser.staffId',
      'appUser.isActive',
      'appUser.mustChangePassword',
      'appUser.failedAttempts',
      'appUser.lockedUntil',
      'appUser.lastSignInAt',
      'appUser.version',
      'staff.lastName as staffLast',
      'staff.firstName as staffFirst',
      'staff.middleName as staffMiddle',
    ]);
  if (onlyId) q = q.where('appUser.id', '=', onlyId);
  const users = await q.execute();
  const ids = users.map((u) => u.id);
  const roleRows = ids.length ? await db.selectFrom('appUserRole').select(['userId', 'role']).where('userId', 'in', ids).execute() : [];
  const overrides = await userRightOverrides(db, ids);
  const now = new Date().toISOString();
  return users
    .map((u) => ({
      id: u.id,
      login: u.login,
      fullName: u.fullName,
      staffId: u.staffId,
      staffName: u.staffLast && u.staffFirst ? fullName({ lastName: u.staffLast, firstName: u.staffFirst, middleName: u.staffMiddle }) : null,
      roles: roleRows.filter((r) => r.userId === u.id).map((r) => r.role).sort(),
      isActive: Number(u.isActive) === 1,
      mustChangePassword: Number(u.mustChangePassword) === 1,
      failedAttempts: Number(u.failedAttempts),
      // A lock in the past is no lock: show it as free.
      lockedUntil: u.lockedUntil && u.lockedUntil > now ? u.lockedUntil : null,
      lastSignInAt: u.lastSignInAt,
      rightOverrides: overrides.get(u.id) ?? {},
      version: Number(u.version),
    }))
    .sort((a, b) => compareRu(a.fullName, b.fullName));
}

/** A new login; the caller hashes the password and audits. */
export async function insertUser(
  db: Executor,
  u: { id: string; login: string; loginKey: string; fullName: string; staffId: string | null; passwordHash: string; mustChangePassword: boolean; lastSignInAt: string | null; now: string },
): Promise<void> {
  await db
    .insertInto('appUser')
    .values({
      id: u.id,
      login: u.login,
      loginKey: u.loginKey,
      fullName: u.fullName,
      staffId: u.staffId,
      passwordHash: u.passwordHash,
      isActive: 1,
      mustChangePassword: u.mustChangePassword ? 1 : 0,
      failedAttempts: 0,
      lockCount: 0,
      lockedUntil: null,
      lastSignInAt: u.lastSignInAt,
      version: 1,
      createdAt: u.now,
      updatedAt: u.now,
    })
    .execute();
}

/** Writes the given columns of a login (the caller raises the version and audits). */
export async function patchUser(db: Executor, id: string, patch: Updateable<AppUserTable>): Promise<void> {
  await db.updateTable('appUser').set(patch).where('id', '=', id).execute();
}

/** The first-run marker: a second first run racing on another PC hits this key and is refused. */
export async function markFirstAdmin(db: Executor, id: string, now: string): Promise<void> {
  await db.insertInto('appSetting').values({ key: 'access.firstAdmin', value: id, updatedAt: now }).execute();
}

export async function staffExists(db: Executor, staffId: string): Promise<boolean> {
  return Boolean(await db.selectFrom('staff').select('id').where('id', '=', staffId).executeTakeFirst());
}

import { ROLE_IDS, ROLES } from '../../../../src-shared/contract/access';
import type { RightsMatrix } from '../../../../src-shared/contract/access';
import { RIGHTS, type Right } from '../../../../src-shared/contract/rights';
import { defaultRightsOfRole, isLockedRoleRight, LOCKED_ROLE_RIGHTS } from '../defaultRights';
import type { Executor } from '../../foundation/executor';

const KNOWN = new Set(Object.keys(RIGHTS));

/** Role → effective rights: the default table, then the administrator's grants and withdrawals. */
export async function effectiveRoleRights(db: Executor): Promise<Map<string, Set<Right>>> {
  const overrides = await db.selectFrom('appRoleRight').select(['role', 'rightKey', 'granted']).execute();
  const out = new Map<string, Set<Right>>();
  for (const role of ROLE_IDS) out.set(role, defaultRightsOfRole(role));
  for (const o of overrides) {
    const set = out.get(o.role);
    if (!set || !KNOWN.has(o.rightKey)) continue;
    if (Number(o.granted) === 1) set.add(o.rightKey as Right);
    else if (!isLockedRoleRight(o.role, o.rightKey)) set.delete(o.rightKey as Right);
  }
  return out;
}

/** A user's rights: the union of their roles' rights, then their personal grants and withdrawals. */
export async function effectiveUserRights(db: Executor, userId: string, roles: readonly string[]): Promise<Right[]> {
  const byRole = await effectiveRoleRights(db);
  const rights = new Set<Right>();
  for (const role of roles) for (const r of byRole.get(role) ?? []) rights.add(r);
  const personal = await db.selectFrom('appUserRight').select(['rightKey', 'granted']).where('userId', '=', userId).execute();
  for (const p of personal) {
    if (!KNOWN.has(p.rightKey)) continue;
    const lockedByRole = roles.some((role) => isLockedRoleRight(role, p.rightKey));
    if (Number(p.granted) === 1) rights.add(p.rightKey as Right);
    else if (!lockedByRole) rights.delete(p.rightKey as Right);
  }
  return [...rights].sort();
}

export async function rightsMatrix(db: Executor): Promise<RightsMatrix> {
  const effective = await effectiveRoleRights(db);
  return {
    rights: Object.entries(RIGHTS).map(([key, label]) => ({ key, label })),
    roles: ROLE_IDS.map((id) => ({ id, label: ROLES[id] })),
    defaults: Object.fromEntries(ROLE_IDS.map((r) => [r, [...defaultRightsOfRole(r)].sort()])),
    effective: Object.fromEntries(ROLE_IDS.map((r) => [r, [...(effective.get(r) ?? [])].sort()])),
    locked: LOCKED_ROLE_RIGHTS.map((l) => `${l.role}:${l.right}`),
  };
}

/** Stores only a difference from the default; setting a right back to its default removes the row. */
export async function setRoleRight(db: Executor, role: string, right: Right, granted: boolean, now: string): Promise<void> {
  await db.deleteFrom('appRoleRight').where('role', '=', role).where('rightKey', '=', right).execute();
  if (defaultRightsOfRole(role).has(right) !== granted) {
    await db.insertInto('appRoleRight').values({ role, rightKey: right, granted: granted ? 1 : 0, updatedAt: now }).execute();
  }
}

export async function setUserRight(db: Executor, userId: string, right: Right, mode: 'default' | 'grant' | 'deny', now: string): Promise<void> {
  await db.deleteFrom('appUserRight').where('userId', '=', userId).where('rightKey', '=', right).execute();
  if (mode !== 'default') {
    await db.insertInto('appUserRight').values({ userId, rightKey: right, granted: mode === 'grant' ? 1 : 0, updatedAt: now }).execute();
  }
}

export async function userRightOverrides(db: Executor, userIds: readonly string[]): Promise<Map<string, Record<string, boolean>>> {
  const out = new Map<string, Record<string, boolean>>();
  if (userIds.length === 0) return out;
  const rows = await db.selectFrom('appUserRight').select(['userId', 'rightKey', 'granted']).where('userId', 'in', [...userIds]).execute();
  for (const r of rows) {
    const m = out.get(r.userId) ?? {};
    m[r.rightKey] = Number(r.granted) === 1;
    out.set(r.userId, m);
  }
  return out;
}

import { createHash, randomBytes } from 'node:crypto';
import type { SessionUser } from '../../../../src-shared/contract/access';
import { insertAudit } from '../../foundation/auditLog';
import type { Caller, CallerUser, TransportKind } from '../../foundation/context';
import { readAccessSettings } from './accessSettings';
import { effectiveUserRights } from './rights';
import { findUserById, rolesOf, type AppUserRecord } from './users';
import type { Executor } from '../../foundation/executor';
import { translateDbError } from '../../foundation/dbErrors';

/** Touching `last_seen_at` on every call would write on every read; once a minute is enough. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Calls a page makes by itself (the status bar polls, the gate asks who is signed in): they do not
 * count as the person being active, or an open window would never time out.
 */
export const PASSIVE_METHODS: ReadonlySet<string> = new Set(['system.status', 'access.session.state']);

export function isActivity(method: string | null | undefined): boolean {
  return Boolean(method) && !PASSIVE_METHODS.has(method as string);
}

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Sessions are stored by the hash of their token, never by the token itself. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(db: Executor, userId: string, transport: TransportKind, now: string): Promise<string> {
  const token = newSessionToken();
  await db.insertInto('appSession').values({ id: sessionIdOf(token), userId, transport, createdAt: now, lastSeenAt: now }).execute();
  return token;
}

export async function endSession(db: Executor, sessionId: string): Promise<boolean> {
  const r = await db.deleteFrom('appSession').where('id', '=', sessionId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function endUserSessions(db: Executor, userId: string, exceptSessionId?: string): Promise<void> {
  let q = db.deleteFrom('appSession').where('userId', '=', userId);
  if (exceptSessionId) q = q.where('id', '!=', exceptSessionId);
  await q.execute();
}

export async function sessionUserOf(db: Executor, user: AppUserRecord): Promise<SessionUser> {
  const roles = await rolesOf(db, user.id);
  const rights = await effectiveUserRights(db, user.id, roles);
  return {
    id: user.id,
    login: user.login,
    fullName: user.fullName,
    staffId: user.staffId,
    roles,
    rights,
    mustChangePassword: Number(user.mustChangePassword) === 1,
  };
}

export function callerUserOf(u: SessionUser): CallerUser {
  return { id: u.id, name: u.fullName, roles: u.roles, rights: u.rights, staffId: u.staffId, mustChangePassword: u.mustChangePassword };
}

/**
 * The caller behind a session token: the user with their current roles and rights (an
 * administrator's change applies to the next call), or anonymous when the token is unknown, the
 * user was switched off, or the session sat idle longer than the configured timeout.
 */
export async function resolveSessionCaller(
  db: Executor,
  token: string | null | undefined,
  transport: TransportKind,
  opts: { nowMs?: number; activity?: boolean } = {},
): Promise<Caller> {
  const nowMs = opts.nowMs ?? Date.now();
  const anonymous: Caller = { transport, user: null };
  if (!token) return anonymous;
  const id = sessionIdOf(token);
  const session = await db.selectFrom('appSession').selectAll().where('id', '=', id).executeTakeFirst();
  if (!session) return anonymous;
  const user = await findUserById(db, session.userId);
  if (!user || Number(user.isActive) !== 1) {
    await endSession(db, id);
    return anonymous;
  }
  const { sessionIdleMinutes } = await readAccessSettings(db);
  const lastSeen = Date.parse(session.lastSeenAt);
  if (nowMs - lastSeen > sessionIdleMinutes * 60_000) {
    if (await endSession(db, id)) {
      await insertAudit(db, {
        userId: user.id,
        userName: user.fullName,
        transport,
        method: 'access.session',
        entity: 'session',
        recordId: user.id,
        action: 'expire',
        changes: { idleMinutes: sessionIdleMinutes, lastSeenAt: session.lastSeenAt },
      });
    }
    return anonymous;
  }
  if (opts.activity !== false && nowMs - lastSeen > TOUCH_EVERY_MS) {
    try {
      await db.updateTable('appSession').set({ lastSeenAt: new Date(nowMs).toISOString() }).where('id', '=', id).execute();
    } catch (err) {
      // A long job holds SQLite's write lock: the read goes on, the next call marks the activity.
      if (!translateDbError(err)) throw err;
    }
  }
  return { transport, user: callerUserOf(await sessionUserOf(db, user)), sessionId: id };
}

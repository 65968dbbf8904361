import type { SessionUser } from '../../../src-shared/contract/access';
import { loginKey } from '../../../src-shared/domain/passwordPolicy';
import { AppError } from '../../../src-shared/errors';
import type { HandlerContext } from '../foundation/context';
import type { Executor } from '../foundation/executor';
import { readAccessSettings } from './repo/accessSettings';
import { decoyHash, verifyPassword } from './password';
import { createSession, endSession, sessionUserOf } from './repo/sessions';
import { lockedUntilOf, markSignedIn, setLockedUntil, takeAttempt, takeLock } from './repo/signInAttempts';
import { findUserByLoginKey } from './repo/users';

/** Wrong passwords in a row that lock the login. */
export const MAX_FAILED_ATTEMPTS = 5;
/**
 * The lock doubles with each lock in a row (5, 10, 20 … minutes by default), up to a day; a burst of
 * guesses, however large, counts as one lock (docs/security.md).
 */
const MAX_LOCK_MINUTES = 24 * 60;

export function lockMinutesFor(baseMinutes: number, previousLocks: number): number {
  return Math.min(MAX_LOCK_MINUTES, baseMinutes * 2 ** Math.min(previousLocks, 16));
}

/**
 * One answer for every refused sign-in — unknown login, wrong password, locked login — so the answer
 * never tells whether a login exists or is locked. It says what to do when the password is right.
 */
export const SIGN_IN_REFUSED =
  'Неверный логин или пароль. После 5 неверных попыток подряд вход временно блокируется: если пароль верный, подождите или попросите администратора программы разблокировать вход.';

export interface SignedIn {
  user: SessionUser;
  token: string;
}

/**
 * The failure that finds all attempts taken locks the login, once: the same UPDATE empties the
 * counter, so the other failures of the same burst find nothing to lock. An attempt is counted
 * before its password is checked (issue 19, item 2), so a burst of parallel guesses gets at most
 * MAX_FAILED_ATTEMPTS passwords checked.
 */
async function lockIfExhausted(db: Executor, userId: string, nowMs: number, baseMinutes: number): Promise<{ minutes: number; until: string; lockNumber: number } | null> {
  const lockNumber = await takeLock(db, userId, MAX_FAILED_ATTEMPTS);
  if (lockNumber === null) return null;
  const minutes = lockMinutesFor(baseMinutes, lockNumber - 1);
  const until = new Date(nowMs + minutes * 60_000).toISOString();
  await setLockedUntil(db, userId, until);
  return { minutes, until, lockNumber };
}

/**
 * Signs in. Every refusal costs one scrypt hash and gets the same message (SIGN_IN_REFUSED), whether
 * the login is unknown, the password wrong or the login locked; failures are counted and logged in
 * their own committed transaction, so the lock survives the refused call.
 */
export async function signIn(ctx: HandlerContext, login: string, password: string): Promise<SignedIn> {
  const { db } = ctx.core;
  const user = await findUserByLoginKey(db, loginKey(login));
  const nowMs = Date.now();
  const now = new Date(nowMs).toISOString();
  const audit = (action: string, changes: unknown, executor: Executor = db) =>
    ctx.audit.record(executor, {
      entity: 'appUser',
      recordId: user?.id ?? null,
      action,
      changes,
      actor: { id: user?.id ?? null, name: user?.fullName ?? null },
    });
  const refused = () => new AppError('UNAUTHENTICATED', SIGN_IN_REFUSED);

  if (!user) {
    await verifyPassword(password, await decoyHash());
    await audit('signin-failed', { login: login.slice(0, 100), reason: 'нет такого логина' });
    throw refused();
  }
  const attempt = await takeAttempt(db, user.id, now, MAX_FAILED_ATTEMPTS);
  if (attempt === null) {
    // As long as a real check, so the answer does not reveal the lock.
    await verifyPassword(password, await decoyHash());
    await audit('signin-refused', { reason: 'вход заблокирован', lockedUntil: await lockedUntilOf(db, user.id) });
    throw refused();
  }

  if (!(await verifyPassword(password, user.passwordHash))) {
    const { lockMinutes } = await readAccessSettings(db);
    await db.transaction().execute(async (trx) => {
      await audit('signin-failed', { attempt, of: MAX_FAILED_ATTEMPTS }, trx);
      const lock = await lockIfExhausted(trx, user.id, nowMs, lockMinutes);
      if (lock) await audit('lock', { minutes: lock.minutes, lockedUntil: lock.until, lockNumber: lock.lockNumber }, trx);
    });
    throw refused();
  }

  if (Number(user.isActive) !== 1) {
    await audit('signin-refused', { reason: 'учётная запись отключена' });
    throw new AppError('FORBIDDEN', `Учётная запись «${user.login}» отключена администратором программы.`);
  }

  const token = await db.transaction().execute(async (trx) => {
    await markSignedIn(trx, user.id, now);
    const t = await createSession(trx, user.id, ctx.caller.transport, now);
    await audit('signin', { transport: ctx.caller.transport }, trx);
    return t;
  });
  return { user: await sessionUserOf(db, { ...user, lastSignInAt: now }), token };
}

export async function signOut(ctx: HandlerContext): Promise<boolean> {
  const { caller } = ctx;
  if (!caller.sessionId || !caller.user) return false;
  return ctx.core.db.transaction().execute(async (trx) => {
    const ended = await endSession(trx, caller.sessionId as string);
    await ctx.audit.record(trx, { entity: 'appUser', recordId: caller.user?.id ?? null, action: 'signout', changes: { transport: caller.transport } });
    return ended;
  });
}

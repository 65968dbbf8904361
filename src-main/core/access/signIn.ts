import type { SessionUser } from '../../../src-shared/contract/access';
import { loginKey } from '../../../src-shared/domain/passwordPolicy';
import { AppError } from '../../../src-shared/errors';
import type { HandlerContext } from '../foundation/context';
import { readAccessSettings } from './repo/accessSettings';
import { decoyHash, verifyPassword } from './password';
import { createSession, endSession, sessionUserOf } from './repo/sessions';
import { findUserByLoginKey } from './repo/users';

/** Wrong passwords in a row that lock the login. */
export const MAX_FAILED_ATTEMPTS = 5;
/** The lock doubles with each lock in a row (5, 10, 20 … minutes by default), up to a day. */
const MAX_LOCK_MINUTES = 24 * 60;

export function lockMinutesFor(baseMinutes: number, previousLocks: number): number {
  return Math.min(MAX_LOCK_MINUTES, baseMinutes * 2 ** Math.min(previousLocks, 16));
}

function formatMoment(iso: string): string {
  return new Date(iso).toLocaleString('ru-RU', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

const WRONG = 'Неверный логин или пароль.';

export interface SignedIn {
  user: SessionUser;
  token: string;
}

/**
 * Signs in. Failures are counted and logged in their own committed transaction before the error is
 * returned, so the lock survives the refused call; a wrong login costs the same scrypt time as a
 * wrong password and gets the same message.
 */
export async function signIn(ctx: HandlerContext, login: string, password: string): Promise<SignedIn> {
  const { db } = ctx.core;
  const user = await findUserByLoginKey(db, loginKey(login));
  const nowMs = Date.now();
  const now = new Date(nowMs).toISOString();
  const audit = (action: string, changes: unknown, executor = db) =>
    ctx.audit.record(executor, {
      entity: 'appUser',
      recordId: user?.id ?? null,
      action,
      changes,
      actor: { id: user?.id ?? null, name: user?.fullName ?? null },
    });

  if (!user) {
    await verifyPassword(password, await decoyHash());
    await audit('signin-failed', { login: login.slice(0, 100), reason: 'нет такого логина' });
    throw new AppError('UNAUTHENTICATED', WRONG);
  }
  if (user.lockedUntil && Date.parse(user.lockedUntil) > nowMs) {
    await audit('signin-refused', { reason: 'вход заблокирован', lockedUntil: user.lockedUntil });
    throw new AppError(
      'LOCKED',
      `Вход для «${user.login}» заблокирован до ${formatMoment(user.lockedUntil)} после ${MAX_FAILED_ATTEMPTS} неверных паролей. ` +
        'Подождите или попросите администратора разблокировать.',
      { lockedUntil: user.lockedUntil },
    );
  }

  if (!(await verifyPassword(password, user.passwordHash))) {
    const { lockMinutes } = await readAccessSettings(db);
    const lockedUntil = await db.transaction().execute(async (trx) => {
      await trx.updateTable('appUser').set((eb) => ({ failedAttempts: eb('failedAttempts', '+', 1) })).where('id', '=', user.id).execute();
      const row = await trx.selectFrom('appUser').select(['failedAttempts', 'lockCount']).where('id', '=', user.id).executeTakeFirstOrThrow();
      const attempt = Number(row.failedAttempts);
      await audit('signin-failed', { attempt, of: MAX_FAILED_ATTEMPTS }, trx);
      if (attempt < MAX_FAILED_ATTEMPTS) return null;
      const minutes = lockMinutesFor(lockMinutes, Number(row.lockCount));
      const until = new Date(nowMs + minutes * 60_000).toISOString();
      await trx
        .updateTable('appUser')
        .set({ failedAttempts: 0, lockCount: Number(row.lockCount) + 1, lockedUntil: until })
        .where('id', '=', user.id)
        .execute();
      await audit('lock', { minutes, lockedUntil: until, lockNumber: Number(row.lockCount) + 1 }, trx);
      return until;
    });
    if (lockedUntil) {
      throw new AppError(
        'LOCKED',
        `${WRONG} После ${MAX_FAILED_ATTEMPTS} неверных паролей вход для «${user.login}» заблокирован до ${formatMoment(lockedUntil)}.`,
        { lockedUntil },
      );
    }
    throw new AppError('UNAUTHENTICATED', WRONG);
  }

  if (Number(user.isActive) !== 1) {
    await audit('signin-refused', { reason: 'учётная запись отключена' });
    throw new AppError('FORBIDDEN', `Учётная запись «${user.login}» отключена администратором программы.`);
  }

  const token = await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('appUser')
      .set({ failedAttempts: 0, lockCount: 0, lockedUntil: null, lastSignInAt: now })
      .where('id', '=', user.id)
      .execute();
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

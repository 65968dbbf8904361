import type { Executor } from '../../foundation/executor';

/**
 * The sign-in counters of a login (docs/security.md). Each step is one conditional UPDATE, so
 * parallel guesses on one server or several cannot take more attempts than the limit.
 */

/** Counts an attempt while the login is unlocked and below `max`; the attempt's number, or null. */
export async function takeAttempt(db: Executor, userId: string, nowIso: string, max: number): Promise<number | null> {
  const row = await db
    .updateTable('appUser')
    .set((eb) => ({ failedAttempts: eb('failedAttempts', '+', 1) }))
    .where('id', '=', userId)
    .where('failedAttempts', '<', max)
    .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<=', nowIso)]))
    .returning('failedAttempts')
    .executeTakeFirst();
  return row ? Number(row.failedAttempts) : null;
}

/** Empties a counter that reached `max` and counts one more lock; the lock's number, or null when no counter was full. */
export async function takeLock(db: Executor, userId: string, max: number): Promise<number | null> {
  const row = await db
    .updateTable('appUser')
    .set((eb) => ({ failedAttempts: 0, lockCount: eb('lockCount', '+', 1) }))
    .where('id', '=', userId)
    .where('failedAttempts', '>=', max)
    .returning('lockCount')
    .executeTakeFirst();
  return row ? Number(row.lockCount) : null;
}

export async function setLockedUntil(db: Executor, userId: string, until: string): Promise<void> {
  await db.updateTable('appUser').set({ lockedUntil: until }).where('id', '=', userId).execute();
}

export async function lockedUntilOf(db: Executor, userId: string): Promise<string | null> {
  return (await db.selectFrom('appUser').select('lockedUntil').where('id', '=', userId).executeTakeFirst())?.lockedUntil ?? null;
}

/** A successful sign-in clears the counters and the lock. */
export async function markSignedIn(db: Executor, userId: string, nowIso: string): Promise<void> {
  await db.updateTable('appUser').set({ failedAttempts: 0, lockCount: 0, lockedUntil: null, lastSignInAt: nowIso }).where('id', '=', userId).execute();
}

import type { Executor } from '../../foundation/executor';
import type { YearRow } from './years';

/**
 * The counter rows of numbers handed out once (order series per year and suffix, the alphabet
 * book) and the series' suffixes. A counter is updated in place inside the caller's transaction, so
 * two office PCs signing at the same moment queue on the row and never get the same number.
 */
export async function nextNumber(db: Executor, key: string): Promise<number> {
  // UPDATE … RETURNING (SQLite ≥ 3.35 and PostgreSQL) takes the row lock and reads in one step.
  const bumped = await db
    .updateTable('movementCounter')
    .set((eb) => ({ lastNumber: eb('lastNumber', '+', 1) }))
    .where('key', '=', key)
    .returning('lastNumber')
    .executeTakeFirst();
  if (bumped) return Number(bumped.lastNumber);
  await ensureCounter(db, key);
  return nextNumber(db, key);
}

export async function peekCounter(db: Executor, key: string): Promise<number> {
  const row = await db.selectFrom('movementCounter').select('lastNumber').where('key', '=', key).executeTakeFirst();
  return row ? Number(row.lastNumber) : 0;
}

async function ensureCounter(db: Executor, key: string): Promise<void> {
  await db.insertInto('movementCounter').values({ key, lastNumber: 0 }).onConflict((oc) => oc.column('key').doNothing()).execute();
}

/** Raises the counter to `n` unless it is already there or past it. */
export async function raiseCounter(db: Executor, key: string, n: number): Promise<void> {
  await ensureCounter(db, key);
  await db.updateTable('movementCounter').set({ lastNumber: n }).where('key', '=', key).where('lastNumber', '<', n).execute();
}

export async function setCounter(db: Executor, key: string, last: number): Promise<void> {
  await ensureCounter(db, key);
  await db.updateTable('movementCounter').set({ lastNumber: last }).where('key', '=', key).execute();
}

export async function seriesRows(db: Executor) {
  return db.selectFrom('movementOrderSeries').selectAll().execute();
}

export async function seriesRow(db: Executor, orderType: string) {
  return db.selectFrom('movementOrderSeries').selectAll().where('orderType', '=', orderType).executeTakeFirst();
}

export async function writeSeries(db: Executor, orderType: string, exists: boolean, suffix: string, version: number, now: string): Promise<void> {
  if (exists) await db.updateTable('movementOrderSeries').set({ suffix, version, updatedAt: now }).where('orderType', '=', orderType).execute();
  else await db.insertInto('movementOrderSeries').values({ orderType, suffix, version, updatedAt: now }).execute();
}

export async function orderNumberTaken(db: Executor, yearId: string, text: string): Promise<boolean> {
  return Boolean(await db.selectFrom('movementOrder').select('id').where('academicYearId', '=', yearId).where('numberText', '=', text).executeTakeFirst());
}

/** The highest number the alphabet book has given (0 when none). */
export async function lastAlphabetNumber(db: Executor): Promise<number> {
  const max = await db.selectFrom('alphabetBookEntry').select((eb) => eb.fn.max('number').as('n')).executeTakeFirst();
  return Number(max?.n ?? 0);
}

export async function yearById(db: Executor, id: string): Promise<YearRow | undefined> {
  return db.selectFrom('academicYear').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function currentYearRow(db: Executor): Promise<YearRow | undefined> {
  return db.selectFrom('academicYear').selectAll().where('isCurrent', '=', 1).executeTakeFirst();
}

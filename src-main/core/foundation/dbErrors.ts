import { AppError } from '../../../src-shared/errors';

/**
 * The one place that reads driver error codes (better-sqlite3 and pg spell the same failure
 * differently). Services ask `isUniqueViolation` to turn a lost race into a Russian refusal; the
 * dispatcher asks `translateDbError` for failures the user can simply retry.
 */
interface DriverError {
  code?: string;
  message?: string;
}

const UNIQUE_CODES = new Set(['23505', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);
// A locked SQLite file, a refused or dropped PostgreSQL connection: nothing was written.
const UNAVAILABLE_CODES = new Set(['SQLITE_BUSY', 'ECONNREFUSED', '57P01']);

/** A unique index or primary key refused the row, e.g. a second writer won the race. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as DriverError | null;
  if (!e) return false;
  return (e.code !== undefined && UNIQUE_CODES.has(e.code)) || /UNIQUE constraint failed/i.test(String(e.message ?? ''));
}

/** A database failure the user can retry as it is, as the AppError to show; null for anything else. */
export function translateDbError(err: unknown): AppError | null {
  const e = err as DriverError | null;
  if (e?.code !== undefined && UNAVAILABLE_CODES.has(e.code)) {
    return new AppError('DB_UNAVAILABLE', 'База данных недоступна или занята. Повторите через минуту; ничего не изменено.');
  }
  return null;
}

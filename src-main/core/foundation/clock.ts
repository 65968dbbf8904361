import { todayLocal } from '../../../src-shared/domain/personRules';

/**
 * «Today» as `YYYY-MM-DD` in the school's time zone: the office computer's local date, the one a
 * person reads on the wall calendar (an order signed at 00:30 is dated today, not yesterday in UTC).
 * The renderer uses the same rule from src-shared; the core asks here and nowhere else.
 */
export function schoolToday(now = new Date()): string {
  return todayLocal(now);
}

/** A timestamp for `createdAt`/`updatedAt` and the audit log: an absolute instant, ISO in UTC. */
export function nowIso(): string {
  return new Date().toISOString();
}

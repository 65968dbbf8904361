import { todayLocal } from '../../../src-shared/domain/personRules';

/** The school's calendar date of an ISO instant from the log (the office's clock, as «today» is). */
export function localDate(isoInstant: string): string {
  return todayLocal(new Date(isoInstant));
}

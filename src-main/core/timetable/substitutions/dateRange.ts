import type { Executor } from '../../foundation/executor';
import { refusal } from '../../foundation/refusals';
import { yearOfDate } from './repo/subs';
import { formatRuDate as dmy } from '../../../../src-shared/domain/ruDate';

/** One range check for the dates of absences and room closures. */

/** The academic year holding both dates; refuses dates backwards or across two years, naming `what`. */
export async function yearOfRange(db: Executor, what: string, from: string, to: string): Promise<{ id: string }> {
  if (to < from) throw refusal(`${what}: дата «По» ${dmy(to)} раньше даты «С» ${dmy(from)}`);
  const [y1, y2] = await Promise.all([yearOfDate(db, from), yearOfDate(db, to)]);
  if (!y1 || !y2 || y1.id !== y2.id) throw refusal(`${what}: даты ${dmy(from)} – ${dmy(to)} должны лежать в одном учебном году`);
  return y1;
}

import { sql } from 'kysely';
import type { AlphabetEntry } from '../../../../src-shared/contract/movement';
import { compareRu, fullName, searchKey } from '../../../../src-shared/domain/names';
import { newId } from '../../../../src-shared/domain/ids';
import { nextNumber } from '../counters';
import { likeContains } from '../../foundation/sqlLike';
import { classesOfPupils } from './membership';
import type { Executor } from '../../foundation/executor';
import { schoolToday } from '../../foundation/clock';

/**
 * Алфавитная книга записи обучающихся and the personal-file numbers. A number is handed out when a
 * pupil is first enrolled and is never handed out again: an entry whose enrolment was cancelled is
 * annulled (struck through in the paper book), not deleted. The personal file is «С-15»: the first
 * letter of the surname and the next number under that letter.
 */

export function fileLetter(lastName: string): string {
  const ch = lastName.trim().charAt(0).toUpperCase();
  return ch === 'Ё' ? 'Е' : ch || '?';
}

export async function activeEntryOf(db: Executor, pupilId: string) {
  return db.selectFrom('alphabetBookEntry').selectAll().where('pupilId', '=', pupilId).where('status', '=', 'active').executeTakeFirst();
}

export async function assignRegisterNumber(
  db: Executor,
  pupil: { id: string; lastName: string },
  date: string,
  orderItemId: string | null,
): Promise<{ id: string; number: number; personalFileNumber: string }> {
  const number = await nextNumber(db, 'alphabet');
  const letter = fileLetter(pupil.lastName);
  const personalFileNumber = `${letter}-${await nextNumber(db, `personalFile:${letter}`)}`;
  const id = newId();
  await db.insertInto('alphabetBookEntry').values({ id, number, personalFileNumber, pupilId: pupil.id, assignedOn: date, orderItemId, status: 'active', annulledAt: null, annulReason: null }).execute();
  return { id, number, personalFileNumber };
}

export async function annulEntry(db: Executor, entryId: string, reason: string, at: string): Promise<void> {
  await db.updateTable('alphabetBookEntry').set({ status: 'annulled', annulledAt: at, annulReason: reason }).where('id', '=', entryId).execute();
}

/** The pupil's current numbers, for the pupil card (null before the first enrolment). */
export async function registerNumbersOf(db: Executor, pupilId: string): Promise<{ alphabetNumber: number; personalFileNumber: string } | null> {
  const e = await activeEntryOf(db, pupilId);
  return e ? { alphabetNumber: Number(e.number), personalFileNumber: e.personalFileNumber } : null;
}

export async function listAlphabet(db: Executor, search: string): Promise<AlphabetEntry[]> {
  let q = db
    .selectFrom('alphabetBookEntry as e')
    .innerJoin('pupil as p', 'p.id', 'e.pupilId')
    .leftJoin('movementOrderItem as i', 'i.id', 'e.orderItemId')
    .leftJoin('movementOrder as o', 'o.id', 'i.orderId')
    .select([
      'e.number',
      'e.personalFileNumber',
      'e.pupilId',
      'e.assignedOn',
      'e.status',
      'e.annulReason',
      'p.lastName',
      'p.firstName',
      'p.middleName',
      'p.sex',
      'p.birthDate',
      'o.numberText as orderNumber',
    ]);
  const key = searchKey(search);
  if (key) q = q.where((eb) => eb.or([likeContains(sql.ref('p.searchKey'), key), eb('e.personalFileNumber', '=', search.toUpperCase())]));
  const rows = await q.orderBy('e.number').execute();
  const classes = await classesOfPupils(db, rows.map((r) => r.pupilId), schoolToday());
  return rows.map((r) => ({
    number: Number(r.number),
    personalFileNumber: r.personalFileNumber,
    pupilId: r.pupilId,
    pupilName: fullName(r),
    sex: r.sex,
    birthDate: r.birthDate,
    assignedOn: r.assignedOn,
    orderNumber: r.orderNumber ?? null,
    status: r.status === 'annulled' ? 'annulled' : 'active',
    annulReason: r.annulReason,
    currentClassName: r.status === 'active' ? (classes.get(r.pupilId)?.className ?? null) : null,
  }));
}

/** By surname within the book order, as the paper alphabet book is read. */
export function sortAlphabetically(entries: AlphabetEntry[]): AlphabetEntry[] {
  return [...entries].sort((a, b) => compareRu(a.pupilName, b.pupilName) || a.number - b.number);
}

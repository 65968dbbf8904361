import { inChunks } from '../common';
import type { Executor } from '../../foundation/executor';
import { validOn, notEndedOn } from '../../foundation/validOn';

/**
 * Dated class membership (DESIGN.md §5: history is never overwritten). A pupil is in a class from
 * `start_date` until the day before `end_date`; `end_date` null means still there. Everything that
 * asks "which class?" — the pupil card, rosters, reports — goes through these functions.
 */

export interface MembershipRow {
  id: string;
  pupilId: string;
  classId: string;
  startDate: string;
  endDate: string | null;
  cause: string | null;
  orderItemId: string | null;
  endOrderItemId: string | null;
}

const COLUMNS = ['id', 'pupilId', 'classId', 'startDate', 'endDate', 'cause', 'orderItemId', 'endOrderItemId'] as const;

/** The class a pupil is in on `date` (null when none): the pupil card's «Класс». */
export async function currentClassOf(db: Executor, pupilId: string, date: string): Promise<{ classId: string; className: string; since: string } | null> {
  const row = await db
    .selectFrom('classMembership as m')
    .innerJoin('schoolClass as c', 'c.id', 'm.classId')
    .select(['m.classId', 'c.name as className', 'm.startDate'])
    .where('m.pupilId', '=', pupilId)
    .where(validOn('m', date))
    .orderBy('m.startDate', 'desc')
    .executeTakeFirst();
  return row ? { classId: row.classId, className: row.className, since: row.startDate } : null;
}

/** Classes of many pupils on `date`: pupil id → { classId, className }. */
export async function classesOfPupils(db: Executor, pupilIds: readonly string[], date: string): Promise<Map<string, { classId: string; className: string }>> {
  const rows = await inChunks([...new Set(pupilIds)], (chunk) =>
    db
      .selectFrom('classMembership as m')
      .innerJoin('schoolClass as c', 'c.id', 'm.classId')
      .select(['m.pupilId', 'm.classId', 'c.name as className'])
      .where('m.pupilId', 'in', chunk)
      .where(validOn('m', date))
      .execute(),
  );
  return new Map(rows.map((r) => [r.pupilId, { classId: r.classId, className: r.className }]));
}

/** Memberships of a class that cover `date`: the roster on that day. */
export async function rosterOn(db: Executor, classId: string, date: string): Promise<MembershipRow[]> {
  return db
    .selectFrom('classMembership')
    .select(COLUMNS)
    .where('classId', '=', classId)
    .where(validOn(null, date))
    .execute();
}

/** Memberships of every class on `date`, for whole-school reports. */
export async function allMembershipsOn(db: Executor, date: string): Promise<MembershipRow[]> {
  return db
    .selectFrom('classMembership')
    .select(COLUMNS)
    .where(validOn(null, date))
    .execute();
}

/** Memberships that overlap [from, to] in any way (start, end or span it). */
export async function membershipsOverlapping(db: Executor, from: string, to: string): Promise<MembershipRow[]> {
  return db
    .selectFrom('classMembership')
    .select(COLUMNS)
    .where('startDate', '<=', to)
    .where((eb) => eb.or([eb('endDate', 'is', null), eb('endDate', '>=', from)]))
    .execute();
}

/** Every membership of a pupil, oldest first: the pupil's timeline. */
export async function membershipsOf(db: Executor, pupilId: string): Promise<MembershipRow[]> {
  return db.selectFrom('classMembership').select(COLUMNS).where('pupilId', '=', pupilId).orderBy('startDate').orderBy('id').execute();
}

/** Memberships of a pupil still running on or after `date` (open, or ending after it). */
export async function membershipsFrom(db: Executor, pupilId: string, date: string): Promise<MembershipRow[]> {
  return db
    .selectFrom('classMembership')
    .select(COLUMNS)
    .where('pupilId', '=', pupilId)
    .where(notEndedOn(null, date))
    .orderBy('startDate')
    .execute();
}

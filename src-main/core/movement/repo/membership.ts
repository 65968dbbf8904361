import { sql } from 'kysely';
import { inChunks } from '../common';
import { insertMany } from '../../db/insertMany';
import type { ClassMembershipTable } from '../../db/schema';
import type { Executor } from '../../foundation/executor';
import { validOn, notEndedOn } from '../../foundation/validOn';

/**
 * Dated class membership (DESIGN.md §5: history is never overwritten). A pupil is in a class from
 * `start_date` until the day before `end_date`; `end_date` null means still there. Everything that
 * asks "which class?" — the pupil card, rosters, reports — goes through these functions.
 */

export type MembershipRow = ClassMembershipTable;

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

/** Memberships of these pupils not ended by `date` (`end_date` null or after it). */
export async function membershipsNotEndedBy(db: Executor, pupilIds: readonly string[], date: string): Promise<MembershipRow[]> {
  return inChunks([...new Set(pupilIds)], (chunk) =>
    db
      .selectFrom('classMembership')
      .select([...COLUMNS])
      .where('pupilId', 'in', chunk)
      .where((eb) => eb.or([eb('endDate', 'is', null), eb('endDate', '>', date)]))
      .execute(),
  );
}

/** New memberships, many rows per statement. */
export async function insertMemberships(db: Executor, rows: readonly MembershipRow[]): Promise<void> {
  await insertMany(db, 'classMembership', rows);
}

/**
 * Names the order item that started a membership: for each item, the membership of its pupil in its
 * class from its date that names no order yet. A few statements for many items.
 */
export async function linkStartingItems(db: Executor, items: readonly { itemId: string; pupilId: string; classId: string; startDate: string }[]): Promise<void> {
  if (items.length === 0) return;
  const open = await inChunks([...new Set(items.map((i) => i.pupilId))], (chunk) =>
    db.selectFrom('classMembership').select(['id', 'pupilId', 'classId', 'startDate']).where('pupilId', 'in', chunk).where('orderItemId', 'is', null).execute(),
  );
  const byKey = new Map<string, string[]>();
  for (const m of open) byKey.set(`${m.pupilId}|${m.classId}|${m.startDate}`, [...(byKey.get(`${m.pupilId}|${m.classId}|${m.startDate}`) ?? []), m.id]);
  const pairs = new Map<string, string>();
  // The first item that fits a membership names it, as when they were linked one by one.
  for (const i of items) for (const id of byKey.get(`${i.pupilId}|${i.classId}|${i.startDate}`) ?? []) if (!pairs.has(id)) pairs.set(id, i.itemId);
  const list = [...pairs];
  for (let i = 0; i < list.length; i += 300) {
    const chunk = list.slice(i, i + 300);
    // One statement per chunk: a portable CASE maps each membership to its item.
    const mapped = sql<string>`case ${sql.join(chunk.map(([id, item]) => sql`when id = ${id} then ${item}`), sql` `)} end`;
    await db.updateTable('classMembership').set({ orderItemId: mapped }).where('id', 'in', chunk.map(([id]) => id)).execute();
  }
}

import type { Insertable, Selectable } from 'kysely';
import type { TimetableRoomClosureTable } from '../../../db/schemaTimetable';
import type { Executor } from '../../../foundation/executor';

/** SQL of room closures — the only place that touches timetable_room_closure. */

export type ClosureRow = Selectable<TimetableRoomClosureTable>;

export async function closuresBetween(db: Executor, from: string, to: string): Promise<ClosureRow[]> {
  return db.selectFrom('timetableRoomClosure').selectAll().where('dateFrom', '<=', to).where('dateTo', '>=', from).orderBy('dateFrom').orderBy('id').execute();
}

export async function closuresOfRoom(db: Executor, roomId: string, from: string, to: string): Promise<ClosureRow[]> {
  return db.selectFrom('timetableRoomClosure').selectAll().where('roomId', '=', roomId).where('dateFrom', '<=', to).where('dateTo', '>=', from).execute();
}

export async function findClosure(db: Executor, id: string): Promise<ClosureRow | undefined> {
  return db.selectFrom('timetableRoomClosure').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertClosure(db: Executor, row: Insertable<TimetableRoomClosureTable>): Promise<void> {
  await db.insertInto('timetableRoomClosure').values(row).execute();
}

export async function deleteClosureIf(db: Executor, id: string, version: number): Promise<{ deleted: boolean; substitutions: number }> {
  const subs = await db.deleteFrom('timetableSubstitution').where('closureId', '=', id).executeTakeFirst();
  const r = await db.deleteFrom('timetableRoomClosure').where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return { deleted: Number(r.numDeletedRows) === 1, substitutions: Number(subs.numDeletedRows) };
}

/** The school's rooms as the ranking needs them: type, floor, seats. */
export async function roomFacts(db: Executor) {
  return db.selectFrom('room').select(['id', 'number', 'floor', 'capacity', 'roomTypeId', 'isActive']).execute();
}

/** Home rooms of classes. */
export async function homeRooms(db: Executor, classIds: readonly string[]): Promise<Map<string, string>> {
  if (classIds.length === 0) return new Map();
  const rows = await db.selectFrom('schoolClass').select(['id', 'homeRoomId']).where('id', 'in', [...classIds]).execute();
  return new Map(rows.flatMap((r) => (r.homeRoomId ? [[r.id, r.homeRoomId] as const] : [])));
}

/** Pupils of each class on a date (whole-class audiences; a group's size is not known here). */
export async function classSizes(db: Executor, classIds: readonly string[], date: string): Promise<Map<string, number>> {
  if (classIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('classMembership')
    .select(['classId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('classId', 'in', [...classIds])
    .where('startDate', '<=', date)
    .where((eb) => eb.or([eb('endDate', 'is', null), eb('endDate', '>', date)]))
    .groupBy('classId')
    .execute();
  return new Map(rows.map((r) => [r.classId, Number(r.n)]));
}

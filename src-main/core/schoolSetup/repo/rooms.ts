import type { Room, RoomType } from '../../../../src-shared/contract/rooms';
import { compareRu } from '../../../../src-shared/domain/names';
import type { Executor } from '../../foundation/executor';
import { bool } from '../../foundation/refusals';

/** Rooms and room types as stored: the rows, their writes and what refers to them. */

export type RoomValues = { number: string; name: string | null; floor: number | null; capacity: number | null; roomTypeId: string; note: string | null; isActive: number; updatedAt: string };

export async function listRooms(db: Executor, id?: string): Promise<Room[]> {
  let q = db
    .selectFrom('room')
    .innerJoin('roomType', 'roomType.id', 'room.roomTypeId')
    .selectAll('room')
    .select(['roomType.name as typeName', 'roomType.code as typeCode']);
  if (id) q = q.where('room.id', '=', id);
  const rows = await q.execute();
  return rows
    .map((r) => ({
      id: r.id,
      number: r.number,
      name: r.name,
      floor: r.floor,
      capacity: r.capacity,
      typeId: r.roomTypeId,
      typeName: r.typeName,
      typeCode: r.typeCode,
      note: r.note,
      isActive: bool(r.isActive),
      version: r.version,
    }))
    .sort((a, b) => compareRu(a.number, b.number));
}

export async function roomNumbers(db: Executor): Promise<{ id: string; number: string }[]> {
  return db.selectFrom('room').select(['id', 'number']).execute();
}

export async function roomTypeExists(db: Executor, id: string): Promise<boolean> {
  return !!(await db.selectFrom('roomType').select('id').where('id', '=', id).executeTakeFirst());
}

export async function insertRoom(db: Executor, id: string, values: RoomValues): Promise<void> {
  await db.insertInto('room').values({ id, ...values, version: 1 }).execute();
}

export async function updateRoom(db: Executor, id: string, values: RoomValues, version: number): Promise<void> {
  await db.updateTable('room').set({ ...values, version: version + 1 }).where('id', '=', id).where('version', '=', version).execute();
}

/** Classes (with their year's name) that have the room as their home room. */
export async function classesInRoom(db: Executor, roomId: string): Promise<{ name: string; yearName: string }[]> {
  return db
    .selectFrom('schoolClass')
    .innerJoin('academicYear', 'academicYear.id', 'schoolClass.academicYearId')
    .select(['schoolClass.name', 'academicYear.name as yearName'])
    .where('schoolClass.homeRoomId', '=', roomId)
    .execute();
}

export async function deleteRoomRow(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('room').where('id', '=', id).execute();
}

export async function listRoomTypes(db: Executor): Promise<RoomType[]> {
  const [types, counts] = await Promise.all([
    db.selectFrom('roomType').selectAll().execute(),
    db.selectFrom('room').select(['roomTypeId', (eb) => eb.fn.countAll().as('n')]).groupBy('roomTypeId').execute(),
  ]);
  const byType = new Map(counts.map((c) => [c.roomTypeId, Number(c.n)]));
  return types
    .map((t) => ({ id: t.id, code: t.code, name: t.name, sortOrder: t.sortOrder, roomCount: byType.get(t.id) ?? 0, version: t.version }))
    .sort((a, b) => a.sortOrder - b.sortOrder || compareRu(a.name, b.name));
}

export async function roomTypeRows(db: Executor) {
  return db.selectFrom('roomType').selectAll().execute();
}

export async function findRoomType(db: Executor, id: string) {
  return db.selectFrom('roomType').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertRoomType(db: Executor, id: string, type: { name: string; sortOrder: number }, at: string): Promise<void> {
  await db.insertInto('roomType').values({ id, code: null, ...type, version: 1, updatedAt: at }).execute();
}

export async function updateRoomType(db: Executor, id: string, type: { name: string; sortOrder: number }, version: number, at: string): Promise<void> {
  await db.updateTable('roomType').set({ ...type, version: version + 1, updatedAt: at }).where('id', '=', id).execute();
}

/** Room numbers of the type, and names of subjects that need it — what stops its deletion. */
export async function roomTypeUsers(db: Executor, id: string): Promise<{ rooms: string[]; subjects: string[] }> {
  const rooms = await db.selectFrom('room').select('number').where('roomTypeId', '=', id).execute();
  const subjects = await db
    .selectFrom('subjectRoomType')
    .innerJoin('subject', 'subject.id', 'subjectRoomType.subjectId')
    .select('subject.name')
    .where('subjectRoomType.roomTypeId', '=', id)
    .execute();
  return { rooms: rooms.map((r) => r.number), subjects: subjects.map((s) => s.name) };
}

export async function deleteRoomTypeRow(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('roomType').where('id', '=', id).execute();
}

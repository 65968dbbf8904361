import type { Room, RoomType } from '../../../../src-shared/contract/rooms';
import { newId } from '../../../../src-shared/domain/ids';
import { compareRu, searchKey } from '../../../../src-shared/domain/names';
import { diffFields } from '../../foundation/auditLog';
import type { HandlerContext } from '../../foundation/context';
import type { Executor } from '../../foundation/executor';
import { nowIso } from '../../foundation/clock';
import { isUniqueViolation } from '../../foundation/dbErrors';
import { bool, expectVersion, flag, notFound, refusal } from '../../foundation/refusals';
import { emitChanged } from '../../foundation/events';

const RECORD = 'Кабинет';

type ParsedRoom = { number: string; name: string | null; floor: number | null; capacity: number | null; typeId: string; note: string | null; isActive: boolean };

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

function plain(r: ParsedRoom | Room | null) {
  return r ? { number: r.number, name: r.name, floor: r.floor, capacity: r.capacity, typeId: r.typeId, note: r.note, isActive: r.isActive } : null;
}

export async function saveRoom(ctx: HandlerContext, id: string | null, input: ParsedRoom, version: number): Promise<Room> {
  const r: ParsedRoom = { number: input.number, name: input.name, floor: input.floor, capacity: input.capacity, typeId: input.typeId, note: input.note, isActive: input.isActive };
  const at = nowIso();
  const savedId = await ctx.core.db
    .transaction()
    .execute(async (trx) => {
      const twin = await trx.selectFrom('room').select(['id', 'number']).execute();
      if (twin.some((t) => t.id !== id && searchKey(t.number) === searchKey(r.number))) throw refusal(`${RECORD} № ${r.number} уже есть`);
      if (!(await trx.selectFrom('roomType').select('id').where('id', '=', r.typeId).executeTakeFirst())) {
        throw refusal(`${RECORD} № ${r.number}: тип кабинета не найден`);
      }
      const values = { number: r.number, name: r.name, floor: r.floor, capacity: r.capacity, roomTypeId: r.typeId, note: r.note, isActive: flag(r.isActive), updatedAt: at };
      if (id === null) {
        if (version !== 0) throw refusal(`${RECORD}: новая запись сохраняется с версией 0`);
        const newRoomId = newId();
        await trx.insertInto('room').values({ id: newRoomId, ...values, version: 1 }).execute();
        await ctx.audit.record(trx, { recordId: newRoomId, action: 'create', changes: diffFields(null, plain(r)) });
        return newRoomId;
      }
      const [before] = await listRooms(trx, id);
      if (!before) throw notFound(RECORD);
      expectVersion(before, version, `${RECORD} № ${before.number}`);
      await trx.updateTable('room').set({ ...values, version: before.version + 1 }).where('id', '=', id).where('version', '=', version).execute();
      await ctx.audit.record(trx, { recordId: id, action: 'update', changes: diffFields(plain(before), plain(r)) });
      return id;
    })
    .catch((err: unknown) => {
      if (isUniqueViolation(err)) throw refusal(`${RECORD} № ${r.number} уже есть`);
      throw err;
    });
  emitChanged(ctx, 'room', savedId);
  return (await listRooms(ctx.core.db, savedId))[0];
}

export async function deleteRoom(ctx: HandlerContext, id: string, version: number): Promise<{ deleted: boolean }> {
  await ctx.core.db.transaction().execute(async (trx) => {
    const [room] = await listRooms(trx, id);
    if (!room) throw notFound(RECORD);
    expectVersion(room, version, `${RECORD} № ${room.number}`);
    const classes = await trx
      .selectFrom('schoolClass')
      .innerJoin('academicYear', 'academicYear.id', 'schoolClass.academicYearId')
      .select(['schoolClass.name', 'academicYear.name as yearName'])
      .where('schoolClass.homeRoomId', '=', id)
      .execute();
    if (classes.length) {
      const list = classes.slice(0, 5).map((c) => `${c.name} (${c.yearName})`).join(', ');
      throw refusal(`${RECORD} № ${room.number} закреплён за классами: ${list} — снимите его с классов или отметьте кабинет как неиспользуемый`);
    }
    await trx.deleteFrom('room').where('id', '=', id).execute();
    await ctx.audit.record(trx, { recordId: id, action: 'delete', changes: diffFields(plain(room), null) });
  });
  emitChanged(ctx, 'room', id);
  return { deleted: true };
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

export async function saveRoomType(ctx: HandlerContext, id: string | null, type: { name: string; sortOrder: number }, version: number): Promise<RoomType> {
  const at = nowIso();
  const savedId = await ctx.core.db
    .transaction()
    .execute(async (trx) => {
      const all = await trx.selectFrom('roomType').selectAll().execute();
      if (all.some((t) => t.id !== id && searchKey(t.name) === searchKey(type.name))) throw refusal(`Тип кабинета «${type.name}» уже есть`);
      if (id === null) {
        if (version !== 0) throw refusal('Тип кабинета: новая запись сохраняется с версией 0');
        const newTypeId = newId();
        await trx.insertInto('roomType').values({ id: newTypeId, code: null, ...type, version: 1, updatedAt: at }).execute();
        await ctx.audit.record(trx, { recordId: newTypeId, action: 'create', changes: diffFields(null, type) });
        return newTypeId;
      }
      const before = all.find((t) => t.id === id);
      if (!before) throw notFound('Тип кабинета');
      expectVersion(before, version, `Тип кабинета «${before.name}»`);
      await trx.updateTable('roomType').set({ ...type, version: before.version + 1, updatedAt: at }).where('id', '=', id).execute();
      await ctx.audit.record(trx, { recordId: id, action: 'update', changes: diffFields({ name: before.name, sortOrder: before.sortOrder }, type) });
      return id;
    })
    .catch((err: unknown) => {
      if (isUniqueViolation(err)) throw refusal(`Тип кабинета «${type.name}» уже есть`);
      throw err;
    });
  emitChanged(ctx, 'roomType', savedId);
  return (await listRoomTypes(ctx.core.db)).find((t) => t.id === savedId) as RoomType;
}

export async function deleteRoomType(ctx: HandlerContext, id: string, version: number): Promise<{ deleted: boolean }> {
  await ctx.core.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('roomType').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('Тип кабинета');
    expectVersion(row, version, `Тип кабинета «${row.name}»`);
    if (row.code) throw refusal(`Тип кабинета «${row.name}» встроенный: его нельзя удалить, можно переименовать`);
    const rooms = await trx.selectFrom('room').select('number').where('roomTypeId', '=', id).execute();
    if (rooms.length) throw refusal(`Тип кабинета «${row.name}» у кабинетов: ${rooms.slice(0, 5).map((r) => r.number).join(', ')}`);
    const subjects = await trx
      .selectFrom('subjectRoomType')
      .innerJoin('subject', 'subject.id', 'subjectRoomType.subjectId')
      .select('subject.name')
      .where('subjectRoomType.roomTypeId', '=', id)
      .execute();
    if (subjects.length) throw refusal(`Тип кабинета «${row.name}» нужен предметам: ${subjects.slice(0, 5).map((s) => s.name).join(', ')}`);
    await trx.deleteFrom('roomType').where('id', '=', id).execute();
    await ctx.audit.record(trx, { recordId: id, action: 'delete', changes: { name: [row.name, null] } });
  });
  emitChanged(ctx, 'roomType', id);
  return { deleted: true };
}

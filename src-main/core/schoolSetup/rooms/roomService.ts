import type { Room, RoomType } from '../../../../src-shared/contract/rooms';
import { newId } from '../../../../src-shared/domain/ids';
import { searchKey } from '../../../../src-shared/domain/names';
import { diffFields } from '../../foundation/auditLog';
import type { HandlerContext } from '../../foundation/context';
import { nowIso } from '../../foundation/clock';
import { isUniqueViolation } from '../../foundation/dbErrors';
import { expectVersion, flag, notFound, refusal } from '../../foundation/refusals';
import { emitChanged } from '../../foundation/events';
import {
  classesInRoom,
  deleteRoomRow,
  deleteRoomTypeRow,
  findRoomType,
  insertRoom,
  insertRoomType,
  listRoomTypes,
  listRooms,
  roomNumbers,
  roomTypeExists,
  roomTypeRows,
  roomTypeUsers,
  updateRoom,
  updateRoomType,
} from '../repo/rooms';

const RECORD = 'Кабинет';

type ParsedRoom = { number: string; name: string | null; floor: number | null; capacity: number | null; typeId: string; note: string | null; isActive: boolean };

function plain(r: ParsedRoom | Room | null) {
  return r ? { number: r.number, name: r.name, floor: r.floor, capacity: r.capacity, typeId: r.typeId, note: r.note, isActive: r.isActive } : null;
}

export async function saveRoom(ctx: HandlerContext, id: string | null, input: ParsedRoom, version: number): Promise<Room> {
  const r: ParsedRoom = { number: input.number, name: input.name, floor: input.floor, capacity: input.capacity, typeId: input.typeId, note: input.note, isActive: input.isActive };
  const at = nowIso();
  const savedId = await ctx.core.db
    .transaction()
    .execute(async (trx) => {
      const twin = await roomNumbers(trx);
      if (twin.some((t) => t.id !== id && searchKey(t.number) === searchKey(r.number))) throw refusal(`${RECORD} № ${r.number} уже есть`);
      if (!(await roomTypeExists(trx, r.typeId))) {
        throw refusal(`${RECORD} № ${r.number}: тип кабинета не найден`);
      }
      const values = { number: r.number, name: r.name, floor: r.floor, capacity: r.capacity, roomTypeId: r.typeId, note: r.note, isActive: flag(r.isActive), updatedAt: at };
      if (id === null) {
        if (version !== 0) throw refusal(`${RECORD}: новая запись сохраняется с версией 0`);
        const newRoomId = newId();
        await insertRoom(trx, newRoomId, values);
        await ctx.audit.record(trx, { recordId: newRoomId, action: 'create', changes: diffFields(null, plain(r)) });
        return newRoomId;
      }
      const [before] = await listRooms(trx, id);
      if (!before) throw notFound(RECORD);
      expectVersion(before, version, `${RECORD} № ${before.number}`);
      await updateRoom(trx, id, values, version);
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
    const classes = await classesInRoom(trx, id);
    if (classes.length) {
      const list = classes.slice(0, 5).map((c) => `${c.name} (${c.yearName})`).join(', ');
      throw refusal(`${RECORD} № ${room.number} закреплён за классами: ${list} — снимите его с классов или отметьте кабинет как неиспользуемый`);
    }
    await deleteRoomRow(trx, id);
    await ctx.audit.record(trx, { recordId: id, action: 'delete', changes: diffFields(plain(room), null) });
  });
  emitChanged(ctx, 'room', id);
  return { deleted: true };
}

export async function saveRoomType(ctx: HandlerContext, id: string | null, type: { name: string; sortOrder: number }, version: number): Promise<RoomType> {
  const at = nowIso();
  const savedId = await ctx.core.db
    .transaction()
    .execute(async (trx) => {
      const all = await roomTypeRows(trx);
      if (all.some((t) => t.id !== id && searchKey(t.name) === searchKey(type.name))) throw refusal(`Тип кабинета «${type.name}» уже есть`);
      if (id === null) {
        if (version !== 0) throw refusal('Тип кабинета: новая запись сохраняется с версией 0');
        const newTypeId = newId();
        await insertRoomType(trx, newTypeId, type, at);
        await ctx.audit.record(trx, { recordId: newTypeId, action: 'create', changes: diffFields(null, type) });
        return newTypeId;
      }
      const before = all.find((t) => t.id === id);
      if (!before) throw notFound('Тип кабинета');
      expectVersion(before, version, `Тип кабинета «${before.name}»`);
      await updateRoomType(trx, id, type, before.version, at);
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
    const row = await findRoomType(trx, id);
    if (!row) throw notFound('Тип кабинета');
    expectVersion(row, version, `Тип кабинета «${row.name}»`);
    if (row.code) throw refusal(`Тип кабинета «${row.name}» встроенный: его нельзя удалить, можно переименовать`);
    const { rooms, subjects } = await roomTypeUsers(trx, id);
    if (rooms.length) throw refusal(`Тип кабинета «${row.name}» у кабинетов: ${rooms.slice(0, 5).join(', ')}`);
    if (subjects.length) throw refusal(`Тип кабинета «${row.name}» нужен предметам: ${subjects.slice(0, 5).join(', ')}`);
    await deleteRoomTypeRow(trx, id);
    await ctx.audit.record(trx, { recordId: id, action: 'delete', changes: { name: [row.name, null] } });
  });
  emitChanged(ctx, 'roomType', id);
  return { deleted: true };
}

import { z } from './zodRu';
import { mutation, query } from './define';
import { optText, reqText, version } from './fields';
import { exportedFile } from './files';
import { maybeId, recordId } from './setupFields';

const optInt = (min: number, max: number, what: string) =>
  z
    .number(`${what}: нужно число`)
    .int(`${what}: нужно целое число`)
    .min(min, `${what}: от ${min} до ${max}`)
    .max(max, `${what}: от ${min} до ${max}`)
    .nullable()
    .default(null);

export const roomInput = z.object({
  number: reqText(20),
  name: optText(200),
  floor: optInt(-2, 30, 'этаж'),
  capacity: optInt(1, 1000, 'вместимость'),
  typeId: z.string().trim().min(1, 'выберите тип кабинета'),
  note: optText(500),
  isActive: z.boolean().default(true),
});
export type RoomInput = z.input<typeof roomInput>;

export const room = z.object({
  id: z.string(),
  number: z.string(),
  name: z.string().nullable(),
  floor: z.number().nullable(),
  capacity: z.number().nullable(),
  typeId: z.string(),
  typeName: z.string(),
  typeCode: z.string().nullable(),
  note: z.string().nullable(),
  isActive: z.boolean(),
  version,
});
export type Room = z.output<typeof room>;

export const roomType = z.object({
  id: z.string(),
  code: z.string().nullable(),
  name: z.string(),
  sortOrder: z.number(),
  roomCount: z.number(),
  version,
});
export type RoomType = z.output<typeof roomType>;

export const roomsContract = {
  /** Rooms (кабинеты) with their type, floor and capacity, ordered by number. */
  'setup.rooms.list': query({
    summary: 'Кабинеты',
    right: 'setup.read',
    input: z.object({}).optional(),
    output: z.object({ rooms: z.array(room) }),
  }),
  /** The rooms as an Excel list (every list exportable). */
  'setup.rooms.export': query({ summary: 'Кабинеты в Excel', right: 'setup.read', input: z.object({}).optional(), output: exportedFile }),
  /** Creates or updates a room; numbers are unique. */
  'setup.rooms.save': mutation({
    summary: 'Сохранить кабинет',
    right: 'setup.edit',
    entity: 'room',
    record: 'Кабинет',
    labels: {
      'room.number': 'Номер',
      'room.name': 'Название',
      'room.floor': 'Этаж',
      'room.capacity': 'Вместимость',
      'room.typeId': 'Тип',
      'room.note': 'Примечание',
    },
    input: z.object({ id: maybeId, room: roomInput, version }),
    output: room,
  }),
  /** Deletes a room that is no class's home room; otherwise mark it inactive. */
  'setup.rooms.delete': mutation({
    summary: 'Удалить кабинет',
    right: 'setup.edit',
    entity: 'room',
    record: 'Кабинет',
    input: z.object({ id: recordId, version }),
    output: z.object({ deleted: z.boolean() }),
  }),
  /** Room types: the built-in six and the school's own. */
  'setup.roomTypes.list': query({
    summary: 'Типы кабинетов',
    right: 'setup.read',
    input: z.object({}).optional(),
    output: z.object({ types: z.array(roomType) }),
  }),
  'setup.roomTypes.save': mutation({
    summary: 'Сохранить тип кабинета',
    right: 'setup.edit',
    entity: 'roomType',
    record: 'Тип кабинета',
    labels: { 'type.name': 'Название', 'type.sortOrder': 'Порядок' },
    input: z.object({ id: maybeId, type: z.object({ name: reqText(100), sortOrder: z.number().int().min(0).max(1000).default(100) }), version }),
    output: roomType,
  }),
  /** Deletes a school-defined type no room or subject uses; built-in types stay. */
  'setup.roomTypes.delete': mutation({
    summary: 'Удалить тип кабинета',
    right: 'setup.edit',
    entity: 'roomType',
    record: 'Тип кабинета',
    input: z.object({ id: recordId, version }),
    output: z.object({ deleted: z.boolean() }),
  }),
};

import type { roomsContract } from '../../../src-shared/contract/rooms';
import { exportRooms } from '../schoolSetup/index';
import { deleteRoom, deleteRoomType, listRoomTypes, listRooms, saveRoom, saveRoomType } from '../schoolSetup/index';
import type { Handlers } from './types';

export const roomsHandlers: Handlers<typeof roomsContract> = {
  'setup.rooms.list': async (_input, ctx) => ({ rooms: await listRooms(ctx.core.db) }),
  'setup.rooms.export': async (_input, ctx) => exportRooms(ctx.core.db),
  'setup.rooms.save': async ({ id, room, version }, ctx) => saveRoom(ctx, id, room, version),
  'setup.rooms.delete': async ({ id, version }, ctx) => deleteRoom(ctx, id, version),
  'setup.roomTypes.list': async (_input, ctx) => ({ types: await listRoomTypes(ctx.core.db) }),
  'setup.roomTypes.save': async ({ id, type, version }, ctx) => saveRoomType(ctx, id, type, version),
  'setup.roomTypes.delete': async ({ id, version }, ctx) => deleteRoomType(ctx, id, version),
};

import { baseApi } from '../../api/baseApi';
import type { Room, RoomInput, RoomType } from '../../../src-shared/contract/rooms';

export const roomsApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    rooms: build.query<{ rooms: Room[] }, void>({ query: () => ({ method: 'setup.rooms.list' }), providesTags: ['Rooms'] }),
    saveRoom: build.mutation<Room, { id: string | null; room: RoomInput; version: number }>({
      query: (input) => ({ method: 'setup.rooms.save', input }),
      invalidatesTags: ['Rooms'],
    }),
    deleteRoom: build.mutation<{ deleted: boolean }, { id: string; version: number }>({
      query: (input) => ({ method: 'setup.rooms.delete', input }),
      invalidatesTags: ['Rooms'],
    }),
    roomTypes: build.query<{ types: RoomType[] }, void>({ query: () => ({ method: 'setup.roomTypes.list' }), providesTags: ['Rooms'] }),
    saveRoomType: build.mutation<RoomType, { id: string | null; type: { name: string; sortOrder?: number }; version: number }>({
      query: (input) => ({ method: 'setup.roomTypes.save', input }),
      invalidatesTags: ['Rooms'],
    }),
    deleteRoomType: build.mutation<{ deleted: boolean }, { id: string; version: number }>({
      query: (input) => ({ method: 'setup.roomTypes.delete', input }),
      invalidatesTags: ['Rooms'],
    }),
  }),
});

export const { useRoomsQuery, useSaveRoomMutation, useDeleteRoomMutation, useRoomTypesQuery, useSaveRoomTypeMutation, useDeleteRoomTypeMutation } = roomsApi;

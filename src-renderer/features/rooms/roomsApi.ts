import { contractEndpoints, onEachCall } from '../../api/contractApi';

export const roomsApi = contractEndpoints({
  exportRooms: onEachCall('setup.rooms.export'),
  rooms: 'setup.rooms.list',
  saveRoom: 'setup.rooms.save',
  deleteRoom: 'setup.rooms.delete',
  roomTypes: 'setup.roomTypes.list',
  saveRoomType: 'setup.roomTypes.save',
  deleteRoomType: 'setup.roomTypes.delete',
});

export const { useExportRoomsMutation, useRoomsQuery, useSaveRoomMutation, useDeleteRoomMutation, useRoomTypesQuery, useSaveRoomTypeMutation, useDeleteRoomTypeMutation } = roomsApi;

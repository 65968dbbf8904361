/**
 * Built-in room types (типы кабинетов). They exist in every database (migration 0020 seeds them
 * with these codes) so that the starter subjects, the timetable and the demo school can refer to
 * them by code; a school adds its own types next to them (бассейн, кабинет химии, …).
 */
export const BUILTIN_ROOM_TYPES = [
  { code: 'regular', name: 'Обычный кабинет' },
  { code: 'gym', name: 'Спортивный зал' },
  { code: 'lab', name: 'Лаборатория' },
  { code: 'computer', name: 'Компьютерный класс' },
  { code: 'workshop', name: 'Мастерская' },
  { code: 'hall', name: 'Актовый зал' },
] as const;

export type BuiltinRoomTypeCode = (typeof BUILTIN_ROOM_TYPES)[number]['code'];

/** Stable ids of the built-in types, identical on every installation. */
export function builtinRoomTypeId(code: BuiltinRoomTypeCode): string {
  return `room-type-${code}`;
}

import { describe, expect, it } from 'vitest';
import type { AffectedOccurrence } from '../../src-main/core/timetable/substitutions/dayModel';
import { rankRooms, roomRefusal, type RoomFact, type RoomRankInput } from '../../src-main/core/timetable/substitutions/roomOptions';

/**
 * «Кабинет закрыт»: free rooms for a lesson whose room is closed, ranked on hand-made cases — the
 * closed room's floor and type first, then the class's home room, then fewest walks for the class.
 */

const room = (id: string, floor: number | null, type = 'regular', capacity: number | null = 30, isActive = 1): RoomFact => ({ id, number: id, floor, capacity, roomTypeId: type, isActive });

const ROOMS = [
  room('201', 2), // the closed one
  room('202', 2),
  room('203', 2),
  room('301', 3),
  room('302', 3),
  room('lab', 2, 'lab'),
  room('small', 2, 'regular', 10),
  room('old', 2, 'regular', 30, 0),
];

function lesson(roomIds: string[] = []): AffectedOccurrence {
  return {
    lesson: { id: 'L', key: 'k', subjectId: 'math', kind: 'classroom', teacherIds: ['T'], audiences: [{ classId: '7a', groupNo: 0, subgroupId: null, label: '7А' }], duration: 1, count: 5, hours: 5, roomIds, parallelKey: null, pinned: null, portalRef: null },
    placement: { lessonId: 'L', index: 0, day: 0, period: 2, roomId: '201', locked: false },
    cause: 'room',
    absentId: 'T',
    absenceId: null,
    closure: null,
    periods: [2],
  };
}

const input = (over: Partial<RoomRankInput> = {}): RoomRankInput => ({
  a: lesson(),
  periods: [2],
  rooms: ROOMS,
  busy: new Map(),
  closedRooms: new Set(['201']),
  homes: new Set(),
  size: 25,
  classRoomAt: new Map(),
  ...over,
});

describe('rooms for a closed room’s lesson', () => {
  it('offers active rooms of the closed room’s type with enough seats, same floor first, never the closed or a busy one', () => {
    const busy = new Map([['203', new Set([2])]]);
    const got = rankRooms(input({ busy, closedRooms: new Set(['201', '302']) }));
    expect(got.map((o) => o.number)).toEqual(['202', '301']);
    expect(got[0]).toMatchObject({ sameFloorType: true, homeRoom: false, moves: 0 });
  });

  it('the class’s home room comes before another room of another floor, and fewer walks before more', () => {
    // The 2nd floor is full; 7А sits in 301 before and after: 301 makes no walk, 302 two.
    const full = new Map([['202', new Set([2])], ['203', new Set([2])]]);
    const got = rankRooms(input({ busy: full, homes: new Set(['302']), classRoomAt: new Map([[1, '301'], [3, '301']]) }));
    expect(got.map((o) => [o.number, o.homeRoom, o.moves])).toEqual([
      ['302', true, 2],
      ['301', false, 0],
    ]);
    // Without a home room there, walks decide against the numbers' order.
    const walks = rankRooms(input({ busy: full, classRoomAt: new Map([[1, '302'], [3, '301']]) }));
    expect(walks.map((o) => [o.number, o.moves])).toEqual([
      ['301', 1],
      ['302', 1],
    ]);
    const stay = rankRooms(input({ busy: full, classRoomAt: new Map([[1, '302'], [3, '302']]) }));
    expect(stay.map((o) => [o.number, o.moves])).toEqual([
      ['302', 0],
      ['301', 2],
    ]);
  });

  it('a lesson’s own candidate rooms are offered whatever their type (a lab for chemistry)', () => {
    const got = rankRooms(input({ a: lesson(['lab']) }));
    expect(got.map((o) => o.number)).toContain('lab');
    expect(rankRooms(input()).map((o) => o.number)).not.toContain('lab');
  });

  it('names why a room is refused', () => {
    const busy = new Map([['202', new Set([2])]]);
    expect(roomRefusal(input({ busy }), '202')).toBe('кабинет 202 в этот урок занят');
    expect(roomRefusal(input({ closedRooms: new Set(['201', '203']) }), '203')).toBe('кабинет 203 в этот день закрыт');
    expect(roomRefusal(input(), 'small')).toBe('кабинет small не подходит для урока (тип кабинета или число мест)');
    expect(roomRefusal(input(), 'lab')).toBe('кабинет lab не подходит для урока (тип кабинета или число мест)');
    expect(roomRefusal(input(), 'nope')).toBe('кабинет не найден');
    expect(roomRefusal(input(), '203')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { generateBells } from '../../../src-shared/domain/schoolSetup/bellSchedule';
import { buildGrid, type GridBells, type GridClass } from '../../../src-main/core/timetable/grid';

const cls = (name: string, grade: number, shift: number, weekLength = 5): GridClass => ({ id: name, name, grade, shift, weekLength, classTeacherId: null, homeRoomId: null, size: null });
const BELLS: GridBells[] = [
  { shift: 1, weekdays: [1, 2, 3, 4, 5], lessons: generateBells({ start: '08:30', count: 7, length: 40, shortBreak: 10, longBreak: 20, longAfter: [2, 3] }) },
  { shift: 1, weekdays: [6], lessons: generateBells({ start: '08:30', count: 6, length: 35, shortBreak: 10, longBreak: 20, longAfter: [2] }) },
  { shift: 2, weekdays: [1, 2, 3, 4, 5], lessons: generateBells({ start: '13:00', count: 7, length: 40, shortBreak: 10, longBreak: 20, longAfter: [2] }) },
];

describe('the period axis of a school week', () => {
  it('puts both shifts on one axis aligned by the clock: lesson 1 of the second shift meets the first-shift lesson it overlaps', () => {
    const { grid, items } = buildGrid([cls('5А', 5, 1), cls('10А', 10, 1, 6), cls('6В', 6, 2)], BELLS, 'y');
    expect(items).toEqual([]);
    // First shift 08:30…: lesson 5 ends 12:50, lesson 6 runs 13:00–13:40 together with lesson 1 of the second shift.
    expect(grid.shiftOffsets).toEqual({ '1': 0, '2': 5 });
    expect(grid.periods).toHaveLength(12);
    expect(grid.periods[5].byShift).toEqual([
      { shift: 1, number: 6 },
      { shift: 2, number: 1 },
    ]);
    expect(grid.periods[5].label).toBe('6 (I см.) / 1 (II см.)');
    expect(grid.days.map((d) => d.short)).toEqual(['Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб']);
    const c6 = grid.classes.find((c) => c.name === '6В')!;
    expect([c6.firstPeriod, c6.lastPeriod, c6.maxPerDay]).toEqual([5, 11, 6]);
    // A five-day class is closed on Saturday; the six-day class only after Saturday's sixth lesson.
    expect(c6.closed.filter((s) => s.day === 5)).toHaveLength(7);
    const c10 = grid.classes.find((c) => c.name === '10А')!;
    expect(c10.closed).toEqual([{ day: 5, period: 6 }]);
  });

  it('lists a class whose shift or day has no bells before solving, with a link to the bells', () => {
    const { items } = buildGrid([cls('7В', 7, 2, 6), cls('3Г', 3, 3)], BELLS, 'year-1');
    expect(items.map((i) => i.message)).toEqual([
      'Класс 7В учится 6 дней в неделю, а расписания звонков 2-й смены на субботу нет.',
      'Класс 3Г учится в 3-й смене, а расписания звонков 3-й смены нет: уроки некуда поставить.',
    ]);
    expect(items[0].link).toEqual({ route: '/bells', query: { yearId: 'year-1' }, label: 'Открыть расписание звонков' });
  });
});

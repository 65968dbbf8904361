import { describe, expect, it } from 'vitest';
import { compile } from '../../../src-main/core/timetable/engine/compile';
import { evaluate } from '../../../src-main/core/timetable/engine/evaluator';
import type { Placement, TimetableInstance } from '../../../src-main/core/timetable/engine/model';
import { createProbe } from '../../../src-main/core/timetable/engine/probe';

/** Two classes, two teachers, two rooms either lesson may use: the only hard figure is the room. */
function twoRooms(): TimetableInstance {
  return {
    name: 'two rooms',
    days: ['Пн', 'Вт'],
    periods: ['1', '2', '3'],
    subjects: [{ id: 'math', name: 'Математика' }],
    teachers: [
      { id: 'A', name: 'Иванова А.А.' },
      { id: 'B', name: 'Петров Б.Б.' },
      { id: 'C', name: 'Сидорова В.В.' },
    ],
    rooms: [
      { id: 'r1', name: 'Каб. 1' },
      { id: 'r2', name: 'Каб. 2' },
      { id: 'r3', name: 'Каб. 3' },
    ],
    classes: [
      { id: '5a', name: '5А', grade: 5 },
      { id: '5b', name: '5Б', grade: 5 },
      { id: '5c', name: '5В', grade: 5 },
    ],
    lessons: [
      { id: 'x', subjectId: 'math', teacherIds: ['A'], students: [{ classId: '5a' }], duration: 1, count: 1, roomIds: ['r1', 'r2', 'r3'] },
      { id: 'y', subjectId: 'math', teacherIds: ['B'], students: [{ classId: '5b' }], duration: 1, count: 1, roomIds: ['r1', 'r2', 'r3'] },
      { id: 'z', subjectId: 'math', teacherIds: ['C'], students: [{ classId: '5c' }], duration: 1, count: 1, roomIds: ['r1', 'r2', 'r3'] },
    ],
  };
}

const at = (lessonId: string, day: number, period: number, roomId: string): Placement => ({ lessonId, index: 0, day, period, roomId });

describe('the live drag check (probe) on a timetable that already holds a room clash', () => {
  // 5А and 5Б both in Каб. 1 on Monday 1st: one room clash stands before any drag.
  const inst = twoRooms();
  const c = compile(inst);
  const clashed = { placements: [at('x', 0, 0, 'r1'), at('y', 0, 0, 'r1'), at('z', 1, 0, 'r3')] };

  it('counts the standing clash at load, as the full evaluation does', () => {
    const full = evaluate(c, clashed);
    expect(full.hardByKind.roomClash).toBe(1);
    const probe = createProbe(c, clashed);
    expect(probe.hard()).toBe(full.hard);
  });

  it('a drag that ends the clash is one hard violation fewer, and the totals stay exact after saving it', () => {
    const probe = createProbe(c, clashed);
    const y = c.lessonFirstUnit[c.lessonIdx.get('y') as number];
    const r2 = c.roomIdx.get('r2') as number;
    const d = probe.tryMoves([{ unit: y, start: 0, room: r2 }]);
    expect(d.hard).toBe(-1);
    expect(d.better.map((k) => k.kind)).toContain('roomClash');
    expect(d.worse).toEqual([]);
    probe.applyMoves([{ unit: y, start: 0, room: r2 }]);
    expect(probe.hard()).toBe(evaluate(c, probe.timetable()).hard);
  });

  it('a third lesson dropped into the clashing room adds exactly one', () => {
    const probe = createProbe(c, clashed);
    const z = c.lessonFirstUnit[c.lessonIdx.get('z') as number];
    const r1 = c.roomIdx.get('r1') as number;
    const d = probe.tryMoves([{ unit: z, start: 0, room: r1 }]);
    const after = evaluate(c, { placements: [at('x', 0, 0, 'r1'), at('y', 0, 0, 'r1'), at('z', 0, 0, 'r1')] });
    expect(d.hard).toBe(after.hard - evaluate(c, clashed).hard);
    expect(d.hard).toBe(1);
  });
});

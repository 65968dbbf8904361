import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../src-main/core/timetable/engine/compile';
import { evaluate } from '../../../src-main/core/timetable/engine/evaluator';
import { precheck } from '../../../src-main/core/timetable/engine/explain';
import { importFet } from '../../../src-main/core/timetable/engine/fet/import';
import type { TimetableInstance } from '../../../src-main/core/timetable/engine/model';
import { solve } from '../../../src-main/core/timetable/engine/solver';

/** Two classes of 28 and 18 pupils; the small cabinet (20 seats) is everybody's first choice. */
function school(): TimetableInstance {
  return {
    name: 'capacity',
    days: ['Пн', 'Вт', 'Ср'],
    periods: ['1', '2', '3'],
    subjects: [{ id: 'm', name: 'Математика' }, { id: 'r', name: 'Русский язык' }],
    teachers: [{ id: 'A', name: 'Иванова А.А.' }, { id: 'B', name: 'Петров Б.Б.' }],
    rooms: [
      { id: 'small', name: 'Каб. 5', capacity: 20 },
      { id: 'big', name: 'Каб. 12', capacity: 30 },
    ],
    classes: [
      { id: '7a', name: '7А', grade: 7, size: 28 },
      { id: '7b', name: '7Б', grade: 7, size: 18 },
    ],
    lessons: [
      { id: 'm7a', subjectId: 'm', teacherIds: ['A'], students: [{ classId: '7a' }], duration: 1, count: 3, roomIds: ['small', 'big'] },
      { id: 'r7b', subjectId: 'r', teacherIds: ['B'], students: [{ classId: '7b' }], duration: 1, count: 3, roomIds: ['small', 'big'] },
    ],
  };
}

describe('room capacity', () => {
  it('never places a lesson in a room smaller than its audience', () => {
    const inst = school();
    const c = compile(inst);
    // 7А (28) keeps only the big cabinet as a candidate; 7Б (18) keeps both, small first.
    expect(Array.from(c.unitRooms[0], (r) => inst.rooms[r].id)).toEqual(['big']);
    expect(Array.from(c.unitRooms[3], (r) => inst.rooms[r].id)).toEqual(['small', 'big']);
    for (let seed = 1; seed <= 5; seed++) {
      const res = solve(inst, { seed, maxIterations: 5_000 });
      expect(res.evaluation.valid).toBe(true);
      for (const p of res.timetable.placements.filter((x) => x.lessonId === 'm7a')) expect(p.roomId).toBe('big');
    }
  });

  it('scores a timetable that seats a class in a too small room as invalid, naming the kind', () => {
    const ev = evaluate(school(), {
      placements: [
        { lessonId: 'm7a', index: 0, day: 0, period: 0, roomId: 'small' },
        { lessonId: 'm7a', index: 1, day: 1, period: 0, roomId: 'big' },
        { lessonId: 'm7a', index: 2, day: 2, period: 0, roomId: 'big' },
        { lessonId: 'r7b', index: 0, day: 0, period: 0, roomId: 'big' },
        { lessonId: 'r7b', index: 1, day: 1, period: 0, roomId: 'small' },
        { lessonId: 'r7b', index: 2, day: 2, period: 0, roomId: 'small' },
      ],
    });
    expect(ev.hardByKind).toEqual({ roomCapacity: 1 });
    expect(ev.valid).toBe(false);
  });

  it('uses an explicit headcount for a group lesson and explains when no room fits', () => {
    const inst = school();
    inst.lessons[1] = { ...inst.lessons[1], roomIds: ['small'], studentCount: 24 };
    const c = compile(inst);
    expect(c.unitRooms[3].length).toBe(0);
    expect(c.unitNeedsRoom[3]).toBe(1);
    const msgs = precheck(inst).map((e) => e.message);
    expect(msgs).toEqual([expect.stringMatching(/24 учащихся не помещаются ни в один из кабинетов урока: Каб\. 5 \(20\)/)]);
    // The lesson is still placed in time, but without a room it is a hard violation.
    const res = solve(inst, { seed: 1, maxIterations: 2_000 });
    expect(res.evaluation.hardByKind.roomMissing).toBe(3);
  });

  it('reads headcounts from a .fet file (students sets and an activity override)', () => {
    const xml = readFileSync(join(__dirname, '../../fixtures/timetable/unsupported.fet'), 'utf8')
      .replace('<Room><Name>101</Name><Building></Building><Capacity>30</Capacity>', '<Room><Name>101</Name><Building></Building><Capacity>12</Capacity>')
      .replace('<Id>3</Id>', '<Id>3</Id><Number_Of_Students>11</Number_Of_Students>');
    const imp = importFet(xml, 'fixture');
    expect(imp.instance.lessons.map((l) => l.studentCount)).toEqual([26, 13, 11]);
  });
});

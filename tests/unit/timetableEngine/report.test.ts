import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src-main/core/timetable/engine/evaluator';
import { inspect } from '../../../src-main/core/timetable/engine/report';
import { solve } from '../../../src-main/core/timetable/engine/solver';
import { generateSchool } from '../../../src-main/core/timetable/engine/generator/generator';
import type { TimetableInstance } from '../../../src-main/core/timetable/engine/model';

const inst: TimetableInstance = {
  name: 'report',
  days: ['Пн', 'Вт', 'Ср', 'Чт', 'Пт'],
  periods: ['1', '2', '3', '4'],
  subjects: [
    { id: 'math', name: 'Математика', difficulty: { '5': 10 } },
    { id: 'pe', name: 'Физическая культура', difficulty: { '5': 3 } },
  ],
  teachers: [
    { id: 'A', name: 'Иванова А.А.' },
    { id: 'B', name: 'Петров Б.Б.', unavailable: [{ day: 2, period: 0 }] },
  ],
  rooms: [{ id: 'r1', name: 'Каб. 1' }],
  classes: [
    { id: '5a', name: '5А', grade: 5 },
    { id: '5b', name: '5Б', grade: 5 },
  ],
  lessons: [
    { id: 'm5a', subjectId: 'math', teacherIds: ['A'], students: [{ classId: '5a' }], duration: 1, count: 2, roomIds: ['r1'] },
    { id: 'm5b', subjectId: 'math', teacherIds: ['A'], students: [{ classId: '5b' }], duration: 1, count: 1, roomIds: ['r1'] },
    { id: 'pe5a', subjectId: 'pe', teacherIds: ['B'], students: [{ classId: '5a' }], duration: 1, count: 2 },
  ],
};

describe('the evaluator report for the figures panel', () => {
  it('names the entity and the slots of every hard violation', () => {
    const tt = {
      placements: [
        { lessonId: 'm5a', index: 0, day: 0, period: 0, roomId: 'r1' },
        { lessonId: 'm5b', index: 0, day: 0, period: 0, roomId: 'r1' },
        { lessonId: 'pe5a', index: 0, day: 2, period: 0 },
        { lessonId: 'pe5a', index: 1, day: 3, period: 2 },
      ],
    };
    const r = inspect(inst, tt);
    const kinds = r.violations.map((v) => v.kind).sort();
    expect(kinds).toEqual(['roomClash', 'teacherClash', 'teacherUnavailable', 'unplaced']);
    const clash = r.violations.find((v) => v.kind === 'teacherClash')!;
    expect(clash.entity).toEqual({ type: 'teacher', index: 0 });
    expect(clash.slots).toEqual([{ day: 0, period: 0 }]);
    expect(clash.units.map((u) => u.lessonId).sort()).toEqual(['m5a', 'm5b']);
    expect(r.violations.find((v) => v.kind === 'teacherUnavailable')!.slots).toEqual([{ day: 2, period: 0 }]);
    expect(r.violations.find((v) => v.kind === 'unplaced')!.entity).toEqual({ type: 'lesson', lessonIds: ['m5a'] });
    expect(r.hard).toBe(evaluate(inst, tt).hard);
    expect(r.violations.reduce((n, v) => n + v.amount, 0)).toBe(r.hard);
  });

  it('agrees with the evaluator’s figures on a solved school: gaps per teacher and day, profiles per class', () => {
    const school = generateSchool({ size: 'S', seed: 3 });
    const res = solve(school, { seed: 1, maxIterations: 20_000 });
    const r = inspect(school, res.timetable);
    expect(r.hard).toBe(res.evaluation.hard);
    expect(r.figures).toEqual(res.evaluation.figures);
    expect(r.teachers.reduce((n, t) => n + t.gapsByDay.reduce((a, b) => a + b, 0), 0)).toBe(r.figures.teacherGaps);
    expect(r.teachers.reduce((n, t) => n + t.lessons, 0)).toBeGreaterThan(0);
    expect(r.classes.filter((c) => c.profile.peakOnTueWed).length).toBe(r.figures.peakTueWed);
    expect(r.classes.reduce((n, c) => n + c.profile.hardFirstLast, 0)).toBe(r.figures.hardFirstLast);
  });
});

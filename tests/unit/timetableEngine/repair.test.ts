import { describe, expect, it } from 'vitest';
import { compile } from '../../../src-main/core/timetable/engine/compile';
import { generateSchool } from '../../../src-main/core/timetable/engine/generator/generator';
import { repair } from '../../../src-main/core/timetable/engine/repair';
import { solve } from '../../../src-main/core/timetable/engine/solver';
import { evaluate } from '../../../src-main/core/timetable/engine/evaluator';
import type { Placement, Timetable, TimetableInstance } from '../../../src-main/core/timetable/engine/model';
import { inspect } from '../../../src-main/core/timetable/engine/report';
import { revertChanges } from '../../../src-main/core/timetable/engine/repairRevert';
import { repairProposal } from '../../../src-main/core/timetable/repairService';

describe('repair after a manual move', () => {
  it('keeps the moved lesson, restores validity and changes few other lessons', () => {
    const inst = generateSchool({ size: 'S', seed: 3 });
    const base = solve(inst, { seed: 1, maxIterations: 1_000_000, stopWhenValid: true });
    expect(base.evaluation.valid).toBe(true);
    const c = compile(inst);
    // Drop a maths lesson of 5А onto another day's lesson slot (a typical drag in the grid).
    const p = base.timetable.placements.find((x) => x.lessonId === 'c5А-math' && x.index === 0);
    expect(p).toBeDefined();
    if (!p) return;
    const target = { day: (p.day + 2) % c.D, period: 1 };
    const move = { lessonId: p.lessonId, index: p.index, ...target };
    // A generous time budget: the result must depend on iterations only, never on machine speed.
    const r = repair(inst, { timetable: base.timetable, move, seed: 2, timeLimitMs: 600_000 });
    const moved = r.timetable.placements.find((x) => x.lessonId === p.lessonId && x.index === p.index);
    expect(moved).toMatchObject(target);
    expect(r.evaluation.valid).toBe(true);
    expect(r.changed).toBe(r.changedPlacements.length);
    expect(r.changed).toBeLessThan(c.nU / 10);
  });

  it('keeps locked lessons in place', () => {
    const inst = generateSchool({ size: 'S', seed: 4 });
    const base = solve(inst, { seed: 1, maxIterations: 1_000_000, stopWhenValid: true });
    const lock = base.timetable.placements.slice(0, 20).map((x) => ({ lessonId: x.lessonId, index: x.index }));
    const p = base.timetable.placements[40];
    const r = repair(inst, { timetable: base.timetable, lock, move: { ...p, day: (p.day + 1) % 5 }, seed: 3, timeLimitMs: 600_000 });
    for (const l of base.timetable.placements.slice(0, 20)) {
      const now = r.timetable.placements.find((x) => x.lessonId === l.lessonId && x.index === l.index);
      expect(now).toMatchObject({ day: l.day, period: l.period });
    }
  });
});

/**
 * One class, two days of four periods, no gaps and no late starts (both hard). Maths №1 is dragged
 * from Monday 1st onto Tuesday 2nd, where Russian №2 stands: the only repair that moves a single
 * other lesson is Russian №2 into the Monday 1st period the drag emptied (moving it to Tuesday 4th
 * leaves Monday starting late). The annealing search alone may wander; the engine must find that one.
 */
function oneClass(): TimetableInstance {
  return {
    name: 'one class',
    days: ['Пн', 'Вт'],
    periods: ['1', '2', '3', '4'],
    subjects: [
      { id: 'math', name: 'Математика' },
      { id: 'rus', name: 'Русский язык' },
      { id: 'hist', name: 'История' },
      { id: 'art', name: 'ИЗО' },
    ],
    teachers: [
      { id: 'A', name: 'Иванова А.А.' },
      { id: 'B', name: 'Петров Б.Б.' },
      { id: 'C', name: 'Сидорова В.В.' },
      { id: 'D', name: 'Орлова Г.Г.' },
    ],
    rooms: [{ id: 'r1', name: 'Каб. 1' }, { id: 'r2', name: 'Каб. 2' }],
    classes: [
      { id: '5a', name: '5А', grade: 5, limits: [{ maxGapsPerWeek: { value: 0 }, maxSecondPeriodStarts: { value: 0 } }] },
      { id: '5b', name: '5Б', grade: 5 },
    ],
    lessons: [
      { id: 'm', subjectId: 'math', teacherIds: ['A'], students: [{ classId: '5a' }], duration: 1, count: 2, roomIds: ['r1'] },
      { id: 'r', subjectId: 'rus', teacherIds: ['B'], students: [{ classId: '5a' }], duration: 1, count: 2, roomIds: ['r1'] },
      { id: 'h', subjectId: 'hist', teacherIds: ['C'], students: [{ classId: '5a' }], duration: 1, count: 2, roomIds: ['r1'] },
      // 5Б keeps teacher B busy on Tuesday 4th: a distraction for a search that wanders.
      { id: 'a', subjectId: 'art', teacherIds: ['D'], students: [{ classId: '5b' }], duration: 1, count: 2, roomIds: ['r2'] },
      { id: 'r5b', subjectId: 'rus', teacherIds: ['B'], students: [{ classId: '5b' }], duration: 1, count: 1, roomIds: ['r2'] },
    ],
  };
}

const place = (lessonId: string, index: number, day: number, period: number, roomId: string): Placement => ({ lessonId, index, day, period, roomId });

const oneClassTimetable: Timetable = {
  placements: [
    place('m', 0, 0, 0, 'r1'), place('r', 0, 0, 1, 'r1'), place('h', 0, 0, 2, 'r1'),
    place('m', 1, 1, 0, 'r1'), place('r', 1, 1, 1, 'r1'), place('h', 1, 1, 2, 'r1'),
    place('a', 0, 0, 0, 'r2'), place('a', 1, 1, 0, 'r2'), place('r5b', 0, 1, 3, 'r2'),
  ],
};

describe('«Исправить» changes as few lessons as possible', () => {
  it('finds the one other lesson a minimal repair moves', () => {
    const inst = oneClass();
    const c = compile(inst);
    expect(evaluate(inst, oneClassTimetable).valid).toBe(true);
    const move: Placement = { lessonId: 'm', index: 0, day: 1, period: 1, roomId: 'r1' };
    const dropped: Timetable = { placements: oneClassTimetable.placements.map((p) => (p.lessonId === 'm' && p.index === 0 ? move : p)) };
    const hardBefore = inspect(c, dropped).hard;
    expect(hardBefore).toBeGreaterThan(0);
    const r = repairProposal(inst, c, dropped, move, hardBefore);
    expect(r.hardAfter).toBe(0);
    const was = new Map(dropped.placements.map((p) => [`${p.lessonId}:${p.index}`, p]));
    const changed = r.timetable.placements.filter((p) => {
      const o = was.get(`${p.lessonId}:${p.index}`);
      return !o || o.day !== p.day || o.period !== p.period;
    });
    expect(changed).toEqual([expect.objectContaining({ lessonId: 'r', index: 1, day: 0, period: 0 })]);
    expect(r.timetable.placements).toContainEqual(expect.objectContaining({ lessonId: 'm', index: 0, day: 1, period: 1 }));
  });

  it('puts back two lessons that only traded places, as a pair', () => {
    const inst = oneClass();
    const c = compile(inst);
    // A wandering repair swapped maths №2 and history №2 of 5А: still valid, two needless changes.
    const swapped: Timetable = {
      placements: oneClassTimetable.placements.map((p) =>
        p.lessonId === 'm' && p.index === 1 ? { ...p, period: 2 } : p.lessonId === 'h' && p.index === 1 ? { ...p, period: 0 } : p,
      ),
    };
    expect(evaluate(inst, swapped).valid).toBe(true);
    const r = revertChanges(c, oneClassTimetable, swapped);
    expect(r.reverted).toBe(2);
    const key = (p: Placement) => `${p.lessonId}:${p.index}:${p.day}:${p.period}`;
    expect(r.timetable.placements.map(key).sort()).toEqual(oneClassTimetable.placements.map(key).sort());
  });
});

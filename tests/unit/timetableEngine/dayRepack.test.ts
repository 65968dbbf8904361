import { describe, expect, it } from 'vitest';
import { compile } from '../../../src-main/core/timetable/engine/compile';
import { clashDays, repackDay } from '../../../src-main/core/timetable/engine/dayRepack';
import { transferStats, transferStep } from '../../../src-main/core/timetable/engine/dayTransfer';
import { createRng } from '../../../src-main/core/timetable/engine/rng';
import { evaluate, loadTimetable, stateToTimetable } from '../../../src-main/core/timetable/engine/evaluator';
import type { Lesson, Placement, TimetableInstance } from '../../../src-main/core/timetable/engine/model';
import { createState } from '../../../src-main/core/timetable/engine/state';

/**
 * Two gap-free classes (days start at the first period) and three teachers who each teach both
 * classes once on Monday; on Tuesday every class has one lesson. The lab is the only room of
 * two lessons.
 */
function school(): TimetableInstance {
  const compact = [{ maxGapsPerWeek: { value: 0, weight: 100 }, maxSecondPeriodStarts: { value: 0, weight: 100 } }];
  const lesson = (id: string, teacher: string, cls: string, roomIds?: string[]): Lesson => ({
    id,
    subjectId: `s${teacher}`,
    teacherIds: [teacher],
    students: [{ classId: cls }],
    duration: 1,
    count: 1,
    roomIds,
  });
  return {
    name: 'repack',
    days: ['Пн', 'Вт'],
    periods: ['1', '2', '3', '4'],
    subjects: ['s1', 's2', 's3', 's4'].map((id) => ({ id, name: id })),
    teachers: ['1', '2', '3', '4'].map((id) => ({ id, name: `T${id}` })),
    rooms: [{ id: 'lab', name: 'Лаборатория' }],
    classes: ['A', 'B'].map((id) => ({ id, name: id, grade: 5, limits: compact })),
    lessons: [
      lesson('a1', '1', 'A'),
      lesson('a2', '2', 'A', ['lab']),
      lesson('a3', '3', 'A'),
      lesson('b1', '1', 'B'),
      lesson('b2', '2', 'B', ['lab']),
      lesson('b3', '3', 'B'),
      lesson('a4', '4', 'A'),
      lesson('b4', '4', 'B'),
    ],
  };
}

const at = (lessonId: string, day: number, period: number): Placement => ({ lessonId, index: 0, day, period });

describe('day repack (exact re-solve of one day, issue 25)', () => {
  it('permutes a day with teacher and room clashes into a clash-free packing and leaves the other day alone', () => {
    const inst = school();
    const c = compile(inst);
    const st = createState(c, true);
    // Monday: both classes in the same order, so every period is a teacher clash (and the lab twice).
    loadTimetable(st, {
      placements: [at('a1', 0, 0), at('a2', 0, 1), at('a3', 0, 2), at('b1', 0, 0), at('b2', 0, 1), at('b3', 0, 2), at('a4', 1, 0), at('b4', 1, 1)],
    });
    // b4 on Tuesday's second period is a late start for B; Monday is what has the clashes.
    expect(clashDays(st)).toEqual([0]);
    const hardBefore = st.hard;
    const res = repackDay(st, 0, { hardWeight: 1, softWeight: 0, nodeLimit: 1000, maxSolutions: 10 });
    expect(res.changed).toBe(true);
    expect(res.solutions).toBeGreaterThan(0);
    expect(st.hard).toBeLessThan(hardBefore);
    const tt = stateToTimetable(st);
    const ev = evaluate(inst, tt);
    // Only Tuesday's late start is left: Monday has no clash, no gap and every lesson has its room.
    expect(Object.keys(ev.hardByKind)).toEqual(['lateStart']);
    const monday = tt.placements.filter((p) => p.day === 0);
    expect(monday).toHaveLength(6);
    for (const cls of ['a', 'b']) expect(monday.filter((p) => p.lessonId.startsWith(cls)).map((p) => p.period).sort()).toEqual([0, 1, 2]);
    expect(new Set(monday.filter((p) => p.lessonId === 'a2' || p.lessonId === 'b2').map((p) => p.period)).size).toBe(2);
    expect(tt.placements.filter((p) => p.day === 1).map((p) => `${p.lessonId}@${p.period}`).sort()).toEqual(['a4@0', 'b4@1']);
  });

  it('leaves a day with more lessons than a class has periods unchanged', () => {
    const inst = school();
    inst.periods = ['1', '2'];
    const c = compile(inst);
    const st = createState(c, true);
    loadTimetable(st, { placements: [at('a1', 0, 0), at('a2', 0, 1), at('a3', 0, 1), at('b1', 0, 1), at('b2', 0, 0), at('b3', 1, 0), at('a4', 1, 1), at('b4', 1, 1)] });
    const before = st.start.slice();
    const hard = st.hard;
    const res = repackDay(st, 0, { hardWeight: 1, softWeight: 0, nodeLimit: 1000, maxSolutions: 10 });
    expect(res).toEqual({ changed: false, solutions: 0, nodes: 0 });
    expect(st.start).toEqual(before);
    expect(st.hard).toBe(hard);
  });

  it('keeps the day as it was when no packing exists (one teacher twice in a one-period window)', () => {
    const inst = school();
    // Monday: class A and B each have one lesson, both with teacher 1; only period 1 may be used.
    const c = compile({ ...inst, lessons: inst.lessons.filter((l) => ['a1', 'b1', 'a4', 'b4'].includes(l.id)) });
    const st = createState(c, true);
    loadTimetable(st, { placements: [at('a1', 0, 0), at('b1', 0, 0), at('a4', 1, 0), at('b4', 1, 0)] });
    const before = st.start.slice();
    const hard = st.hard;
    const res = repackDay(st, 0, { hardWeight: 1, softWeight: 0, nodeLimit: 1000, maxSolutions: 10 });
    expect(res.changed).toBe(false);
    expect(res.solutions).toBe(0);
    expect(st.start).toEqual(before);
    expect(st.hard).toBe(hard);
  });

  it('day transfer: moves a lesson of an overfull day to a day with room and repacks both (no clash left)', () => {
    const inst = school();
    inst.periods = ['1', '2', '3'];
    const c = compile(inst);
    const st = createState(c, true);
    // Class A has four lessons on Monday's three periods (a student clash no repack can remove); Tuesday is B's.
    loadTimetable(st, {
      placements: [at('a1', 0, 0), at('a2', 0, 1), at('a3', 0, 2), at('a4', 0, 2), at('b4', 0, 0), at('b1', 1, 0), at('b2', 1, 1), at('b3', 1, 2)],
    });
    expect(st.hard).toBeGreaterThan(0);
    expect(repackDay(st, 0, { hardWeight: 1, softWeight: 0, nodeLimit: 1000, maxSolutions: 10 }).nodes).toBe(0);
    const tried = transferStats.tried;
    expect(transferStep(st, createRng(3), { hardWeight: 1, softWeight: 0, nodeLimit: 1000, maxSolutions: 10, tries: 3 })).toBe(true);
    expect(transferStats.tried).toBeGreaterThan(tried);
    expect(st.hard).toBe(0);
    const tt = stateToTimetable(st);
    expect(evaluate(inst, tt).valid).toBe(true);
    expect(tt.placements.filter((p) => p.day === 1 && p.lessonId.startsWith('a'))).toHaveLength(1);
    expect(tt.placements.filter((p) => p.day === 0 && p.lessonId.startsWith('a'))).toHaveLength(3);
  });
});

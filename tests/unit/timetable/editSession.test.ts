import { describe, expect, it } from 'vitest';
import { backwardOf, groupLockMoves, canRedo, canUndo, emptySession, lastMoved, pushStep, redoStep, stepCell, undoStep, verdictText } from '../../../src-renderer/features/timetable/editSession';

const placements = [
  { lessonId: 'a', index: 0, day: 1, period: 2, roomId: 'r1', locked: false },
  { lessonId: 'b', index: 1, day: 3, period: 0, roomId: null, locked: true },
];

describe('hand editing session', () => {
  it('keeps what stood before each change, off the grid for an unplaced occurrence', () => {
    const back = backwardOf(placements, [
      { lessonId: 'a', index: 0, day: 4, period: 1, roomId: 'r2', locked: false },
      { lessonId: 'c', index: 0, day: 0, period: 0, roomId: null, locked: false },
    ]);
    expect(back).toEqual([
      { lessonId: 'a', index: 0, day: 1, period: 2, roomId: 'r1', locked: false },
      { lessonId: 'c', index: 0, day: null, period: null, roomId: null, locked: false },
    ]);
  });

  it('undoes and redoes in order, and a new step after an undo drops the redo branch', () => {
    const step = (n: string, moved = true) => ({ label: n, forward: [], backward: [], moved: moved ? { lessonId: n, index: 0 } : null });
    let s = pushStep(pushStep(emptySession, step('one')), step('two', false));
    expect(canUndo(s)).toBe(true);
    expect(canRedo(s)).toBe(false);
    expect(lastMoved(s)).toEqual({ lessonId: 'one', index: 0 });
    const u = undoStep(s)!;
    expect(u.step.label).toBe('two');
    s = u.next;
    expect(canRedo(s)).toBe(true);
    expect(redoStep(s)!.step.label).toBe('two');
    s = pushStep(s, step('three'));
    expect(s.steps.map((x) => x.label)).toEqual(['one', 'three']);
    expect(canRedo(s)).toBe(false);
    s = undoStep(undoStep(s)!.next)!.next;
    expect(canUndo(s)).toBe(false);
    expect(undoStep(s)).toBeNull();
    expect(lastMoved(s)).toBeNull();
  });

  it('walks the cells with the arrows inside the grid on screen', () => {
    const days = [0, 1, 2, 3, 4];
    const periods = [0, 1, 2, 3, 4, 5];
    expect(stepCell({ day: 0, period: 0 }, 'ArrowLeft', days, periods)).toEqual({ day: 0, period: 0 });
    expect(stepCell({ day: 0, period: 0 }, 'ArrowRight', days, periods)).toEqual({ day: 1, period: 0 });
    expect(stepCell({ day: 4, period: 5 }, 'ArrowDown', days, periods)).toEqual({ day: 4, period: 5 });
    expect(stepCell({ day: 2, period: 3 }, 'ArrowUp', days, periods)).toEqual({ day: 2, period: 2 });
  });

  it('says a verdict in words', () => {
    expect(verdictText({ verdict: 'hard', action: 'move', reasons: ['учитель Иванова И.И. занята в 7Б'], notes: ['окна Иванова И.И.: 1 → 2'] })).toBe('нарушает правило — учитель Иванова И.И. занята в 7Б; окна Иванова И.И.: 1 → 2');
    expect(verdictText({ verdict: 'free', action: 'swap', reasons: [], notes: [] })).toBe('Обмен: свободно');
  });
});

describe('groupLockMoves', () => {
  const occ = (id: string, index: number, classId: string, teacher: string, day: number | null, period: number | null, locked = false, pinned: unknown = null) => ({
    lesson: { id, pinned, teacherIds: [teacher], audiences: [{ classId }] },
    index,
    day,
    period,
    roomId: day === null ? null : `r-${id}`,
    locked,
  });
  const all = [
    occ('math', 0, '5A', 'T1', 0, 1),
    occ('math', 1, '5A', 'T1', 2, 3, true),
    occ('rus', 0, '5A', 'T2', 0, 2),
    occ('rus', 1, '5A', 'T2', null, null),
    occ('talk', 0, '5A', 'T3', 0, 0, false, { day: 0, period: 0 }),
    occ('math5b', 0, '5B', 'T1', 0, 3),
  ];

  it('locks every placed, unlocked lesson of a class where it stands (not pinned, not off the grid)', () => {
    expect(groupLockMoves(all, { kind: 'class', classId: '5A' }, true)).toEqual([
      { lessonId: 'math', index: 0, day: 0, period: 1, roomId: 'r-math', locked: true },
      { lessonId: 'rus', index: 0, day: 0, period: 2, roomId: 'r-rus', locked: true },
    ]);
    expect(groupLockMoves(all, { kind: 'class', classId: '5A' }, false)).toEqual([{ lessonId: 'math', index: 1, day: 2, period: 3, roomId: 'r-math', locked: false }]);
  });

  it("locks a teacher's lessons of one day across classes", () => {
    expect(groupLockMoves(all, { kind: 'teacher', staffId: 'T1', day: 0 }, true).map((m) => `${m.lessonId}:${m.index}`)).toEqual(['math:0', 'math5b:0']);
    expect(groupLockMoves(all, { kind: 'teacher', staffId: 'T1', day: 1 }, true)).toEqual([]);
  });
});

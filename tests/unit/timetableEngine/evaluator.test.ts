import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src-main/core/timetable/engine/evaluator';
import type { Placement, TimetableInstance } from '../../../src-main/core/timetable/engine/model';

const DAYS = ['Пн', 'Вт', 'Ср', 'Чт', 'Пт'];
const PERIODS = ['1', '2', '3', '4', '5', '6'];
const noGaps = [{ maxGapsPerWeek: { value: 0 }, maxSecondPeriodStarts: { value: 0 }, maxPerDay: { value: 6 } }];

function tiny(): TimetableInstance {
  return {
    name: 'tiny',
    days: DAYS,
    periods: PERIODS,
    subjects: [
      { id: 'math', name: 'Математика', difficulty: { '5': 10 } },
      { id: 'eng', name: 'Иностранный язык', difficulty: { '5': 9 } },
      { id: 'pe', name: 'Физическая культура', difficulty: { '5': 3 } },
    ],
    teachers: [
      { id: 'A', name: 'Иванова А.А.', unavailable: [{ day: 4, period: 0 }] },
      { id: 'B', name: 'Петров Б.Б.' },
      { id: 'C', name: 'Сидорова В.В.' },
    ],
    rooms: [
      { id: 'r1', name: 'Каб. 1' },
      { id: 'r2', name: 'Каб. 2' },
      { id: 'gym', name: 'Спортзал', type: 'gym' },
    ],
    classes: [
      { id: '5a', name: '5А', grade: 5, divisions: [{ name: 'Ин.яз', groups: ['гр1', 'гр2'] }], limits: noGaps },
      { id: '5b', name: '5Б', grade: 5, limits: noGaps },
    ],
    lessons: [
      { id: 'm5a', subjectId: 'math', teacherIds: ['A'], students: [{ classId: '5a' }], duration: 1, count: 3, roomIds: ['r1'] },
      { id: 'm5b', subjectId: 'math', teacherIds: ['A'], students: [{ classId: '5b' }], duration: 1, count: 2, roomIds: ['r1'] },
      {
        id: 'e1', subjectId: 'eng', teacherIds: ['B'], students: [{ classId: '5a', division: 0, groups: [0] }],
        duration: 1, count: 2, roomIds: ['r2'], parallelKey: 'eng5a',
      },
      {
        id: 'e2', subjectId: 'eng', teacherIds: ['C'], students: [{ classId: '5a', division: 0, groups: [1] }],
        duration: 1, count: 2, roomIds: ['r1', 'r2'], parallelKey: 'eng5a',
      },
      { id: 'pe5b', subjectId: 'pe', teacherIds: ['C'], students: [{ classId: '5b' }], duration: 2, count: 1, roomIds: ['gym'] },
    ],
  };
}

const at = (lessonId: string, index: number, day: number, period: number, roomId: string): Placement => ({
  lessonId, index, day, period, roomId,
});

describe('evaluator on hand-made timetables', () => {
  it('scores a valid timetable with known soft figures', () => {
    const placements = [
      at('m5a', 0, 0, 0, 'r1'), at('e1', 0, 0, 1, 'r2'), at('e2', 0, 0, 1, 'r1'),
      at('m5a', 1, 1, 0, 'r1'), at('m5a', 2, 2, 0, 'r1'),
      at('e1', 1, 1, 1, 'r2'), at('e2', 1, 1, 1, 'r1'),
      // 5Б: PE 1st–2nd and maths 3rd on Wednesday, maths 4th on Tuesday →
      // teacher A has gaps Wed 1 and Tue 2; 5Б starts late on Tuesday.
      at('pe5b', 0, 2, 0, 'gym'), at('m5b', 0, 2, 2, 'r1'), at('m5b', 1, 1, 3, 'r1'),
    ];
    const ev = evaluate(tiny(), { placements });
    expect(ev.loadProblems).toEqual([]);
    // 5Б Tuesday starts at the 4th lesson: one late start, hard.
    expect(ev.hardByKind).toEqual({ lateStart: 1 });
    expect(ev.figures.teacherGaps).toBe(1 + 2);
    expect(ev.figures.teacherGapsMaxDay).toBe(2);
    expect(ev.figures.classGaps).toBe(0);
    expect(ev.figures.placed).toBe(10);
    expect(ev.figures.units).toBe(10);
    expect(ev.figures.lateStarts).toBe(1);
  });

  it('counts clashes, gaps, unavailability, broken parallels and rooms', () => {
    const placements = [
      at('m5a', 0, 0, 0, 'r1'),
      at('m5b', 0, 0, 0, 'r1'), // teacher A clash + room r1 clash
      at('m5a', 1, 4, 0, 'r1'), // teacher A unavailable Fri 1st
      at('m5a', 2, 2, 2, 'r1'), // 5А Wednesday starts at 3rd: late start (both cells)
      at('e1', 0, 0, 2, 'r2'), at('e2', 0, 0, 3, 'r2'), // parallel broken; 5А gaps; e2 room ok(pref 2)
      at('e1', 1, 1, 0, 'gym'), // room not allowed
      at('e2', 1, 1, 0, 'r1'),
      at('pe5b', 0, 3, 5, 'gym'), // duration 2 at last period: not allowed time
    ];
    const ev = evaluate(tiny(), { placements });
    expect(ev.hardByKind.teacherClash).toBe(1);
    expect(ev.hardByKind.roomClash).toBe(1);
    expect(ev.hardByKind.teacherUnavailable).toBe(1);
    expect(ev.hardByKind.parallelBroken).toBe(1);
    expect(ev.hardByKind.roomNotAllowed).toBe(1);
    expect(ev.hardByKind.notAllowedTime).toBe(1);
    expect(ev.hardByKind.unplaced).toBe(1); // m5b #2
    // Monday: cell гр1 has 1st and 3rd → gap 1; cell гр2 has 1st and 4th → gaps 2.
    expect(ev.figures.classGaps).toBe(3);
    expect(ev.hardByKind.maxGapsPerWeek).toBe(3);
    // Wednesday late start in both cells; 5Б Thursday starts at 6th.
    expect(ev.hardByKind.lateStart).toBe(3);
    expect(ev.valid).toBe(false);
    expect(ev.violations.find((v) => v.kind === 'teacherClash')?.entity).toBe('Иванова А.А.');
  });

  it('reports the difficulty profile of a class', () => {
    // 5Б: maths (10) on Tue and Wed, nothing else → peak on Tue/Wed.
    const inst = tiny();
    const good = evaluate(inst, {
      placements: [at('m5b', 0, 1, 0, 'r1'), at('m5b', 1, 2, 0, 'r1'), at('pe5b', 0, 0, 0, 'gym')],
    });
    const p = good.figures;
    expect(p.profiledClasses).toBe(1);
    expect(p.peakTueWed).toBe(1);
    expect(p.hardLessons).toBe(2 + 3 + 2); // 5Б maths ×2; 5А maths ×3 and English block ×2 (9 ≥ 8)
    // Both maths lessons are alone in their day: first (and last) → counted once each.
    expect(p.hardFirstLast).toBe(2);
    const bad = evaluate(inst, {
      placements: [at('m5b', 0, 0, 0, 'r1'), at('m5b', 1, 0, 1, 'r1'), at('pe5b', 0, 1, 0, 'gym')],
    });
    expect(bad.figures.peakTueWed).toBe(0);
    expect(bad.figures.heaviestMonFri).toBe(1);
    expect(bad.figures.sameSubjectRepeats).toBe(1);
  });
});

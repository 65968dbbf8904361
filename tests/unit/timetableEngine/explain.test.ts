import { describe, expect, it } from 'vitest';
import { explainResult, precheck } from '../../../src-main/core/timetable/engine/explain';
import type { TimetableInstance } from '../../../src-main/core/timetable/engine/model';
import { solve } from '../../../src-main/core/timetable/engine/solver';

const slotsOfDay = (day: number): { day: number; period: number }[] =>
  [0, 1, 2, 3, 4].map((period) => ({ day, period }));

/** Infeasible on purpose, in four independent ways. */
function crafted(): TimetableInstance {
  return {
    name: 'crafted',
    days: ['Пн', 'Вт', 'Ср'],
    periods: ['1', '2', '3', '4', '5'],
    subjects: [
      { id: 'm', name: 'Математика' },
      { id: 'e', name: 'Английский язык' },
      { id: 'i', name: 'Информатика' },
    ],
    teachers: [
      // Available only on Monday: 5 slots, but teaches 6 lessons.
      { id: 'T1', name: 'Иванова А.А.', unavailable: [...slotsOfDay(1), ...slotsOfDay(2)] },
      { id: 'T2', name: 'Петров Б.Б.' },
      { id: 'T3', name: 'Сидоров В.В.' },
    ],
    rooms: [{ id: 'pc', name: 'Компьютерный класс', type: 'computer' }],
    classes: [
      {
        id: '7a', name: '7А', grade: 7,
        divisions: [{ name: 'гр', groups: ['1', '2'] }],
        limits: [{ maxPerDay: { value: 4 } }],
      },
      { id: '7b', name: '7Б', grade: 7 },
    ],
    lessons: [
      { id: 'm7a', subjectId: 'm', teacherIds: ['T1'], students: [{ classId: '7a' }], duration: 1, count: 6 },
      // 7А: 6 + 6 + 1 (English) = 13 hours > 4 per day × 3 days.
      { id: 'x7a', subjectId: 'm', teacherIds: ['T3'], students: [{ classId: '7a' }], duration: 1, count: 6 },
      // Parallel English groups with the same teacher.
      { id: 'e1', subjectId: 'e', teacherIds: ['T2'], students: [{ classId: '7a', division: 0, groups: [0] }], duration: 1, count: 1, parallelKey: 'eng' },
      { id: 'e2', subjectId: 'e', teacherIds: ['T2'], students: [{ classId: '7a', division: 0, groups: [1] }], duration: 1, count: 1, parallelKey: 'eng' },
      // Parallel informatics groups needing two computer rooms; the school has one.
      { id: 'i1', subjectId: 'i', teacherIds: ['T3'], students: [{ classId: '7b' }], duration: 1, count: 1, roomIds: ['pc'], parallelKey: 'inf' },
      { id: 'i2', subjectId: 'i', teacherIds: ['T2'], students: [{ classId: '7b' }], duration: 1, count: 1, roomIds: ['pc'], parallelKey: 'inf' },
    ],
  };
}

describe('explaining infeasibility', () => {
  it('finds capacity problems before solving, in Russian, naming who is affected', () => {
    const msgs = precheck(crafted()).map((e) => e.message);
    expect(msgs.some((m) => m.startsWith('Учитель Иванова А.А.: 6 ч в неделю') && m.includes('только 5'))).toBe(true);
    expect(msgs.some((m) => m.startsWith('Класс 7А') && m.includes('13 ч') && m.includes('СанПиН'))).toBe(true);
    expect(msgs.some((m) => m.includes('Параллельные уроки ведёт один и тот же учитель Петров Б.Б.'))).toBe(true);
    expect(msgs.some((m) => m.includes('Параллельные уроки у одной и той же группы 7Б'))).toBe(true);
    expect(msgs.some((m) => m.startsWith('Для параллельных уроков не хватает кабинетов'))).toBe(true);
  });

  it('explains a failed run: violations and what blocked the lessons', () => {
    const inst = crafted();
    const res = solve(inst, { seed: 1, maxIterations: 20_000 });
    expect(res.evaluation.valid).toBe(false);
    const out = explainResult(inst, res.timetable);
    const errors = out.filter((e) => e.level === 'error').map((e) => e.message);
    expect(errors.some((m) => m.includes('Иванова А.А.'))).toBe(true);
    const blocked = out.filter((e) => e.level === 'warning').map((e) => e.message);
    expect(blocked.some((m) => /Математика \(7А, Иванова А\.А\.\).*допустимых начал.*занят/.test(m))).toBe(true);
  });

  it('counts only the periods a teacher\'s classes can reach (gap-free days from lesson 1, daily maximum)', () => {
    // Two 5th classes, 6 lessons a day at most, 7 periods in the grid: 32 hours of one teacher fit
    // the grid (35 slots) and each class (16 ≤ 30), but only periods 1–6 ever have lessons.
    const compact = [{ maxPerDay: { value: 6 }, maxGapsPerWeek: { value: 0 }, maxSecondPeriodStarts: { value: 0 } }];
    const inst: TimetableInstance = {
      name: 'reach',
      days: ['Пн', 'Вт', 'Ср', 'Чт', 'Пт'],
      periods: ['1', '2', '3', '4', '5', '6', '7'],
      subjects: [{ id: 'm', name: 'Математика' }],
      teachers: [{ id: 'T', name: 'Журавлёв Е.Я.' }],
      rooms: [],
      classes: [
        { id: '5a', name: '5А', grade: 5, limits: compact },
        { id: '5b', name: '5Б', grade: 5, limits: compact },
      ],
      lessons: ['5a', '5b'].map((k) => ({ id: `m${k}`, subjectId: 'm', teacherIds: ['T'], students: [{ classId: k }], duration: 1, count: 16 })),
    };
    const msgs = precheck(inst).map((e) => e.message);
    expect(msgs).toEqual([expect.stringMatching(/^Учитель Журавлёв Е\.Я\.: 32 ч в неделю.*только в 30 слотах/)]);
    inst.lessons[1].count = 14;
    expect(precheck(inst)).toEqual([]);
  });

  it('has nothing to say about a feasible instance', () => {
    const inst = crafted();
    inst.lessons = inst.lessons.filter((l) => l.id === 'x7a');
    expect(precheck(inst)).toEqual([]);
    const res = solve(inst, { seed: 1, maxIterations: 5_000 });
    expect(explainResult(inst, res.timetable)).toEqual([]);
  });
});

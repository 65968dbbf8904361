import { describe, expect, it } from 'vitest';
import starter from '../../../assets/subjects-starter.json';
import type { VersionView } from '../../../src-shared/contract/timetableFields';
import { describeSlots, marksFromSlots, slotsFromMarks } from '../../../src-renderer/features/timetable/availabilityModel';
import { classRows, classSlot, indexTimetable, shiftRows, slotKey, subjectCodes, unplacedFor } from '../../../src-renderer/features/timetable/timetableModel';

const bells = (shift: number, weekday: number, starts: string[]) => ({
  shift,
  weekday,
  lessons: starts.map((s, i) => ({ number: i + 1, start: s, end: `${s.slice(0, 3)}40` })),
});

/** Two classes, 5А in the first shift (5 days) and 6Б in the second, axis: shift II starts at position 2. */
function smallView(): VersionView {
  const meta = {} as VersionView['meta'];
  const cls = (id: string, name: string, grade: number, shift: number, first: number, last: number) => ({
    id, name, grade, shift, weekLength: 5, firstPeriod: first, lastPeriod: last, classTeacherId: null, homeRoomId: null, size: 25, maxPerDay: 6, onceAWeek: null, divisions: [],
  });
  const lesson = (id: string, subjectId: string, classId: string, teacherIds: string[], count: number, duration = 1, groupNo = 0) => ({
    id, key: id, subjectId, kind: 'classroom' as const, teacherIds, audiences: [{ classId, groupNo, subgroupId: null, label: groupNo ? `${classId} гр. ${groupNo}` : classId }],
    duration, count, hours: count, roomIds: [], parallelKey: null, pinned: null, portalRef: null,
  });
  return {
    meta,
    days: ['Понедельник', 'Вторник', 'Среда', 'Четверг', 'Пятница'].map((name, index) => ({ index, weekday: index + 1, name, short: name.slice(0, 2) })),
    periods: [0, 1, 2, 3, 4].map((index) => ({
      index,
      label: String(index + 1),
      byShift: [...(index <= 3 ? [{ shift: 1, number: index + 1 }] : []), ...(index >= 2 ? [{ shift: 2, number: index - 1 }] : [])],
    })),
    bells: [1, 2, 3, 4, 5].flatMap((wd) => [bells(1, wd, wd === 5 ? ['08:30', '09:20', '10:10'] : ['08:30', '09:20', '10:10', '11:00']), bells(2, wd, ['10:10', '11:00', '11:50'])]),
    classes: [cls('5А', '5А', 5, 1, 0, 3), cls('6Б', '6Б', 6, 2, 2, 4)],
    teachers: [{ id: 't1', fullName: 'Иванова Анна Сергеевна', shortName: 'Иванова А. С.' }],
    rooms: [{ id: 'r1', number: '204', name: null, typeName: 'Кабинет', capacity: 30 }],
    subjects: [{ id: 'math', name: 'Математика', shortName: 'Мат.', points: {} }, { id: 'tech', name: 'Труд (технология)', shortName: 'Труд', points: {} }],
    lessons: [lesson('L1', 'math', '5А', ['t1'], 3), lesson('L2', 'tech', '6Б', ['t1'], 1, 2)],
    placements: [
      { lessonId: 'L1', index: 0, day: 0, period: 0, roomId: 'r1', locked: true },
      { lessonId: 'L1', index: 1, day: 1, period: 3, roomId: 'r1', locked: false },
      { lessonId: 'L2', index: 0, day: 1, period: 3, roomId: null, locked: false },
    ],
    scope: { all: true, classIds: [], staffId: null },
  };
}

describe('timetable view model', () => {
  it('indexes occurrences by class, teacher and room; a double lesson stands in two slots; the rest is unplaced', () => {
    const ix = indexTimetable(smallView());
    expect(ix.occurrences).toHaveLength(4);
    expect(ix.unplaced.map((o) => o.key)).toEqual(['L1:2']);
    expect(unplacedFor(ix, 'class', '5А').map((o) => o.key)).toEqual(['L1:2']);
    expect(unplacedFor(ix, 'class', '6Б')).toEqual([]);
    const sixB = ix.byClass.get('6Б')!;
    expect(sixB.get(slotKey(1, 3))?.map((e) => [e.occ.key, e.part])).toEqual([['L2:0', 0]]);
    expect(sixB.get(slotKey(1, 4))?.map((e) => [e.occ.key, e.part])).toEqual([['L2:0', 1]]);
    // The teacher has two lessons in Tuesday's position 3: a clash the teacher's grid shows.
    expect(ix.byTeacher.get('t1')!.get(slotKey(1, 3))?.map((e) => e.occ.key)).toEqual(['L1:1', 'L2:0']);
    expect(ix.byRoom.get('r1')!.size).toBe(2);
    expect(ix.byKey.get('L1:0')?.locked).toBe(true);
  });

  it('rows: a class numbers its own lessons with its bells; a teacher of both shifts sees both numbers', () => {
    const view = smallView();
    const ix = indexTimetable(view);
    expect(classRows(view, ix.classes.get('6Б')!).map((r) => [r.period, r.label, r.times[0]])).toEqual([
      [2, '1', '10:10–10:40'],
      [3, '2', '11:00–11:40'],
      [4, '3', '11:50–11:40'],
    ]);
    expect(shiftRows(view, new Set([1, 2])).map((r) => r.label)).toEqual(['1 (I см.)', '2 (I см.)', '3 (I см.) / 1 (II см.)', '4 (I см.) / 2 (II см.)', '3 (II см.)']);
    expect(shiftRows(view, new Set([1])).map((r) => r.label)).toEqual(['1', '2', '3', '4']);
    // Friday has three lessons in the first shift: the fourth is closed for 5А.
    const fiveA = ix.classes.get('5А')!;
    expect(classSlot(view, fiveA, 4, 3, []).closed).toBe(true);
    expect(classSlot(view, fiveA, 3, 3, ['11:00–11:40'])).toEqual({ closed: false, time: null });
  });

  it('master codes are unique and short for the shipped starter subjects', () => {
    const subjects = starter.subjects.map((s, i) => ({ id: String(i), name: s.name, shortName: s.shortName, points: {} }));
    const codes = subjectCodes(subjects);
    const values = [...codes.values()];
    expect(new Set(values).size).toBe(values.length);
    for (const c of values) expect(c.length).toBeLessThanOrEqual(5);
    const byName = (n: string) => codes.get(String(starter.subjects.findIndex((s) => s.name === n)));
    expect(byName('Физика')).not.toBe(byName('Физическая культура'));
    expect(byName('Математика')).toBe('Мат');
  });

  it('teacher availability: marks → slots → marks is the same week; runs become «с … по …»', () => {
    const shifts = [
      { shift: 1, lessons: 7 },
      { shift: 2, lessons: 6 },
    ];
    const slots = [
      { weekday: 5, shift: null, from: null, to: null, kind: 'unavailable' as const },
      { weekday: 3, shift: 1 as const, from: 1, to: 3, kind: 'undesired' as const },
      { weekday: 3, shift: 1 as const, from: 2, to: 2, kind: 'unavailable' as const },
      { weekday: 1, shift: 2 as const, from: 5, to: 6, kind: 'unavailable' as const },
    ];
    const week = marksFromSlots(slots, [1, 2, 3, 4, 5], shifts);
    expect(week[3].lessons[1].slice(0, 4)).toEqual(['undesired', 'unavailable', 'undesired', 'free']);
    const back = slotsFromMarks(week);
    expect(back).toEqual([
      { weekday: 1, shift: 2, from: 5, to: 6, kind: 'unavailable' },
      { weekday: 3, shift: 1, from: 1, to: 1, kind: 'undesired' },
      { weekday: 3, shift: 1, from: 2, to: 2, kind: 'unavailable' },
      { weekday: 3, shift: 1, from: 3, to: 3, kind: 'undesired' },
      { weekday: 5, shift: null, from: null, to: null, kind: 'unavailable' },
    ]);
    expect(marksFromSlots(back, [1, 2, 3, 4, 5], shifts)).toEqual(week);
    expect(describeSlots(back, true)).toBe('Пн — 5–6 ур. (II см.); Ср — 1-й урок (I см.), нежелательно; Ср — 2-й урок (I см.); Ср — 3-й урок (I см.), нежелательно; Пт — весь день');
  });
});

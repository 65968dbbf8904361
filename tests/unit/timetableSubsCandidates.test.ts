import { describe, expect, it } from 'vitest';
import { rankCandidates, type RankInput } from '../../src-main/core/timetable/substitutions/candidates';

/** Hand-made cases of the substitute ranking (issue 16 part 5, domain/substitutions.md §3). */

const T = (id: string) => ({ id, name: id });
const base = (over: Partial<RankInput>): RankInput => ({
  subjectId: 'math',
  classIds: ['7B'],
  periods: [2],
  teachers: [],
  absent: new Set(),
  busy: new Map(),
  ownDay: new Map(),
  subjectsOf: new Map(),
  classesOf: new Map(),
  monthHours: new Map(),
  ...over,
});

describe('substitute candidates', () => {
  it('offers only teachers free in every period of the lesson and not absent', () => {
    const r = rankCandidates(
      base({
        periods: [2, 3],
        teachers: [T('free'), T('busy2'), T('busy3'), T('absent')],
        absent: new Set(['absent']),
        busy: new Map([
          ['busy2', new Set([2])],
          ['busy3', new Set([3])],
          ['free', new Set([1, 4])],
        ]),
      }),
    );
    expect(r.map((c) => c.staffId)).toEqual(['free']);
  });

  it('ranks qualified first, then fewest hours this month, then in the building, then same class', () => {
    const r = rankCandidates(
      base({
        teachers: ['Я-other-subject', 'Д-math-5h', 'Г-math-1h-home', 'В-math-1h-inbuilding', 'Б-math-1h-inbuilding-sameclass', 'А-math-1h-home-sameclass'].map(T),
        subjectsOf: new Map(['Д-math-5h', 'Г-math-1h-home', 'В-math-1h-inbuilding', 'Б-math-1h-inbuilding-sameclass', 'А-math-1h-home-sameclass'].map((id) => [id, new Set(['math'])])),
        monthHours: new Map([
          ['Я-other-subject', 0],
          ['Д-math-5h', 5],
          ['Г-math-1h-home', 1],
          ['В-math-1h-inbuilding', 1],
          ['Б-math-1h-inbuilding-sameclass', 1],
          ['А-math-1h-home-sameclass', 1],
        ]),
        ownDay: new Map([
          ['В-math-1h-inbuilding', new Set([1])],
          ['Б-math-1h-inbuilding-sameclass', new Set([4])],
          ['Д-math-5h', new Set([0])],
        ]),
        classesOf: new Map([
          ['Б-math-1h-inbuilding-sameclass', new Set(['7B'])],
          ['А-math-1h-home-sameclass', new Set(['7B'])],
        ]),
      }),
    );
    expect(r.map((c) => c.staffId)).toEqual(['Б-math-1h-inbuilding-sameclass', 'В-math-1h-inbuilding', 'А-math-1h-home-sameclass', 'Г-math-1h-home', 'Д-math-5h', 'Я-other-subject']);
    expect(r[0]).toEqual({ staffId: 'Б-math-1h-inbuilding-sameclass', name: 'Б-math-1h-inbuilding-sameclass', qualified: true, monthHours: 1, inBuilding: true, sameClass: true });
    expect(r.at(-1)).toMatchObject({ qualified: false, monthHours: 0 });
  });

  it('breaks full ties by name in Russian order', () => {
    const r = rankCandidates(base({ teachers: [T('Ёлкина'), T('Жукова'), T('Егорова')] }));
    expect(r.map((c) => c.staffId)).toEqual(['Егорова', 'Ёлкина', 'Жукова']);
  });
});

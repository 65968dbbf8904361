import { describe, expect, it } from 'vitest';
import { describeAttention, distributePupils, needsAttention } from '../../../src-shared/domain/curriculum/subgroups';

const pupils = [
  { id: 'p1', fullName: 'Яковлев Артём', sex: 'М' },
  { id: 'p2', fullName: 'Андреева Анна', sex: 'Ж' },
  { id: 'p3', fullName: 'Борисов Илья', sex: 'М' },
  { id: 'p4', fullName: 'Ёлкина Вера', sex: 'Ж' },
  { id: 'p5', fullName: 'Васильева Ольга', sex: 'Ж' },
];

describe('sharing pupils between subgroups', () => {
  it('by list: alphabetical halves (ё sorts with е)', () => {
    expect(distributePupils(pupils, 2, 'list')).toEqual([
      ['p2', 'p3', 'p5'],
      ['p4', 'p1'],
    ]);
  });

  it('by sex for технология: boys in group 1, girls in group 2', () => {
    expect(distributePupils(pupils, 2, 'sex')).toEqual([
      ['p3', 'p1'],
      ['p2', 'p5', 'p4'],
    ]);
  });

  it('falls back to the list when the class is all boys or all girls', () => {
    const girls = pupils.filter((p) => p.sex === 'Ж');
    expect(distributePupils(girls, 2, 'sex')).toEqual(distributePupils(girls, 2, 'list'));
  });

  it('describes what needs attention', () => {
    const s = { required: 2, existing: 2, unassigned: [{ pupilId: 'p6', fullName: 'Новиков Пётр', since: '2026-10-01', cause: 'Приказ № 5-к' }], strays: [] };
    expect(needsAttention(s)).toBe(true);
    expect(describeAttention('5Б', 'Английский язык', s)).toEqual(['5Б, «Английский язык»: не распределены по подгруппам — Новиков Пётр (в классе с 01.10.2026)']);
    expect(needsAttention({ required: 2, existing: 2, unassigned: [], strays: [] })).toBe(false);
    expect(describeAttention('5Б', 'Информатика', { required: 2, existing: 0, unassigned: [], strays: [] })).toEqual(['5Б, «Информатика»: по плану 2 подгруппы, создано 0']);
  });
});

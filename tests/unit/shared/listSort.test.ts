import { describe, expect, it } from 'vitest';
import { compareCells, nextSort, sortRows, type SortValue } from '../../../src-shared/domain/listSort';

const sorted = (values: SortValue[], direction: 'asc' | 'desc' = 'asc') => [...values].sort((a, b) => compareCells(a, b, direction));

describe('the list comparer (issue 24: sort by any column)', () => {
  it('puts «Ё» beside «Е», not before «А» or after «Я», and ignores case', () => {
    expect(sorted(['Жуков', 'Ёлкин', 'Абрамов', 'Ельцин', 'Яковлев', 'елкин', 'Ежов'])).toEqual(['Абрамов', 'Ежов', 'елкин', 'Ёлкин', 'Ельцин', 'Жуков', 'Яковлев']);
  });

  it('compares numbers inside text as numbers: «2А» < «9Б» < «10А» < «11В»', () => {
    expect(sorted(['10А', '11В', '2А', '9Б', '1Б', '1А'])).toEqual(['1А', '1Б', '2А', '9Б', '10А', '11В']);
    expect(sorted(['каб. 105', 'каб. 21', 'каб. 3'])).toEqual(['каб. 3', 'каб. 21', 'каб. 105']);
  });

  it('compares numbers as numbers and ISO dates as dates', () => {
    expect(sorted([100, 9, 25, 0, -3])).toEqual([-3, 0, 9, 25, 100]);
    expect(sorted(['2015-03-01', '2009-12-31', '2015-02-28', '2010-01-01'])).toEqual(['2009-12-31', '2010-01-01', '2015-02-28', '2015-03-01']);
    expect(sorted(['2015-03-01', '2009-12-31', '2015-02-28'], 'desc')).toEqual(['2015-03-01', '2015-02-28', '2009-12-31']);
  });

  it('puts empty cells last in both directions', () => {
    expect(sorted(['Б', null, 'А', '', '  ', 'В'])).toEqual(['А', 'Б', 'В', null, '', '  ']);
    expect(sorted(['Б', null, 'А', '', 'В'], 'desc')).toEqual(['В', 'Б', 'А', null, '']);
    expect(sorted([3, null, 1], 'desc')).toEqual([3, 1, null]);
  });

  it('breaks ties by id ascending in both directions, so pages never repeat or lose a row', () => {
    const rows = [
      { id: 'c', v: 'Иванов' },
      { id: 'a', v: 'Иванов' },
      { id: 'b', v: 'Абрамов' },
      { id: 'd', v: null },
      { id: '0', v: null },
    ];
    expect(sortRows(rows, (r) => r.v, 'asc', (r) => r.id).map((r) => r.id)).toEqual(['b', 'a', 'c', '0', 'd']);
    expect(sortRows(rows, (r) => r.v, 'desc', (r) => r.id).map((r) => r.id)).toEqual(['a', 'c', 'b', '0', 'd']);
    expect(rows.map((r) => r.id)).toEqual(['c', 'a', 'b', 'd', '0']);
  });

  it('a click on the same head reverses, on another starts ascending', () => {
    expect(nextSort(null, 'lastName')).toEqual({ column: 'lastName', direction: 'asc' });
    expect(nextSort({ column: 'lastName', direction: 'asc' }, 'lastName')).toEqual({ column: 'lastName', direction: 'desc' });
    expect(nextSort({ column: 'lastName', direction: 'desc' }, 'lastName')).toEqual({ column: 'lastName', direction: 'asc' });
    expect(nextSort({ column: 'lastName', direction: 'desc' }, 'birthDate')).toEqual({ column: 'birthDate', direction: 'asc' });
  });
});

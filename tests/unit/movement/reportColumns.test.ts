import { describe, expect, it } from 'vitest';
import { expectedTargetGrade, formatOrderNumber, needsFromClass, needsToClass, ORDER_TYPES, ORDER_TYPE_INFO } from '../../../src-shared/domain/movement/orderTypes';
import { arrivalColumn, departureColumn, emptyMovement, reconciles, sumMovement } from '../../../src-shared/domain/movement/reportColumns';

describe('order types and numbers', () => {
  it('formats numbers with the series suffix', () => {
    expect(formatOrderNumber(12, 'у')).toBe('12-у');
    expect(formatOrderNumber(3, '')).toBe('3');
  });

  it('knows which classes an item needs and where annual moves lead', () => {
    expect(needsToClass('enroll') && !needsFromClass('enroll')).toBe(true);
    expect(needsFromClass('withdraw') && !needsToClass('withdraw')).toBe(true);
    expect(needsFromClass('transfer') && needsToClass('transfer')).toBe(true);
    expect(expectedTargetGrade('promote', 5)).toBe(6);
    expect(expectedTargetGrade('conditionalPromote', 7)).toBe(8);
    expect(expectedTargetGrade('repeatYear', 5)).toBe(5);
    expect(expectedTargetGrade('transfer', 5)).toBeNull();
    // Default suffixes differ, so each type has its own sequence until the school merges them.
    expect(new Set(ORDER_TYPES.map((t) => ORDER_TYPE_INFO[t].defaultSuffix)).size).toBe(ORDER_TYPES.length);
  });
});

describe('movement report columns', () => {
  it('classifies arrivals and departures by the order behind them', () => {
    expect(arrivalColumn('enroll', 'otherSchool')).toBe('otherSchool');
    expect(arrivalColumn('enroll', 'continuing')).toBe('annual');
    expect(arrivalColumn('enroll', 'contingent')).toBe('other');
    expect(arrivalColumn('promote', null)).toBe('annual');
    expect(arrivalColumn(null, null)).toBe('other');
    expect(departureColumn('withdraw', 'college')).toBe('college');
    expect(departureColumn('withdraw', null)).toBe('otherWithdraw');
    expect(departureColumn('graduate', null)).toBe('graduate');
    expect(departureColumn('repeatYear', null)).toBe('annual');
  });

  it('sums rows keeping the pupils behind every number, and checks start + arrived − left = end', () => {
    const a = emptyMovement();
    a.start.push('p1', 'p2');
    a.departures.sameRegion.push({ pupilId: 'p2', date: '2026-10-01', orderNumber: '1-в', detail: '' });
    a.end.push('p1');
    const b = emptyMovement();
    b.arrivals.otherSchool.push({ pupilId: 'p3', date: '2026-10-02', orderNumber: '2-з', detail: '' });
    b.end.push('p3');
    expect(reconciles(a) && reconciles(b)).toBe(true);
    const sum = sumMovement([a, b]);
    expect(sum.start).toEqual(['p1', 'p2']);
    expect(sum.end).toEqual(['p1', 'p3']);
    expect(reconciles(sum)).toBe(true);
    b.end.pop();
    expect(reconciles(b)).toBe(false);
  });
});

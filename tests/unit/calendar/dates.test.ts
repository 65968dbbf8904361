import { describe, expect, it } from 'vitest';
import {
  addDays,
  dateRange,
  diffDays,
  formatRu,
  isIsoDate,
  isoFromLocalDate,
  parseIsoDate,
  parseRu,
  weekday,
} from '../../../src-shared/domain/calendar';

describe('dates', () => {
  it('validates ISO dates including leap years', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2100-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
    expect(isIsoDate(20260101)).toBe(false);
    expect(() => parseIsoDate('01.01.2026')).toThrow(/ГГГГ-ММ-ДД/);
  });

  it('computes ISO weekdays (1 = Monday … 7 = Sunday)', () => {
    expect(weekday('2026-01-01')).toBe(4);
    expect(weekday('2026-02-20')).toBe(5);
    expect(weekday('2026-10-31')).toBe(6);
    expect(weekday('2026-03-08')).toBe(7);
    expect(weekday('2025-11-03')).toBe(1);
  });

  it('adds days across months, years and DST switches', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    // Dates around European/American DST switches must still move by exactly one day.
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
    expect(() => addDays('2026-01-01', 0.5)).toThrow();
  });

  it('measures differences and ranges inclusively', () => {
    expect(diffDays('2026-01-01', '2027-01-01')).toBe(365);
    expect(diffDays('2026-03-10', '2026-03-01')).toBe(-9);
    expect(dateRange('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(dateRange('2026-03-02', '2026-03-01')).toEqual([]);
  });

  it('formats and reads the Russian дд.мм.гггг form', () => {
    expect(formatRu('2026-01-09')).toBe('09.01.2026');
    expect(parseRu('9.1.2026')).toBe('2026-01-09');
    expect(parseRu(' 31.12.2026 ')).toBe('2026-12-31');
    expect(parseRu('31.02.2026')).toBeNull();
    expect(parseRu('2026-01-09')).toBeNull();
    expect(isoFromLocalDate(new Date(2026, 4, 11, 23, 59))).toBe('2026-05-11');
  });
});

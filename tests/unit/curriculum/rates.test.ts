import { describe, expect, it } from 'vitest';
import { DEFAULT_LOAD_SETTINGS, describeLoad, formatRates, loadStatus, ratesOf } from '../../../src-shared/domain/curriculum/rates';

describe('rates (ставки)', () => {
  it('a teacher at 27 hours shows 1.5 rates at 18 hours a rate', () => {
    expect(ratesOf(27, 18)).toBe(1.5);
    expect(formatRates(ratesOf(27, 18))).toBe('1,5 ставки');
    expect(describeLoad(27, DEFAULT_LOAD_SETTINGS)).toBe('27 ч в неделю = 1,5 ставки (18 ч = 1 ставка)');
  });

  it('uses the configured hours of a rate', () => {
    expect(ratesOf(27, 20)).toBe(1.35);
    expect(ratesOf(18, 18)).toBe(1);
    expect(formatRates(1)).toBe('1 ставка');
    expect(formatRates(2)).toBe('2 ставки');
    expect(formatRates(0.25)).toBe('0,25 ставки');
    expect(ratesOf(5, 0)).toBe(0);
  });

  it('marks overload above the bound and underload below the teacher’s own rate', () => {
    expect(loadStatus(27, DEFAULT_LOAD_SETTINGS)).toBe('ok');
    expect(loadStatus(28, DEFAULT_LOAD_SETTINGS)).toBe('over');
    expect(loadStatus(28, { hoursPerRate: 18, maxRates: 2 })).toBe('ok');
    expect(loadStatus(12, DEFAULT_LOAD_SETTINGS)).toBe('under');
    expect(loadStatus(12, DEFAULT_LOAD_SETTINGS, 0.5)).toBe('ok');
    expect(loadStatus(0, DEFAULT_LOAD_SETTINGS)).toBe('none');
    expect(describeLoad(30, DEFAULT_LOAD_SETTINGS)).toContain('перегрузка — больше 1,5 ставки');
    expect(describeLoad(37, { hoursPerRate: 18, maxRates: 2 })).toBe('37 ч в неделю = 2,06 ставки (18 ч = 1 ставка): перегрузка — больше 2 ставок');
    expect(describeLoad(10, DEFAULT_LOAD_SETTINGS)).toBe('10 ч в неделю = 0,56 ставки (18 ч = 1 ставка): недогрузка — меньше 1 ставки по должности (18 ч)');
    expect(describeLoad(6, DEFAULT_LOAD_SETTINGS, 0.5)).toBe('6 ч в неделю = 0,33 ставки (18 ч = 1 ставка): недогрузка — меньше 0,5 ставки по должности (9 ч)');
  });
});

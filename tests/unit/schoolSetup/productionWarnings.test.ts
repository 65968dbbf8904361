import { describe, expect, it } from 'vitest';
import data from '../../../assets/production-calendar.json';
import { loadProductionCalendar } from '../../../src-shared/domain/calendar';
import { productionCalendarWarnings } from '../../../src-shared/domain/schoolSetup/productionWarnings';

const cal = loadProductionCalendar(data);

describe('production calendar warning', () => {
  it('is silent when this and next year are official', () => {
    expect(productionCalendarWarnings(cal, '2025-06-01')).toEqual([]);
  });

  it('warns about a forecast next year and a missing one', () => {
    const w2026 = productionCalendarWarnings(cal, '2026-11-29');
    expect(w2026.map((w) => [w.year, w.kind])).toEqual([[2027, 'forecast']]);
    expect(w2026[0].message).toMatch(/на 2027 год — прогноз/);
    expect(w2026[0].message).toMatch(/Администрирование → Производственный календарь/);
    const w2027 = productionCalendarWarnings(cal, '2027-01-10');
    expect(w2027.map((w) => [w.year, w.kind])).toEqual([
      [2027, 'forecast'],
      [2028, 'missing'],
    ]);
    expect(w2027[1].message).toMatch(/нет данных за 2028 год/);
  });
});

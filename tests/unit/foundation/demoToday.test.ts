import { describe, expect, it } from 'vitest';
import { generateSchool } from '../../../src-main/core/demo/generateSchool';

/** Issue 24 item 9: the demo made on 05.12.2026 had signed orders dated up to 12.05.2027. */
describe('the demo school relative to today', () => {
  const opts = { classesPerGrade: 1, classSize: 20 };
  const kinds = (s: ReturnType<typeof generateSchool>) => s.movement.orders.flatMap((o) => o.items.map((i) => `${o.type}:${i.pupilId}`)).sort();

  it('dates no order and no movement after the day it is made for, keeping the same events', () => {
    const december = generateSchool({ ...opts, today: '2026-12-05' });
    const wholeYear = generateSchool({ ...opts, today: '2027-08-31' });
    const dates = december.movement.orders.map((o) => o.orderDate);
    expect(dates.every((d) => d <= '2026-12-05'), dates.filter((d) => d > '2026-12-05').join(', ')).toBe(true);
    expect(december.movement.orders.flatMap((o) => o.items).every((i) => i.effectiveDate <= '2026-12-05')).toBe(true);
    // Signed in date order: numbers given in order of signing run with the dates.
    expect([...dates].sort()).toEqual(dates);
    // The same arrivals, transfers and departures of the same pupils, only earlier.
    expect(kinds(december)).toEqual(kinds(wholeYear));
    expect(wholeYear.movement.orders.some((o) => o.orderDate > '2026-12-05')).toBe(true);
  });
});

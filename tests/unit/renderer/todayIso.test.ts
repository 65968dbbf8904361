import { afterEach, describe, expect, it } from 'vitest';
import { todayIso } from '../../../src-renderer/components/format';

// The Замены page opens on «today»: the date on the office's wall calendar. It used the UTC date,
// which lags a day behind Moscow from 00:00 to 03:00 (and behind Vladivostok until 10:00): a завуч
// preparing the morning's замены early got yesterday's list.
const saved = process.env.TZ;
afterEach(() => {
  process.env.TZ = saved;
});

describe('todayIso — today on this PC’s calendar', () => {
  it('is Moscow’s date in the small hours, when the UTC date is still yesterday', () => {
    process.env.TZ = 'Europe/Moscow';
    const at = new Date('2026-09-14T22:30:00Z'); // 01:30 on 15.09 in Moscow
    expect(at.toISOString().slice(0, 10)).toBe('2026-09-14');
    expect(todayIso(at)).toBe('2026-09-15');
  });

  it('is Vladivostok’s date in the morning, ten hours ahead of UTC', () => {
    process.env.TZ = 'Asia/Vladivostok';
    expect(todayIso(new Date('2026-03-01T20:00:00Z'))).toBe('2026-03-02');
  });

  it('is the same as the UTC date at noon in Moscow', () => {
    process.env.TZ = 'Europe/Moscow';
    expect(todayIso(new Date('2026-12-31T09:00:00Z'))).toBe('2026-12-31');
  });
});

import { describe, expect, it } from 'vitest';
import { formatRuDate, parseRuDate } from '../../../src-shared/domain/ruDate';
import { checkBirthDate } from '../../../src-shared/domain/personRules';

describe('formatRuDate', () => {
  it('writes an ISO date as дд.мм.гггг and reads back through parseRuDate unchanged', () => {
    expect(formatRuDate('2026-09-01')).toBe('01.09.2026');
    for (const iso of ['2024-02-29', '2026-12-31', '2027-01-05']) expect(parseRuDate(formatRuDate(iso))).toEqual({ ok: true, iso });
  });
});

describe('parseRuDate', () => {
  it('reads the usual spellings of a real date', () => {
    expect(parseRuDate('05.12.2026')).toEqual({ ok: true, iso: '2026-12-05' });
    expect(parseRuDate('5.9.2026')).toEqual({ ok: true, iso: '2026-09-05' });
    expect(parseRuDate('05122026')).toEqual({ ok: true, iso: '2026-12-05' });
    expect(parseRuDate('2026-12-05')).toEqual({ ok: true, iso: '2026-12-05' });
    expect(parseRuDate(' 29.02.2024 ')).toEqual({ ok: true, iso: '2024-02-29' });
    expect(parseRuDate('')).toEqual({ ok: true, iso: null });
  });
  it('refuses impossible dates by name instead of rolling them over to another day', () => {
    for (const t of ['31.02.2020', '29.02.2023', '31.04.2026', '00.01.2026', '01.13.2026', '31022020', '2020-02-31']) {
      expect(parseRuDate(t), t).toEqual({ ok: false, error: `такой даты нет: ${t}` });
    }
  });
  it('refuses what is no date at all, quoting it', () => {
    for (const t of ['31.02.20', 'завтра', '1/2/2026', '2026.02.01']) {
      const r = parseRuDate(t);
      expect(r.ok, t).toBe(false);
      if (!r.ok) expect(r.error).toContain(`«${t}»`);
    }
  });
  it('a birth date handed over as typed is reported as the impossible date, not as a missing one', () => {
    expect(checkBirthDate('pupil', '31.02.2020', '2026-12-05')).toBe('такой даты нет: 31.02.2020');
    expect(checkBirthDate('pupil', '2019-05-03', '2026-12-05')).toBeNull();
  });
});

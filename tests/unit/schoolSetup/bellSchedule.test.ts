import { describe, expect, it } from 'vitest';
import { checkBellSchedule, generateBells } from '../../../src-shared/domain/schoolSetup/bellSchedule';

const regular = generateBells({ start: '08:30', count: 6, length: 40, shortBreak: 10, longBreak: 20, longAfter: [2, 3] });

describe('bell schedule', () => {
  it('generates a regular day and computes its breaks', () => {
    expect(regular.slice(0, 3)).toEqual([
      { number: 1, start: '08:30', end: '09:10' },
      { number: 2, start: '09:20', end: '10:00' },
      { number: 3, start: '10:20', end: '11:00' },
    ]);
    const r = checkBellSchedule(regular);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.breaks.map((b) => b.minutes)).toEqual([10, 20, 20, 10, 10]);
  });

  it('refuses overlapping lessons, naming both', () => {
    const bad = regular.map((l) => (l.number === 3 ? { ...l, start: '09:55' } : l));
    expect(checkBellSchedule(bad).errors).toEqual(['урок 2 (09:20–10:00) и урок 3 (09:55–11:00) пересекаются']);
  });

  it('refuses a lesson ending before it starts, a duplicate and a missing number', () => {
    expect(checkBellSchedule([{ number: 1, start: '09:00', end: '08:15' }]).errors).toEqual(['урок 1: окончание 08:15 не позже начала 09:00']);
    expect(checkBellSchedule([...regular.slice(0, 2), { number: 2, start: '11:00', end: '11:40' }]).errors).toContain('урок 2 указан дважды');
    expect(checkBellSchedule([regular[0], regular[2]]).errors).toEqual(['пропущен урок 2: номера уроков идут подряд с 1']);
    expect(checkBellSchedule([]).errors).toEqual(['нет ни одного урока']);
    expect(checkBellSchedule([{ number: 1, start: '8:30', end: '09:10' }]).errors[0]).toMatch(/ЧЧ:ММ/);
  });

  it('warns about the SanPiN regime without refusing', () => {
    const r = checkBellSchedule([
      { number: 1, start: '07:45', end: '08:35' },
      { number: 2, start: '08:40', end: '09:25' },
      { number: 3, start: '09:35', end: '10:20' },
      { number: 4, start: '18:30', end: '19:10' },
    ]);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([
      'урок 1 (07:45–08:35) длится 50 мин — больше 45 минут (СП 2.4.3648-20)',
      'перемена после урока 1 — 5 мин, меньше 10 минут (СП 2.4.3648-20)',
      'первый урок начинается в 07:45 — раньше 08:00 (СП 2.4.3648-20)',
      'последний урок заканчивается в 19:10 — позже 19:00 (СП 2.4.3648-20)',
    ]);
    const noLongBreak = generateBells({ start: '08:30', count: 5, length: 40, shortBreak: 10, longBreak: 10, longAfter: [] });
    expect(checkBellSchedule(noLongBreak).warnings[0]).toMatch(/нет ни одной перемены 20 минут/);
  });
});

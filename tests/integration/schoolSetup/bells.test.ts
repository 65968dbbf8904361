import { afterEach, beforeEach, expect, it } from 'vitest';
import { generateBells } from '../../../src-shared/domain/schoolSetup/bellSchedule';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';
import { auditCount, createYear, refused } from './setupHelpers';

const weekday = generateBells({ start: '08:30', count: 7, length: 40, shortBreak: 10, longBreak: 20, longAfter: [2, 3] });
const saturday = generateBells({ start: '08:30', count: 5, length: 35, shortBreak: 10, longBreak: 20, longAfter: [2] });
const second = generateBells({ start: '13:30', count: 6, length: 40, shortBreak: 10, longBreak: 20, longAfter: [2] });

describeEachDb('bell schedules', (kind) => {
  let t: TestCore;
  let yearId: string;
  beforeEach(async () => {
    t = await createTestCore(kind);
    yearId = (await createYear(t)).id;
  });
  afterEach(async () => {
    await t.cleanup();
  });

  const save = (name: string, shift: 1 | 2, weekdays: number[], lessons: typeof weekday, id: string | null = null, version = 0) =>
    t.client.call('setup.bells.save', { yearId, id, version, schedule: { name, shift, weekdays, lessons } });

  it('keeps two shifts and a shortened Saturday, with breaks', async () => {
    await save('1 смена', 1, [1, 2, 3, 4, 5], weekday);
    await save('1 смена, суббота', 1, [6], saturday);
    const r = await save('2 смена', 2, [1, 2, 3, 4, 5], second);
    expect(r.warnings).toEqual([]);
    const { schedules } = await t.client.call('setup.bells.list', { yearId });
    expect(schedules.map((s) => [s.name, s.shift, s.weekdays.join(''), s.lessons.length])).toEqual([
      ['1 смена', 1, '12345', 7],
      ['1 смена, суббота', 1, '6', 5],
      ['2 смена', 2, '12345', 6],
    ]);
    expect(schedules[0].breaks.slice(0, 3)).toEqual([
      { after: 1, minutes: 10 },
      { after: 2, minutes: 20 },
      { after: 3, minutes: 20 },
    ]);
    expect(schedules[1].lessons[4]).toEqual({ number: 5, start: '11:40', end: '12:15' });
  });

  it('refuses overlapping lessons and a weekday already covered for the shift; nothing saved', async () => {
    const first = await save('1 смена', 1, [1, 2, 3, 4, 5], weekday);
    const before = await auditCount(t);
    const overlapping = weekday.map((l) => (l.number === 4 ? { ...l, start: '10:50' } : l));
    const err = await refused(save('1 смена', 1, [1, 2, 3, 4, 5], overlapping, first.schedule.id, first.schedule.version));
    expect(err.message).toBe('Расписание звонков «1 смена»: урок 3 (10:20–11:00) и урок 4 (10:50–12:00) пересекаются. Ничего не сохранено.');
    const clash = await refused(save('Пятница', 1, [5, 6], saturday));
    expect(clash.message).toBe('Расписание звонков «Пятница»: для 1 смены по пятницам уже действует расписание «1 смена». Ничего не сохранено.');
    const zero = await refused(save('Нулевой', 2, [6], [{ number: 0, start: '07:30', end: '08:10' }]));
    expect(zero.message).toMatch(/поле «Строка 1: номер урока»: номер урока — от 1 \(нулевых уроков нет\)/);
    expect(await auditCount(t)).toBe(before);
    const { schedules } = await t.client.call('setup.bells.list', { yearId });
    expect(schedules[0].lessons[3].start).toBe('11:20');
  });

  it('warns about SanPiN but saves a long lesson and a late end', async () => {
    const r = await save('2 смена', 2, [1, 2, 3, 4, 5], generateBells({ start: '14:00', count: 6, length: 50, shortBreak: 10, longBreak: 20, longAfter: [2] }));
    expect(r.warnings[0]).toBe('урок 1 (14:00–14:50) длится 50 мин — больше 45 минут (СП 2.4.3648-20)');
    expect(r.warnings).toContain('последний урок заканчивается в 20:00 — позже 19:00 (СП 2.4.3648-20)');
    expect(await t.client.call('setup.bells.delete', { id: r.schedule.id, version: r.schedule.version })).toEqual({ deleted: true });
  });
});

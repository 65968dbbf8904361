import ExcelJS from 'exceljs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { classSchoolDaysBetween } from '../../../src-main/core/schoolSetup/repo/schoolCalendar';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';
import { QUARTERS, addHolidays, addStaff, auditCount, createYear, refused } from './setupHelpers';

describeEachDb('school calendar', (kind) => {
  let t: TestCore;
  let yearId: string;
  beforeEach(async () => {
    t = await createTestCore(kind);
    yearId = (await createYear(t)).id;
  });
  afterEach(async () => {
    await t.cleanup();
  });

  it('refuses a holiday outside the year with a Russian message naming it, and saves nothing', async () => {
    const before = await auditCount(t);
    const err = await refused(
      t.client.call('calendar.entries.save', { yearId, id: null, version: 0, entry: { kind: 'holiday', name: 'Летние каникулы', startDate: '2027-05-27', endDate: '2027-08-31' } }),
    );
    expect(err.message).toBe(
      'Каникулы «Летние каникулы» (27.05.2027–31.08.2027) выходят за пределы учебного года 2026/2027 (01.09.2026–26.05.2027). Ничего не сохранено.',
    );
    const reversed = await refused(
      t.client.call('calendar.entries.save', { yearId, id: null, version: 0, entry: { kind: 'holiday', name: 'Осенние', startDate: '2026-11-01', endDate: '2026-10-24' } }),
    );
    expect(reversed.message).toBe('Каникулы / выходной день, поле «Дата окончания»: дата окончания раньше даты начала. Ничего не сохранено.');
    expect(await auditCount(t)).toBe(before);
    expect((await t.client.call('calendar.entries.list', { yearId })).entries).toEqual([]);
  });

  it('keeps holidays for all grades and for grade 1 only, and warns about overlaps', async () => {
    await addHolidays(t, yearId);
    const { entries } = await t.client.call('calendar.entries.list', { yearId });
    expect(entries.map((e) => [e.name, e.grades])).toEqual([
      ['Осенние каникулы', 'all'],
      ['Зимние каникулы', 'all'],
      ['Дополнительные каникулы', [1]],
      ['Весенние каникулы', 'all'],
    ]);
    const { warnings } = await t.client.call('calendar.entries.save', {
      yearId,
      id: null,
      version: 0,
      entry: { kind: 'dayOff', name: 'Карантин', startDate: '2026-10-30', endDate: '2026-11-03', grades: [5, 6] },
    });
    expect(warnings).toEqual(['Пересекается с записью «Осенние каникулы» (24.10.2026–01.11.2026)']);
    const view1 = await t.client.call('calendar.view', { yearId, grade: 1 });
    const view2 = await t.client.call('calendar.view', { yearId, grade: 2 });
    const day = (v: typeof view1, d: string) => v.days.find((x) => x.date === d);
    expect(day(view1, '2027-02-16')).toMatchObject({ kind: 'holiday', label: 'Дополнительные каникулы' });
    expect(day(view2, '2027-02-16')).toMatchObject({ kind: 'school' });
    expect(view1.schoolDays).toBe(view2.schoolDays - 5);
    expect(view2.holidays.map((h) => h.name)).not.toContain('Дополнительные каникулы');
    expect(view1.holidays.find((h) => h.name === 'Дополнительные каникулы')?.days).toBe(9);
  });

  it('makes a Saturday a school day on Monday’s timetable and refuses a pointless transfer', async () => {
    await addHolidays(t, yearId);
    const { transfer } = await t.client.call('calendar.transfers.save', {
      yearId,
      id: null,
      version: 0,
      transfer: { date: '2026-11-14', worksAs: 1, dayOff: '2026-11-02', reason: 'Продление осенних каникул', orderRef: '№ 112 от 20.10.2026' },
    });
    expect(transfer).toMatchObject({ date: '2026-11-14', worksAs: 1, dayOff: '2026-11-02', grades: 'all' });
    const view = await t.client.call('calendar.view', { yearId, grade: 5 });
    expect(view.days.find((d) => d.date === '2026-11-14')).toMatchObject({ kind: 'school', worksAs: 1, label: 'Продление осенних каникул' });
    // The same answer for one class, straight from the database (deadlines and reports use this).
    const { created } = await t.client.call('setup.classes.createMany', { yearId, grades: [5, 10], letters: ['А'] });
    expect(created).toEqual(['5А', '10А']);
    const [c5, c10] = (await t.client.call('setup.classes.list', { yearId })).classes;
    expect(await classSchoolDaysBetween(t.core.db, c5.id, '2026-11-02', '2026-11-15')).toEqual([
      '2026-11-03', '2026-11-05', '2026-11-06', '2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13', '2026-11-14',
    ]);
    // Six-day 10А also has its ordinary Saturday 7 November.
    expect(await classSchoolDaysBetween(t.core.db, c10.id, '2026-11-02', '2026-11-08')).toEqual(['2026-11-03', '2026-11-05', '2026-11-06', '2026-11-07']);
    expect(view.days.find((d) => d.date === '2026-11-02')).toMatchObject({ kind: 'dayOff', label: 'Учебный день перенесён на 14.11.2026' });

    const before = await auditCount(t);
    const onSchoolDay = await refused(t.client.call('calendar.transfers.save', { yearId, id: null, version: 0, transfer: { date: '2026-11-13', worksAs: 1, grades: [5] } }));
    expect(onSchoolDay.message).toBe(
      'Перенос учебного дня на 13.11.2026: 13.11.2026 (пятница) — уже учебный день для 5 кл., переносить на него нечего. Ничего не сохранено.',
    );
    const twice = await refused(t.client.call('calendar.transfers.save', { yearId, id: null, version: 0, transfer: { date: '2026-11-14', worksAs: 2 } }));
    expect(twice.message).toBe('Перенос учебного дня: на 14.11.2026 уже есть перенос для тех же классов. Ничего не сохранено.');
    const sunday = await refused(t.client.call('calendar.transfers.save', { yearId, id: null, version: 0, transfer: { date: '2026-11-15', worksAs: 7 } }));
    expect(sunday.message).toMatch(/поле «По расписанию дня»: день недели — с понедельника по субботу/);
    expect(await auditCount(t)).toBe(before);
  });

  it('keeps school and class events with time and a responsible person', async () => {
    const [teacher] = await addStaff(t, [['Кузнецова', 'Мария', 'Ивановна']]);
    const { created } = await t.client.call('setup.classes.createMany', { yearId, grades: [5], letters: ['А', 'Б'] });
    expect(created).toEqual(['5А', '5Б']);
    const classes = (await t.client.call('setup.classes.list', { yearId })).classes;
    await t.client.call('calendar.events.save', {
      yearId,
      id: null,
      version: 0,
      event: { title: 'День знаний', date: '2026-09-01', startTime: '09:00', endTime: '10:00', place: 'Школьный двор', responsibleStaffId: teacher },
    });
    const { event } = await t.client.call('calendar.events.save', {
      yearId,
      id: null,
      version: 0,
      event: { title: 'Экскурсия в музей', date: '2026-10-15', startTime: '12:00', classId: classes[0].id, responsibleStaffId: teacher },
    });
    expect(event).toMatchObject({ className: '5А', responsibleName: 'Кузнецова М. И.', startTime: '12:00', endTime: null });
    const outside = await refused(t.client.call('calendar.events.save', { yearId, id: null, version: 0, event: { title: 'Выпускной', date: '2027-06-25' } }));
    expect(outside.message).toBe('Мероприятие «Выпускной»: дата 25.06.2027 вне учебного года 2026/2027 (01.09.2026–26.05.2027). Ничего не сохранено.');
    const badTime = await refused(t.client.call('calendar.events.save', { yearId, id: null, version: 0, event: { title: 'Концерт', date: '2026-12-25', startTime: '15:00', endTime: '14:00' } }));
    expect(badTime.message).toBe('Мероприятие, поле «Окончание»: окончание раньше начала. Ничего не сохранено.');

    const viewA = await t.client.call('calendar.view', { yearId, grade: 5, classId: classes[0].id });
    const viewB = await t.client.call('calendar.view', { yearId, grade: 5, classId: classes[1].id });
    expect(viewA.className).toBe('5А');
    expect(viewA.days.find((d) => d.date === '2026-10-15')?.events.map((e) => e.title)).toEqual(['5А: Экскурсия в музей']);
    expect(viewB.days.find((d) => d.date === '2026-10-15')?.events).toEqual([]);
    expect(viewB.days.find((d) => d.date === '2026-09-01')?.events.map((e) => e.title)).toEqual(['День знаний']);
  });

  it('exports the «Календарный учебный график» with the right dates', async () => {
    await addHolidays(t, yearId);
    await t.client.call('setup.periods.save', { yearId, id: null, version: 0, scheme: { name: 'Четверти', kind: 'quarters', grades: [1, 2, 3, 4, 5, 6, 7, 8, 9], periods: QUARTERS } });
    await t.client.call('calendar.transfers.save', { yearId, id: null, version: 0, transfer: { date: '2026-11-14', worksAs: 1, dayOff: '2026-11-02' } });
    await t.client.call('setup.classes.createMany', { yearId, grades: [1, 5, 10], letters: ['А'] });
    const file = await t.client.call('calendar.export', { yearId });
    expect(file.fileName).toBe('Календарный учебный график 2026-2027.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('График');
    if (!ws) throw new Error('no sheet');
    const rows: unknown[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const row = (first: string) => rows.find((r) => r[0] === first);
    const iso = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v);
    expect(iso(row('Начало учебного года')?.[1])).toBe('2026-09-01');
    expect(iso(row('Окончание учебного года')?.[1])).toBe('2027-05-26');
    expect(row('3 четверть')?.map(iso).slice(0, 4)).toEqual(['3 четверть', '2027-01-12', '2027-03-26', 52]);
    expect(row('3 четверть')?.[5]).toBe('1 кл.: 47 дн.');
    expect(row('Дополнительные каникулы')?.map(iso)).toEqual(['Дополнительные каникулы', '2027-02-13', '2027-02-21', 9, '1 кл.', '']);
    expect(row('1 кл.')?.slice(0, 2)).toEqual(['1 кл.', 5]);
    expect(row('10 кл.')?.slice(0, 2)).toEqual(['10 кл.', 6]);
    const transfer = rows.find((r) => iso(r[0]) === '2026-11-14');
    expect(transfer?.map(iso).slice(0, 4)).toEqual(['2026-11-14', 'Пн', '2026-11-02', 'все классы']);
    const grid = wb.getWorksheet('Календарь');
    const nov: unknown[][] = [];
    grid?.eachRow((r) => nov.push((r.values as unknown[]).slice(1)));
    const novStart = nov.findIndex((r) => r[0] === 'Ноябрь 2026');
    const g5 = nov.slice(novStart).find((r) => r[0] === '5 кл.') as unknown[];
    expect(g5[2]).toBe('Д'); // 2 November freed by the transfer
    expect(g5[4]).toBe('П'); // 4 November
    expect(g5[14]).toBe('Пн'); // Saturday 14 November on Monday's timetable
    expect(g5[32]).toBe(20);
  });
});

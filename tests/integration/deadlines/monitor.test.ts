import { afterAll, beforeAll, expect, it } from 'vitest';
import { addDays } from '../../../src-shared/domain/calendar/dates';
import type { HomeView, JournalRow } from '../../../src-shared/contract/deadlines';
import { AppError } from '../../../src-shared/errors';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';
import { enrolByOrder } from '../people/enrol';
import { deadlineSchool, type DeadlineSchool } from './deadlineFixture';

const byRule = (rows: readonly JournalRow[], ruleKey: string) => rows.filter((r) => r.key.startsWith(`${ruleKey}|`));
const allHome = (h: HomeView) => [...h.late, ...h.dueToday, ...h.week, ...h.noDate];

describeEachDb('deadline monitor', (kind) => {
  let t: TestCore;
  let s: DeadlineSchool;

  beforeAll(async () => {
    t = await createTestCore(kind);
    s = await deadlineSchool(t);
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it('a new enrolment order creates the account task due in 3 working days, and handing the accounts over closes it', async () => {
    const mother = await t.client.call('people.parents.create', { lastName: 'Зайцева', firstName: 'Инна', middleName: 'Петровна', sex: 'Ж', birthDate: '1990-03-03' });
    const pupil = await t.client.call('people.pupils.create', { lastName: 'Зайцев', firstName: 'Глеб', middleName: 'Олегович', sex: 'М', birthDate: '2019-05-05', parents: [{ parentId: mother.id, relation: 'мать' }] });
    // Friday 4 September 2026 + 3 working days = Wednesday 9 September.
    await enrolByOrder(t.client, { pupilIds: [pupil.id], classId: s.class1A, orderDate: '2026-09-04', numberText: '7-з', enrollKind: 'first' });
    const accounts = (await t.client.call('accounts.list', { classId: s.class1A })).filter((a) => a.orderNumber === '7-з');
    expect(accounts.map((a) => a.dueDate)).toEqual(['2026-09-09', '2026-09-09']);

    const journal = async () => byRule((await s.users.director.call('deadlines.journal', { from: '2026-09-01', to: '2026-09-30' })).rows, 'accounts-pupils');
    const [open] = await journal();
    expect(open).toMatchObject({ title: 'Учётные записи портала обучающимся и родителям', dueDate: '2026-09-09', doneOn: null, section: '3.6' });
    expect(open.subject).toContain('№ 7-з');
    expect(open.status).toBe(s.today > '2026-09-09' ? 'late' : 'open');
    // It is the secretary's; the завуч does not see it among her own.
    const secretaryHome = await s.users.secretary.call('deadlines.home', {});
    if (s.today > '2026-09-09') expect(secretaryHome.late.map((x) => x.key)).toContain(open.key);
    expect(allHome(await s.users.deputy.call('deadlines.home', {})).map((x) => x.key)).not.toContain(open.key);

    const created = await t.client.call('accounts.recordCreated', { entries: accounts.map((a, i) => ({ id: a.id, version: a.version, login: `zaycev${i}`, password: null })), date: '2026-09-07' });
    const first = await s.users.secretary.call('accounts.handOver', { id: created[0].id, version: created[0].version, date: '2026-09-08', to: 'лично' });
    expect((await journal())[0]).toMatchObject({ doneOn: null, status: open.status });
    await s.users.secretary.call('accounts.handOver', { id: created[1].id, version: created[1].version, date: '2026-09-08', to: 'лично' });
    expect(first.handedOverBy).toBe('Тестовый secretary');
    expect((await journal())[0]).toMatchObject({ key: open.key, dueDate: '2026-09-09', doneOn: '2026-09-08', doneBy: 'Тестовый secretary', status: 'done', compliance: 'onTime' });
    expect(allHome(await s.users.secretary.call('deadlines.home', {})).map((x) => x.key)).not.toContain(open.key);
  });

  it('the end of a quarter makes the §3.10 report tasks for the next working days, per grade scheme', async () => {
    await t.client.call('setup.periods.save', {
      yearId: s.year2026,
      id: null,
      version: 0,
      scheme: {
        name: 'Четверти',
        kind: 'quarters',
        grades: [1, 2, 3, 4, 5, 6, 7, 8, 9],
        periods: [
          { name: '1 четверть', startDate: '2026-09-01', endDate: '2026-10-23' },
          { name: '2 четверть', startDate: '2026-11-02', endDate: '2026-12-30' },
          { name: '3 четверть', startDate: '2027-01-12', endDate: '2027-03-19' },
          { name: '4 четверть', startDate: '2027-03-29', endDate: '2027-05-26' },
        ],
      },
    });
    await t.client.call('setup.periods.save', {
      yearId: s.year2026,
      id: null,
      version: 0,
      scheme: { name: 'Полугодия', kind: 'halfYears', grades: [10, 11], periods: [{ name: '1 полугодие', startDate: '2026-09-01', endDate: '2026-12-30' }, { name: '2 полугодие', startDate: '2027-01-12', endDate: '2027-05-26' }] },
    });
    const october = (await s.users.director.call('deadlines.journal', { from: '2026-10-01', to: '2026-10-31' })).rows;
    // Friday 23 October: marks that day, the reports on Monday 26 and Tuesday 27.
    expect(byRule(october, 'period-reports-1').map((r) => [r.subject, r.dueDate])).toEqual([['1 четверть (1–9 кл.), окончание 23.10.2026', '2026-10-26']]);
    expect(byRule(october, 'period-reports-2').map((r) => r.dueDate)).toEqual(['2026-10-27']);
    expect(byRule(october, 'period-marks').map((r) => [r.dueDate, r.status])).toEqual([['2026-10-23', 'reminder']]);
    expect(byRule(october, 'period-reports-1')[0].owner).toBe('Завуч: Тестовый deputy');

    // 30 December: 31.12.2026 is a day off by the 2026 decree, then the New Year holidays of 2027.
    const winter = (await s.users.director.call('deadlines.journal', { from: '2027-01-01', to: '2027-01-31' })).rows;
    expect(byRule(winter, 'period-reports-1').map((r) => [r.subject.split(', окончание')[0], r.dueDate])).toEqual([
      ['1 полугодие (10, 11 кл.)', '2027-01-11'],
      ['2 четверть (1–9 кл.)', '2027-01-11'],
    ]);
    expect(byRule(winter, 'period-reports-2').map((r) => r.dueDate)).toEqual(['2027-01-12', '2027-01-12']);

    // The завуч ticks the first quarter's reports with a note; the journal names her.
    const task = byRule(october, 'period-reports-1')[0];
    const ticked = await s.users.deputy.call('deadlines.tasks.tick', { taskKey: task.key, note: 'Сформированы в портале', doneOn: '2026-10-26' });
    expect(ticked).toMatchObject({ status: 'done', doneOn: '2026-10-26', doneBy: 'Тестовый deputy', note: 'Сформированы в портале', canUntick: true });
    // The secretary may not tick the завуч's task; the director may tick for anyone.
    await expect(s.users.secretary.call('deadlines.tasks.tick', { taskKey: byRule(october, 'period-reports-2')[0].key, note: null })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(s.users.deputy.call('deadlines.tasks.tick', { taskKey: task.key, note: null })).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('an event entered less than two weeks ahead shows as late for the завуч, a class event for its class teacher', async () => {
    const soon = addDays(s.today, 3);
    const later = addDays(s.today, 30);
    const late = await s.users.deputy.call('calendar.events.save', { yearId: s.currentYear, id: null, version: 0, event: { title: 'Совещание при директоре', date: soon } });
    expect(late.warnings.join(' ')).toContain('позже срока');
    const onTime = await s.users.deputy.call('calendar.events.save', { yearId: s.currentYear, id: null, version: 0, event: { title: 'Концерт', date: later } });
    const classEvent = await s.users.deputy.call('calendar.events.save', { yearId: s.currentYear, id: null, version: 0, event: { title: 'Классный час', date: soon, classId: s.currentClass } });

    const deputy = await s.users.deputy.call('deadlines.home', {});
    const lateRow = deputy.late.find((x) => x.key === `school-events|event:${late.event.id}`);
    expect(lateRow).toMatchObject({ status: 'doneLate', doneOn: s.today, dueDate: addDays(soon, -14), doneBy: 'Тестовый deputy', canTick: false });
    expect(allHome(deputy).map((x) => x.key)).not.toContain(`school-events|event:${onTime.event.id}`);
    expect(allHome(deputy).map((x) => x.key)).not.toContain(`class-events|event:${classEvent.event.id}`);

    const teacher = await s.users.classTeacher.call('deadlines.home', {});
    expect(teacher.late.find((x) => x.key === `class-events|event:${classEvent.event.id}`)).toMatchObject({ status: 'doneLate', owner: 'Классный руководитель: Кузнецова М. И.' });
    expect(allHome(teacher).map((x) => x.key)).not.toContain(lateRow?.key);
    expect(teacher.standing.map((r) => r.key)).toEqual(['absence-reasons']);

    // The director sees everything, with owners.
    const director = await s.users.director.call('deadlines.home', {});
    expect(director.scope).toBe('all');
    expect(director.late.map((x) => x.key)).toEqual(expect.arrayContaining([lateRow?.key, `class-events|event:${classEvent.event.id}`]));
    expect(director.late.find((x) => x.key === lateRow?.key)?.owner).toBe('Завуч: Тестовый deputy');
    // The timetable of 15 September is checked in the data: no approved version covers 1А.
    const timetable = allHome(director).find((x) => x.key === `timetable|year:${s.year2026}`);
    if (s.today > '2026-09-15') expect(timetable).toMatchObject({ status: 'late', progress: 'нет утверждённого расписания', canTick: false, owner: 'Завуч: Тестовый deputy' });
  });

  it('refuses a rule with an unknown event or a negative offset, naming the field', async () => {
    const { rules } = await s.users.admin.call('deadlines.rules.list', {});
    const events = rules.find((r) => r.key === 'school-events')!;
    const input = { title: events.title, description: null, role: 'deputy', anchor: 'schoolEvent', monthDay: null, offset: 2, unit: 'weeks', direction: 'before', confirm: 'data', check: 'entered', section: '5.4', link: '/year', isActive: true } as const;
    const unknown = await s.users.admin.call('deadlines.rules.save', { key: events.key, version: events.version, rule: { ...input, anchor: 'lunarEclipse' as never } }).catch((e: AppError) => e);
    expect(unknown).toMatchObject({ code: 'VALIDATION' });
    expect((unknown as AppError).message).toContain('«От какого события считается срок»');
    const negative = await s.users.admin.call('deadlines.rules.save', { key: events.key, version: events.version, rule: { ...input, offset: -3 } }).catch((e: AppError) => e);
    expect((negative as AppError).message).toContain('«Срок»');
    const wrongCheck = await s.users.admin.call('deadlines.rules.save', { key: events.key, version: events.version, rule: { ...input, check: 'curriculum' } }).catch((e: AppError) => e);
    expect((wrongCheck as AppError).message).toContain('«Что проверяет программа»');
    await expect(s.users.deputy.call('deadlines.rules.save', { key: events.key, version: events.version, rule: input })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await s.users.admin.call('deadlines.rules.list', {})).rules.find((r) => r.key === 'school-events')).toMatchObject({ origin: 'shipped', offset: 2 });
  });

  it('a changed rule recomputes open tasks and open accounts, and keeps the history of done ones', async () => {
    const { rules } = await s.users.admin.call('deadlines.rules.list', {});
    const reports = rules.find((r) => r.key === 'period-reports-1')!;
    const oct = async () => byRule((await s.users.director.call('deadlines.journal', { from: '2026-10-01', to: '2027-01-31' })).rows, 'period-reports-1');
    const before = await oct();
    // 3 working days instead of 1: the open tasks move, the ticked first quarter keeps 26.10.2026.
    const saved = await s.users.admin.call('deadlines.rules.save', {
      key: reports.key,
      version: reports.version,
      rule: { title: reports.title, description: reports.description, role: 'deputy', anchor: 'periodEnd', monthDay: null, offset: 3, unit: 'workingDays', direction: 'after', confirm: 'owner', check: null, section: reports.section, link: null, isActive: true },
    });
    expect(saved.rule).toMatchObject({ origin: 'edited', offset: 3, term: 'не позднее 3 рабочих дней после окончания учебного периода', shippedTerm: 'не позднее 1 рабочего дня после окончания учебного периода' });
    const after = await oct();
    expect(after.map((r) => [r.subject.split(', окончание')[0], r.dueDate, r.status === 'done'])).toEqual([
      ['1 четверть (1–9 кл.)', '2026-10-26', true],
      ['1 полугодие (10, 11 кл.)', '2027-01-13', false],
      ['2 четверть (1–9 кл.)', '2027-01-13', false],
    ]);
    expect(before.filter((r) => r.status !== 'done').map((r) => r.dueDate)).toEqual(['2027-01-11', '2027-01-11']);

    // Accounts: 5 working days. The handed-over order keeps 09.09.2026; a new open one moves.
    const p = await t.client.call('people.pupils.create', { lastName: 'Лисицын', firstName: 'Егор', sex: 'М', birthDate: '2019-02-02' });
    await enrolByOrder(t.client, { pupilIds: [p.id], classId: s.class1A, orderDate: '2026-09-14', numberText: '9-з', enrollKind: 'first' });
    const acc = rules.find((r) => r.key === 'accounts-pupils')!;
    const moved = await s.users.admin.call('deadlines.rules.save', {
      key: acc.key,
      version: acc.version,
      rule: { title: acc.title, description: acc.description, role: 'secretary', anchor: 'enrolmentOrder', monthDay: null, offset: 5, unit: 'workingDays', direction: 'after', confirm: 'data', check: 'accounts', section: '3.6', link: '/accounts', isActive: true },
    });
    expect(moved.redated).toBe(1);
    const list = await t.client.call('accounts.list', { classId: s.class1A });
    expect(list.filter((a) => a.orderNumber === '9-з').map((a) => a.dueDate)).toEqual(['2026-09-21']);
    expect(list.filter((a) => a.orderNumber === '7-з').map((a) => a.dueDate)).toEqual(['2026-09-09', '2026-09-09']);
    // A task opened after the change follows the new rule too.
    const q = await t.client.call('people.pupils.create', { lastName: 'Волков', firstName: 'Иван', sex: 'М', birthDate: '2019-03-03' });
    await enrolByOrder(t.client, { pupilIds: [q.id], classId: s.class1A, orderDate: '2026-09-15', numberText: '10-з', enrollKind: 'first' });
    expect((await t.client.call('accounts.list', { classId: s.class1A })).filter((a) => a.orderNumber === '10-з').map((a) => a.dueDate)).toEqual(['2026-09-22']);

    // Back to the shipped rule: the first quarter's tick still keeps its date, the rest are 1 working day again.
    const current = (await s.users.admin.call('deadlines.rules.list', {})).rules.find((r) => r.key === 'period-reports-1')!;
    const reset = await s.users.admin.call('deadlines.rules.reset', { key: current.key, version: current.version });
    expect(reset.rule).toMatchObject({ origin: 'shipped', offset: 1 });
    expect((await oct()).map((r) => r.dueDate)).toEqual(['2026-10-26', '2027-01-11', '2027-01-11']);
  });

  it('switching a rule off keeps its done tasks in the journal as history', async () => {
    const { rules } = await s.users.admin.call('deadlines.rules.list', {});
    const acc = rules.find((r) => r.key === 'accounts-pupils')!;
    const off = await s.users.admin.call('deadlines.rules.save', {
      key: acc.key,
      version: acc.version,
      rule: { title: acc.title, description: acc.description, role: 'secretary', anchor: 'enrolmentOrder', monthDay: null, offset: acc.offset, unit: 'workingDays', direction: 'after', confirm: 'data', check: 'accounts', section: '3.6', link: '/accounts', isActive: false },
    });
    expect(off.frozen).toBe(1);
    const rows = byRule((await s.users.director.call('deadlines.journal', { from: '2026-09-01', to: '2026-09-30' })).rows, 'accounts-pupils');
    expect(rows.map((r) => [r.dueDate, r.doneOn, r.doneBy, r.historyOnly])).toEqual([['2026-09-09', '2026-09-08', 'Тестовый secretary', true]]);
    const back = (await s.users.admin.call('deadlines.rules.list', {})).rules.find((r) => r.key === 'accounts-pupils')!;
    await s.users.admin.call('deadlines.rules.reset', { key: back.key, version: back.version });
  });

  it('a year without a production calendar says so instead of computing dates', async () => {
    const far = (await t.client.call('setup.years.save', { id: null, version: 0, year: { name: '2029/2030', startDate: '2029-09-01', endDate: '2030-08-31' } })).id;
    await t.client.call('setup.periods.save', {
      yearId: far,
      id: null,
      version: 0,
      scheme: { name: 'Год', kind: 'year', grades: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], periods: [{ name: 'Учебный год', startDate: '2029-09-01', endDate: '2030-05-24' }] },
    });
    const home = await s.users.deputy.call('deadlines.home', {});
    const noDate = home.noDate.filter((x) => x.key.startsWith('period-reports-'));
    expect(noDate.length).toBe(2);
    expect(noDate[0]).toMatchObject({ dueDate: null, status: 'noDate' });
    expect(noDate[0].dueProblem).toContain('нет 2030 года');
    expect(home.calendarWarnings.join(' ')).toContain('нет 2030 года');
    // Calendar-day rules need no production calendar: 15 September 2029 is computed.
    const j = (await s.users.director.call('deadlines.journal', { from: '2029-09-01', to: '2029-09-30' })).rows;
    expect(byRule(j, 'curriculum').map((r) => r.dueDate)).toEqual(['2029-09-15']);
  });

  it('the journal exports to Excel, logged as an export of personal data', async () => {
    const file = await s.users.director.call('deadlines.journal.export', { from: '2026-09-01', to: '2026-10-31' });
    expect(file.fileName).toBe('Журнал сроков 01.09.2026–31.10.2026.xlsx');
    expect(file.rows).toBeGreaterThan(5);
    const logged = await t.core.db.selectFrom('auditLog').select(['action', 'userName']).where('method', '=', 'deadlines.journal.export').execute();
    expect(logged).toEqual([{ action: 'export', userName: 'Тестовый director' }]);
    await expect(s.users.deputy.call('deadlines.journal', { from: '2026-09-01', to: '2026-10-31' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const bad = await s.users.director.call('deadlines.journal', { from: '2026-10-31', to: '2026-09-01' }).catch((e: AppError) => e);
    expect((bad as AppError).message).toContain('«Конец периода»');
  });
});

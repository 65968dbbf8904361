import { addDays, formatRu } from '../../../src-shared/domain/calendar/dates';
import { DEFAULT_RULES } from '../../../src-shared/domain/deadlines/defaultRules';
import { dueDateOf, yearDateOf } from '../../../src-shared/domain/deadlines/dueDates';
import { newId } from '../../../src-shared/domain/ids';
import { officeCalendarIn } from '../deadlines/index';
import type { Executor } from '../foundation/executor';
import type { DemoSchool } from './generateSchool';

/**
 * The deadline monitor's part of the demo (issue 20), relative to `today` so the home screens show a
 * realistic mix: calendar records entered in August (the audit log is where the monitor reads the
 * day of entry), a few entered late, class and school events around today, and ticks of the owners
 * on most tasks already due — some on time, some late, some still undone.
 */

const rule = (key: string) => DEFAULT_RULES.find((r) => r.key === key) as (typeof DEFAULT_RULES)[number];

/** Deterministic «random» from a text, so the same demo gets the same ticks. */
function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0) / 2 ** 32;
}

async function auditCreate(db: Executor, entity: string, recordId: string, at: string, userName: string | null, what: string): Promise<void> {
  await db
    .insertInto('auditLog')
    .values({ id: newId(), at, userId: null, userName, transport: 'demo', method: 'demo', entity, recordId, action: 'create', changes: JSON.stringify({ title: [null, what] }), cause: 'Демонстрационные данные' })
    .execute();
}

function staffName(school: DemoSchool, position: string): string {
  const s = school.staff.find((x) => x.position.startsWith(position));
  return s ? `${s.lastName} ${s.firstName} ${s.middleName}` : position;
}

export async function writeDemoDeadlines(db: Executor, school: DemoSchool, at: string, today: string): Promise<{ ticks: number; events: number }> {
  const yearId = school.year.id;
  const deputy = staffName(school, 'Заместитель директора по учебно');
  const secretary = staffName(school, 'Секретарь');
  const hr = staffName(school, 'Специалист по кадрам');
  const inYear = (d: string) => d >= school.year.startDate && d <= school.year.endDate;

  // Calendar records typed in with the year's set-up in August; the autumn ball a week late (if that day has come).
  const lateEntries: [title: string, enteredAt: string][] = [['Осенний бал', '2026-10-14T06:30:00.000Z']];
  const late = new Map(lateEntries.filter(([, when]) => when.slice(0, 10) <= today));
  for (const e of await db.selectFrom('schoolEvent').select(['id', 'title']).where('academicYearId', '=', yearId).execute()) {
    await auditCreate(db, 'schoolEvent', e.id, late.get(e.title) ?? at, deputy, e.title);
  }
  for (const e of await db.selectFrom('calendarEntry').select(['id', 'name']).where('academicYearId', '=', yearId).execute()) await auditCreate(db, 'calendarEntry', e.id, at, deputy, e.name);
  for (const t of await db.selectFrom('dayTransfer').select(['id', 'date']).where('academicYearId', '=', yearId).execute()) {
    // The order on the transfer is of 20 October; entered the next day, well ahead of 14 November.
    await auditCreate(db, 'dayTransfer', t.id, '2026-10-21' <= today ? '2026-10-21T05:00:00.000Z' : at, deputy, formatRu(t.date));
  }

  // Around today: one school event entered too late, one class event of 5А late, two on time.
  const fifth = school.classes.find((c) => c.name === '5А');
  const teacher5 = school.staff.find((s) => s.id === fifth?.classTeacherId);
  const around: [title: string, date: string, entered: string, classId: string | null, by: string][] = [
    ['Педагогический совет «Итоги полугодия»', addDays(today, 6), addDays(today, -2), null, deputy],
    ['Родительское собрание', addDays(today, 4), addDays(today, -1), fifth?.id ?? null, teacher5 ? `${teacher5.lastName} ${teacher5.firstName} ${teacher5.middleName}` : deputy],
    ['Экскурсия на предприятие', addDays(today, 16), addDays(today, -3), fifth?.id ?? null, deputy],
    ['Спортивные соревнования «Весёлые старты»', addDays(today, 24), addDays(today, -1), null, deputy],
  ];
  let events = 0;
  for (const [title, date, entered, classId, by] of around) {
    if (!inYear(date) || !inYear(entered)) continue;
    const id = newId();
    await db.insertInto('schoolEvent').values({ id, academicYearId: yearId, title, date, startTime: '15:00', endTime: '16:30', place: classId ? 'Кабинет 201' : 'Актовый зал', classId, responsibleStaffId: null, description: null, version: 1, updatedAt: `${entered}T09:00:00.000Z` }).execute();
    await auditCreate(db, 'schoolEvent', id, `${entered}T04:00:00.000Z`, by, title);
    events++;
  }

  // Owners' ticks on tasks already due: most on time, some a day or two late, some left undone.
  const cal = await officeCalendarIn(db);
  const ticks: { key: string; ruleKey: string; subject: string; due: string; on: string; by: string; note: string | null }[] = [];
  const tick = (ruleKey: string, anchorKey: string, subject: string, due: string | null, by: string, note: string | null) => {
    if (!due || due >= today) return;
    const r = hash(`${ruleKey}|${anchorKey}`);
    if (r < 0.2) return; // left undone: late on the owner's home screen
    const on = r < 0.35 ? addDays(due, 2) : due;
    if (on <= today) ticks.push({ key: `${ruleKey}|${anchorKey}`, ruleKey, subject, due, on, by, note });
  };
  const yearSubject = `${school.year.name} учебный год`;
  for (const [key, by, note] of [
    ['staff-data', hr, 'Личные карты сотрудников проверены и выгружены в портал'],
    ['pupil-data', secretary, 'Карточки обучающихся и родителей сверены с порталом'],
    ['report-pupils-general', deputy, 'Отчёт сформирован в портале и передан директору'],
    ['report-pupils-year-results', deputy, null],
  ] as const) {
    const r = rule(key);
    tick(key, `year:${yearId}`, yearSubject, yearDateOf(r.monthDay as string, school.year.startDate), by, note);
  }
  const periods = await db
    .selectFrom('studyPeriod as p')
    .innerJoin('studyPeriodScheme as s', 's.id', 'p.schemeId')
    .select(['p.id', 'p.name', 'p.endDate'])
    .where('s.academicYearId', '=', yearId)
    .execute();
  for (const p of periods) {
    for (const key of ['period-reports-1', 'period-reports-2']) {
      tick(key, `period:${p.id}`, p.name, dueDateOf(rule(key), p.endDate, cal).date, deputy, 'Сформированы в портале');
    }
  }
  const items = await db
    .selectFrom('movementOrderItem as i')
    .innerJoin('movementOrder as o', 'o.id', 'i.orderId')
    .select(['i.id', 'o.orderType', 'o.orderDate', 'i.enrollKind', 'i.destinationKind'])
    .where('o.status', '=', 'signed')
    .execute();
  for (const i of items) {
    if (i.orderType === 'enroll' && i.enrollKind === 'otherSchool') tick('transfer-in-notice', `item:${i.id}`, 'уведомление', dueDateOf(rule('transfer-in-notice'), i.orderDate, cal).date, secretary, 'Письмо отправлено по электронной почте');
    if (i.orderType === 'withdraw' && (i.destinationKind === 'sameRegion' || i.destinationKind === 'otherRegion')) {
      tick('transfer-out-file', `item:${i.id}`, 'личное дело', dueDateOf(rule('transfer-out-file'), i.orderDate, cal).date, secretary, 'Выдано под подпись матери');
    }
  }
  if (ticks.length) {
    await db
      .insertInto('deadlineCompletion')
      .values(
        ticks.map((t) => ({
          id: newId(),
          taskKey: t.key,
          ruleKey: t.ruleKey,
          kind: 'tick',
          title: rule(t.ruleKey).title,
          subject: t.subject,
          role: rule(t.ruleKey).role,
          dueDate: t.due,
          doneOn: t.on,
          doneBy: t.by,
          doneByUserId: null,
          note: t.note,
          version: 1,
          createdAt: `${t.on}T10:00:00.000Z`,
        })),
      )
      .execute();
  }
  return { ticks: ticks.length, events };
}

import { newId } from '../../../src-shared/domain/ids';
import { generateBells, type BellLesson } from '../../../src-shared/domain/schoolSetup/bellSchedule';
import { builtinRoomTypeId, type BuiltinRoomTypeCode } from '../../../src-shared/domain/schoolSetup/roomTypes';
import { addStarterSubjects } from '../schoolSetup/index';
import type { DemoSchool } from './generateSchool';
import type { Executor } from '../foundation/executor';

/**
 * The demo school's set-up (issue 4): the 2026/2027 year with six-day weeks in 10–11, quarters for
 * 1–9 and half-years for 10–11, the three breaks plus the extra February week of grade 1 and the
 * summer, a transfer of a school day, events, bell schedules for both shifts and a shortened
 * Saturday, the starter subjects and about 45 rooms with home rooms for the classes. Subgroups are
 * made from the curriculum's split rows by the curriculum part of the demo.
 */

type RoomSpec = [number: string, name: string | null, floor: number, capacity: number, type: BuiltinRoomTypeCode];

function rooms(): RoomSpec[] {
  const out: RoomSpec[] = [];
  for (let i = 1; i <= 12; i++) out.push([String(100 + i), 'Кабинет начальных классов', 1, 28, 'regular']);
  const second = ['Русский язык и литература', 'Русский язык и литература', 'Русский язык и литература', 'Русский язык и литература', 'Математика', 'Математика', 'Математика', 'Математика', 'История и обществознание', 'История и обществознание', 'Английский язык', 'Английский язык', 'Английский язык', 'Английский язык'];
  second.forEach((name, i) => out.push([String(201 + i), `Кабинет: ${name.toLowerCase()}`, 2, name === 'Английский язык' ? 15 : 30, 'regular']));
  const third = ['География', 'ОБЗР', 'Музыка', 'Изобразительное искусство', 'Родной язык', 'Кабинет для групповых занятий'];
  third.forEach((name, i) => out.push([String(301 + i), name, 3, 28, 'regular']));
  out.push(['307', 'Кабинет физики', 3, 30, 'lab'], ['308', 'Кабинет химии', 3, 30, 'lab'], ['309', 'Кабинет биологии', 3, 30, 'lab']);
  out.push(['310', 'Компьютерный класс № 1', 3, 15, 'computer'], ['311', 'Компьютерный класс № 2', 3, 15, 'computer']);
  // Workshops seat a технология group (boys or girls of a class: up to 20 in the demo's classes).
  out.push(['010', 'Столярная мастерская', 0, 20, 'workshop'], ['011', 'Слесарная мастерская', 0, 20, 'workshop'], ['012', 'Кабинет технологии (кулинария)', 0, 20, 'workshop']);
  out.push(['Спортзал 1', 'Большой спортивный зал', 1, 60, 'gym'], ['Спортзал 2', 'Малый спортивный зал', 1, 30, 'gym']);
  out.push(['Актовый зал', 'Актовый зал', 2, 250, 'hall'], ['Библиотека', 'Библиотека', 1, 20, 'regular'], ['113', 'Кабинет логопеда', 1, 6, 'regular']);
  return out;
}

const HOLIDAYS: [name: string, from: string, to: string, grades: string | null][] = [
  ['Осенние каникулы', '2026-10-24', '2026-11-01', null],
  ['Зимние каникулы', '2026-12-31', '2027-01-11', null],
  ['Дополнительные каникулы для первоклассников', '2027-02-13', '2027-02-21', '1'],
  ['Весенние каникулы', '2027-03-27', '2027-04-04', null],
  ['Летние каникулы', '2027-05-27', '2027-08-31', null],
];

const QUARTERS: [string, string, string][] = [
  ['1 четверть', '2026-09-01', '2026-10-23'],
  ['2 четверть', '2026-11-02', '2026-12-30'],
  ['3 четверть', '2027-01-12', '2027-03-26'],
  ['4 четверть', '2027-04-05', '2027-05-26'],
];

const HALF_YEARS: [string, string, string][] = [
  ['1 полугодие', '2026-09-01', '2026-12-30'],
  ['2 полугодие', '2027-01-12', '2027-05-26'],
];

const BELLS: [name: string, shift: 1 | 2, weekdays: string, lessons: BellLesson[]][] = [
  ['1 смена', 1, '1,2,3,4,5', generateBells({ start: '08:30', count: 7, length: 40, shortBreak: 10, longBreak: 20, longAfter: [2, 3] })],
  ['1 смена, суббота (сокращённая)', 1, '6', generateBells({ start: '08:30', count: 6, length: 35, shortBreak: 10, longBreak: 20, longAfter: [2] })],
  // Seven lessons: a 6th or 7th grade in the second shift has «Разговоры о важном» first on Monday and
  // six more lessons after it; the last one ends at 18:50 (SanPiN: the second shift ends by 19:00).
  ['2 смена', 2, '1,2,3,4,5', generateBells({ start: '13:00', count: 7, length: 40, shortBreak: 10, longBreak: 20, longAfter: [2] })],
];

export interface DemoSetupCounts {
  rooms: number;
  subjects: number;
  holidays: number;
  bellSchedules: number;
  events: number;
}

export async function writeDemoSetup(db: Executor, school: DemoSchool, at: string): Promise<DemoSetupCounts> {
  const yearId = school.year.id;
  await db.updateTable('academicYear').set({ weekLength: 5, weekLengthByGrade: JSON.stringify({ '10': 6, '11': 6 }) }).where('id', '=', yearId).execute();

  const roomIds = new Map<string, string>();
  const specs = rooms();
  await db
    .insertInto('room')
    .values(
      specs.map(([number, name, floor, capacity, type]) => {
        const id = newId();
        roomIds.set(number, id);
        return { id, number, name, floor, capacity, roomTypeId: builtinRoomTypeId(type), note: null, isActive: 1, version: 1, updatedAt: at };
      }),
    )
    .execute();
  // Home rooms: primary classes on the first floor, the others in the subject rooms.
  const primaryRooms = specs.filter(([n]) => /^1(0\d|1[0-2])$/.test(n)).map(([n]) => n);
  const seniorRooms = specs.filter(([n]) => /^(2\d\d|30[1-6])$/.test(n)).map(([n]) => n);
  for (const c of school.classes) {
    const number = c.grade <= 4 ? primaryRooms.shift() : seniorRooms.shift();
    if (number) await db.updateTable('schoolClass').set({ homeRoomId: roomIds.get(number) ?? null }).where('id', '=', c.id).execute();
  }

  const subjects = await addStarterSubjects(db, at);

  for (const [name, kind, grades, periods] of [
    ['Четверти', 'quarters', [1, 2, 3, 4, 5, 6, 7, 8, 9], QUARTERS],
    ['Полугодия', 'halfYears', [10, 11], HALF_YEARS],
  ] as const) {
    const schemeId = newId();
    await db.insertInto('studyPeriodScheme').values({ id: schemeId, academicYearId: yearId, name, kind, version: 1, updatedAt: at }).execute();
    await db.insertInto('studyPeriodSchemeGrade').values(grades.map((grade) => ({ schemeId, academicYearId: yearId, grade }))).execute();
    await db
      .insertInto('studyPeriod')
      .values(periods.map(([pname, startDate, endDate], i) => ({ id: newId(), schemeId, ordinal: i + 1, name: pname, startDate, endDate })))
      .execute();
  }

  await db
    .insertInto('calendarEntry')
    .values([
      ...HOLIDAYS.map(([name, startDate, endDate, grades]) => ({ id: newId(), academicYearId: yearId, kind: 'holiday', name, startDate, endDate, grades, note: null, version: 1, updatedAt: at })),
      { id: newId(), academicYearId: yearId, kind: 'dayOff', name: 'День здоровья', startDate: '2026-09-25', endDate: '2026-09-25', grades: null, note: 'Приказ № 95 от 10.09.2026', version: 1, updatedAt: at },
    ])
    .execute();
  await db
    .insertInto('dayTransfer')
    .values({
      id: newId(),
      academicYearId: yearId,
      date: '2026-11-14',
      worksAs: 1,
      dayOffDate: '2026-11-02',
      grades: null,
      reason: 'Продление осенних каникул на 2 ноября',
      orderRef: '№ 112 от 20.10.2026',
      version: 1,
      updatedAt: at,
    })
    .execute();

  for (const [name, shift, weekdays, lessons] of BELLS) {
    const scheduleId = newId();
    await db.insertInto('bellSchedule').values({ id: scheduleId, academicYearId: yearId, name, shift, weekdays, version: 1, updatedAt: at }).execute();
    await db.insertInto('bellLesson').values(lessons.map((l) => ({ scheduleId, lessonNumber: l.number, startTime: l.start, endTime: l.end }))).execute();
  }

  const byPosition = (p: string) => school.staff.find((s) => s.position.startsWith(p))?.id ?? null;
  const director = byPosition('Директор');
  const organiser = byPosition('Заместитель директора по воспитательной');
  const fifth = school.classes.find((c) => c.name === '5А');
  const events = [
    { title: 'Торжественная линейка «День знаний»', date: '2026-09-01', startTime: '09:00', endTime: '10:00', place: 'Школьный двор', classId: null, responsibleStaffId: director },
    { title: 'Осенний бал', date: '2026-10-23', startTime: '17:00', endTime: '19:00', place: 'Актовый зал', classId: null, responsibleStaffId: organiser },
    { title: 'Экскурсия в краеведческий музей', date: '2026-10-15', startTime: '12:00', endTime: '14:00', place: 'Алтайский государственный краеведческий музей', classId: fifth?.id ?? null, responsibleStaffId: fifth?.classTeacherId ?? null },
    { title: 'Новогодний концерт', date: '2026-12-25', startTime: '15:00', endTime: '16:30', place: 'Актовый зал', classId: null, responsibleStaffId: organiser },
    { title: 'Смотр строя и песни', date: '2027-02-20', startTime: '10:00', endTime: '12:00', place: 'Большой спортивный зал', classId: null, responsibleStaffId: organiser },
    { title: 'Последний звонок', date: '2027-05-25', startTime: '10:00', endTime: '11:30', place: 'Школьный двор', classId: null, responsibleStaffId: director },
  ];
  await db
    .insertInto('schoolEvent')
    .values(events.map((e) => ({ id: newId(), academicYearId: yearId, ...e, description: null, version: 1, updatedAt: at })))
    .execute();

  return { rooms: specs.length, subjects: subjects.added.length, holidays: HOLIDAYS.length, bellSchedules: BELLS.length, events: events.length };
}

import { builtinRoomTypeId } from '../../../src-shared/domain/schoolSetup/roomTypes';
import { generateBells } from '../../../src-shared/domain/schoolSetup/bellSchedule';
import type { TestCore } from '../../helpers/testDb';
import type { AppError } from '../../../src-shared/errors';
import type { GenerationStatus } from '../../../src-shared/contract/timetableFields';
import { HALF_YEARS } from '../curriculum/curriculumHelpers';
import { addStaff, createYear } from '../schoolSetup/setupHelpers';

/**
 * A small school made through the API the way a завуч sets it up: 2026/2027 with half-years, classes
 * 5А, 5Б, 10А, 10Б (five-day week), the ФОП starter plans of grades 5 and 10 (English split in two
 * groups, технология in grade 5 and информатика in grade 10 too), bells of the first shift, ordinary
 * rooms and special rooms, a teacher for every load row (the groups of a split subject by different
 * teachers) and «Индивидуальный проект 10АБ» as one joint lesson of both classes.
 */

export interface TimetableSchool {
  yearId: string;
  periodId: string;
  classes: Map<string, string>;
  subjects: Map<string, string>;
  staff: Map<string, string>;
  rooms: Map<string, string>;
}

const TEACHERS: [string, string, string][] = [
  ['Русакова', 'Анна', 'Петровна'],
  ['Матвеева', 'Ольга', 'Ивановна'],
  ['Англичанова', 'Мария', 'Сергеевна'],
  ['Инглишева', 'Елена', 'Викторовна'],
  ['Историкова', 'Нина', 'Павловна'],
  ['Природина', 'Дарья', 'Олеговна'],
  ['Художникова', 'Вера', 'Андреевна'],
  ['Трудов', 'Игорь', 'Николаевич'],
  ['Трудова', 'Светлана', 'Юрьевна'],
  ['Спортивный', 'Пётр', 'Ильич'],
  ['Словесникова', 'Ирина', 'Алексеевна'],
  ['Алгебраистов', 'Максим', 'Денисович'],
  ['Программистов', 'Олег', 'Игоревич'],
  ['Кодова', 'Юлия', 'Романовна'],
  ['Обществоведова', 'Галина', 'Фёдоровна'],
  ['Физиков', 'Роман', 'Степанович'],
  ['Химикова', 'Лариса', 'Геннадьевна'],
  ['Защитников', 'Артём', 'Васильевич'],
];

/** Who teaches what: by grade, subject and group number. */
function teacherOf(grade: number, subject: string, groupNo: number): string | null {
  const g5: Record<string, string> = {
    'Русский язык': 'Русакова',
    Литература: 'Русакова',
    Математика: 'Матвеева',
    История: 'Историкова',
    'Основы духовно-нравственной культуры народов России': 'Историкова',
    География: 'Природина',
    Биология: 'Природина',
    'Изобразительное искусство': 'Художникова',
    Музыка: 'Художникова',
    'Физическая культура': 'Спортивный',
  };
  const g10: Record<string, string> = {
    'Русский язык': 'Словесникова',
    Литература: 'Словесникова',
    Алгебра: 'Алгебраистов',
    Геометрия: 'Алгебраистов',
    'Вероятность и статистика': 'Алгебраистов',
    'Индивидуальный проект': 'Алгебраистов',
    История: 'Обществоведова',
    Обществознание: 'Обществоведова',
    География: 'Природина',
    Физика: 'Физиков',
    Химия: 'Химикова',
    Биология: 'Природина',
    'Физическая культура': 'Спортивный',
    'Основы безопасности и защиты Родины': 'Защитников',
  };
  if (subject === 'Иностранный язык (английский)') return groupNo === 2 ? 'Инглишева' : 'Англичанова';
  if (subject === 'Труд (технология)') return groupNo === 2 ? 'Трудова' : 'Трудов';
  if (subject === 'Информатика') return groupNo === 2 ? 'Кодова' : 'Программистов';
  return (grade <= 5 ? g5 : g10)[subject] ?? null;
}

export async function timetableSchool(t: TestCore): Promise<TimetableSchool> {
  const year = await createYear(t, undefined, {});
  await t.client.call('setup.periods.save', { yearId: year.id, id: null, version: 0, scheme: { name: 'Полугодия', kind: 'halfYears', grades: [5, 10], periods: HALF_YEARS } });
  await t.client.call('setup.classes.createMany', { yearId: year.id, grades: [5, 10], letters: ['А', 'Б'] });
  const { classes } = await t.client.call('setup.classes.list', { yearId: year.id });
  await t.client.call('curriculum.plan.loadStarter', { yearId: year.id, grades: [5, 10] });
  await t.client.call('setup.bells.save', {
    yearId: year.id,
    id: null,
    version: 0,
    schedule: { name: '1 смена', shift: 1, weekdays: [1, 2, 3, 4, 5], lessons: generateBells({ start: '08:30', count: 7, length: 40, shortBreak: 10, longBreak: 20, longAfter: [2, 3] }) },
  });
  const rooms = new Map<string, string>();
  const room = async (number: string, code: Parameters<typeof builtinRoomTypeId>[0], capacity: number) => {
    const r = await t.client.call('setup.rooms.save', { id: null, version: 0, room: { number, name: null, floor: 1, capacity, typeId: builtinRoomTypeId(code), note: null, isActive: true } });
    rooms.set(number, r.id);
  };
  for (const n of ['101', '102', '103', '104', '105', '106']) await room(n, 'regular', 30);
  await room('Спортзал', 'gym', 60);
  await room('Лаборатория', 'lab', 30);
  await room('Компьютерный 1', 'computer', 15);
  await room('Компьютерный 2', 'computer', 15);
  await room('Мастерская 1', 'workshop', 20);
  await room('Мастерская 2', 'workshop', 20);

  const ids = await addStaff(t, TEACHERS);
  const staff = new Map(TEACHERS.map(([last], i) => [last, ids[i]]));
  const byName = new Map(classes.map((c) => [c.name, c.id]));
  const teacherOfClass: Record<string, string> = { '5А': 'Русакова', '5Б': 'Матвеева', '10А': 'Словесникова', '10Б': 'Алгебраистов' };
  for (const [name, last] of Object.entries(teacherOfClass)) {
    await t.core.db.updateTable('schoolClass').set({ classTeacherId: staff.get(last)!, homeRoomId: rooms.get(name.startsWith('5') ? (name === '5А' ? '101' : '102') : name === '10А' ? '103' : '104')! }).where('id', '=', byName.get(name)!).execute();
  }
  await t.client.call('curriculum.subgroups.create', { yearId: year.id, date: '2026-09-01', distribute: 'none' });
  const grid = await t.client.call('load.grid', { yearId: year.id });
  const subjectName = new Map(grid.subjects.map((s) => [s.id, s.name]));
  const changes = [];
  for (const cell of grid.cells) {
    const cls = grid.classes.find((c) => c.id === cell.classId)!;
    for (const g of cell.groups) {
      const name = subjectName.get(cell.subjectId)!;
      const teacher = name === 'Разговоры о важном' || name === 'Россия — мои горизонты' ? teacherOfClass[cls.name] : teacherOf(cls.grade, name, g.groupNo);
      if (teacher) changes.push({ classId: cell.classId, subjectId: cell.subjectId, groupNo: g.groupNo, staffId: staff.get(teacher)!, version: g.version });
    }
  }
  await t.client.call('load.assign', { yearId: year.id, changes });
  const subjects = new Map((await t.client.call('setup.subjects.list')).subjects.map((s) => [s.name, s.id]));
  await t.client.call('curriculum.joints.save', {
    yearId: year.id,
    id: null,
    version: 0,
    subjectId: subjects.get('Индивидуальный проект')!,
    name: 'Индивидуальный проект 10АБ',
    members: [
      { classId: byName.get('10А')!, groupNo: 0 },
      { classId: byName.get('10Б')!, groupNo: 0 },
    ],
  });
  const { periods } = await t.client.call('timetable.versions.list', { yearId: year.id });
  return { yearId: year.id, periodId: periods[0].id, classes: byName, subjects, staff, rooms };
}

/** Waits for a generation to end, polling its status as the UI does. */
export async function waitJob(t: TestCore, jobId: string): Promise<GenerationStatus> {
  for (;;) {
    const s = await t.client.call('timetable.generate.status', { jobId });
    if (!['preparing', 'running', 'saving'].includes(s.state)) return s;
    await new Promise((r) => setTimeout(r, 100));
  }
}


/** The error a call was refused with (fails the test if it succeeded). */
export async function failure(p: Promise<unknown>): Promise<AppError> {
  return p.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: AppError) => e,
  );
}

/** Placements (or occurrences) in a stable order for comparisons. */
export const sorted = <T extends { lessonId: string; index: number }>(list: T[]) => [...list].sort((a, b) => a.lessonId.localeCompare(b.lessonId) || a.index - b.index);

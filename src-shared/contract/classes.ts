import { z } from './zodRu';
import { mutation, query } from './define';
import { exportedFile } from './files';
import { isoDate, optText, reqText, version } from './fields';
import { grade, gradeList, maybeId, recordId, shift, warnings, weekLength } from './setupFields';
import { LETTER_RE, PROGRAMMES, normaliseLetter } from '../domain/schoolSetup/classRules';

const letter = z
  .string()
  .trim()
  .transform(normaliseLetter)
  .refine((l) => LETTER_RE.test(l), 'литера — одна-две русские буквы, например А или АБ');

export const classInput = z.object({
  grade,
  letter,
  classTeacherId: maybeId.default(null),
  shift: shift.default(1),
  homeRoomId: maybeId.default(null),
  programme: z.enum(PROGRAMMES, 'программа — ООП или АООП').default('ООП'),
  /** АООП variant (вариант 7.2, ФАООП УО …); empty for ООП. */
  programmeVariant: optText(200),
  /** `null` — the week of the grade set in the academic year. */
  weekLength: weekLength.nullable().default(null),
  /** Last year's class this one continues (5А of 2026/2027 ← 4А of 2025/2026). */
  previousClassId: maybeId.default(null),
});
export type ClassInput = z.input<typeof classInput>;

export const schoolClass = z.object({
  id: z.string(),
  yearId: z.string(),
  grade: z.number(),
  letter: z.string(),
  name: z.string(),
  classTeacherId: z.string().nullable(),
  classTeacherName: z.string().nullable(),
  shift: z.number(),
  homeRoomId: z.string().nullable(),
  homeRoomNumber: z.string().nullable(),
  programme: z.enum(PROGRAMMES),
  programmeVariant: z.string().nullable(),
  programmeTitle: z.string(),
  weekLength: weekLength.nullable(),
  effectiveWeekLength: weekLength,
  previousClassId: z.string().nullable(),
  previousClassName: z.string().nullable(),
  pupilCount: z.number(),
  subgroupCount: z.number(),
  version,
});
export type SchoolClass = z.output<typeof schoolClass>;

export const subgroup = z.object({
  id: z.string(),
  classId: z.string(),
  subjectId: z.string(),
  subjectName: z.string(),
  name: z.string(),
  ordinal: z.number(),
  members: z.array(z.object({ pupilId: z.string(), fullName: z.string(), since: z.string() })),
  version,
});
export type Subgroup = z.output<typeof subgroup>;

const CLASS_LABELS = {
  'cls.grade': 'Параллель',
  'cls.letter': 'Литера',
  'cls.classTeacherId': 'Классный руководитель',
  'cls.shift': 'Смена',
  'cls.homeRoomId': 'Кабинет',
  'cls.programme': 'Программа',
  'cls.programmeVariant': 'Вариант АООП',
  'cls.weekLength': 'Учебная неделя',
  'cls.previousClassId': 'Класс прошлого года',
};

export const classesContract = {
  /** Staff to choose a class teacher or a responsible person from (the staff cards of the people issue). */
  'setup.staff.options': query({
    summary: 'Сотрудники для выбора',
    right: 'setup.read',
    input: z.object({}).optional(),
    output: z.object({ staff: z.array(z.object({ id: z.string(), fullName: z.string(), shortName: z.string(), position: z.string().nullable() })) }),
  }),
  /** Classes of a year, by grade and letter, with teacher, room and roster size. */
  'setup.classes.list': query({
    summary: 'Классы',
    right: 'setup.read',
    input: z.object({ yearId: recordId }),
    output: z.object({ classes: z.array(schoolClass) }),
  }),
  /** The year's classes as an Excel list with their class teachers (a personal-data export). */
  'setup.classes.export': query({ summary: 'Классы в Excel', right: 'setup.read', exportsPersonalData: true, input: z.object({ yearId: recordId }), output: exportedFile }),
  /** Creates or updates a class; a duplicate name in the year is refused. */
  'setup.classes.save': mutation({
    summary: 'Сохранить класс',
    right: 'setup.edit',
    entity: 'schoolClass',
    record: 'Класс',
    labels: CLASS_LABELS,
    input: z.object({ yearId: recordId, id: maybeId, cls: classInput, version }),
    output: z.object({ cls: schoolClass, warnings }),
  }),
  /** Creates grades × letters at once (1А–11Б): all or nothing. */
  'setup.classes.createMany': mutation({
    summary: 'Создать классы параллелями',
    right: 'setup.edit',
    entity: 'schoolClass',
    record: 'Классы',
    labels: { grades: 'Параллели', letters: 'Литеры', shift: 'Смена' },
    input: z.object({
      yearId: recordId,
      grades: gradeList,
      letters: z.array(letter).min(1, 'укажите хотя бы одну литеру').max(10),
      shift: shift.default(1),
    }),
    output: z.object({ created: z.array(z.string()), warnings }),
  }),
  /** Deletes a class without pupils. */
  'setup.classes.delete': mutation({
    summary: 'Удалить класс',
    right: 'setup.edit',
    entity: 'schoolClass',
    record: 'Класс',
    input: z.object({ id: recordId, version }),
    output: z.object({ deleted: z.boolean() }),
  }),
  /** Pupils of a class on a date (today by default), from the dated class membership. */
  'setup.classes.pupils': query({
    summary: 'Состав класса',
    right: 'pupils.read',
    input: z.object({ classId: recordId, date: isoDate.optional() }),
    output: z.object({ pupils: z.array(z.object({ id: z.string(), fullName: z.string(), sex: z.string() })) }),
  }),
  /** Subgroups of a class with their members on a date (today by default). */
  'setup.subgroups.list': query({
    summary: 'Подгруппы класса',
    right: 'pupils.read',
    input: z.object({ classId: recordId, date: isoDate.optional() }),
    output: z.object({ subgroups: z.array(subgroup) }),
  }),
  /** Creates or renames a subgroup of a class for a subject. */
  'setup.subgroups.save': mutation({
    summary: 'Сохранить подгруппу',
    right: 'setup.edit',
    entity: 'subgroup',
    record: 'Подгруппа',
    labels: { 'subgroup.subjectId': 'Предмет', 'subgroup.name': 'Название' },
    input: z.object({ classId: recordId, id: maybeId, subgroup: z.object({ subjectId: recordId, name: reqText(100) }), version }),
    output: subgroup,
  }),
  /** Splits a class for a subject into N subgroups «Группа 1…N» (missing ones are added). */
  'setup.subgroups.split': mutation({
    summary: 'Разделить класс на подгруппы',
    right: 'setup.edit',
    entity: 'subgroup',
    record: 'Подгруппы',
    labels: { subjectId: 'Предмет', count: 'Число подгрупп' },
    input: z.object({ classId: recordId, subjectId: recordId, count: z.number().int().min(2, 'подгрупп — от 2 до 4').max(4, 'подгрупп — от 2 до 4') }),
    output: z.object({ subgroups: z.array(subgroup) }),
  }),
  'setup.subgroups.delete': mutation({
    summary: 'Удалить подгруппу',
    right: 'setup.edit',
    entity: 'subgroup',
    record: 'Подгруппа',
    input: z.object({ id: recordId, version }),
    output: z.object({ deleted: z.boolean() }),
  }),
  /**
   * Sets the members of all subgroups of one class × subject from `date` on (dated history: who
   * left gets an end date, who came a start date). A pupil is in at most one of them.
   */
  'setup.subgroups.setMembers': mutation({
    summary: 'Состав подгрупп',
    right: 'setup.edit',
    entity: 'subgroup',
    record: 'Состав подгрупп',
    labels: { date: 'Дата' },
    input: z.object({
      classId: recordId,
      subjectId: recordId,
      date: isoDate,
      groups: z.array(z.object({ subgroupId: recordId, version, pupilIds: z.array(recordId).max(60) })).min(1).max(6),
    }),
    output: z.object({ subgroups: z.array(subgroup) }),
  }),
};

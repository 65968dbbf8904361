import { z } from './zodRu';
import { mutation, query } from './define';
import { exportedFile } from './files';
import { isoDate, version } from './fields';
import { recordId } from './setupFields';

/**
 * Teaching load (нагрузка, тарификация), vacancies and the subgroups the plan asks for (issue 7).
 */

export const loadSettings = z.object({
  hoursPerRate: z.number('часов в ставке — число').min(1, 'часов в ставке — от 1 до 40').max(40, 'часов в ставке — от 1 до 40'),
  maxRates: z.number('ставок — число').min(0.5, 'граница перегрузки — от 0,5 до 3 ставок').max(3, 'граница перегрузки — от 0,5 до 3 ставок'),
});
export type LoadSettingsOut = z.output<typeof loadSettings>;

const status = z.enum(['none', 'under', 'ok', 'over']);

export const teacherSummary = z.object({
  id: z.string(),
  fullName: z.string(),
  shortName: z.string(),
  position: z.string().nullable(),
  qualifiedSubjectIds: z.array(z.string()),
  /** The rate of the teacher's teaching positions (1 when unknown): below it is underload. */
  ownRate: z.number(),
  classroomHours: z.number(),
  extracurricularHours: z.number(),
  hours: z.number(),
  rates: z.number(),
  status,
  dismissed: z.boolean(),
});
export type TeacherSummary = z.output<typeof teacherSummary>;

export const loadRowOut = z.object({
  classId: z.string(),
  className: z.string(),
  grade: z.number(),
  subjectId: z.string(),
  subjectName: z.string(),
  groupNo: z.number(),
  groupCount: z.number(),
  classroomHours: z.number(),
  extracurricularHours: z.number(),
  hours: z.number(),
  annualHours: z.number(),
});
export type LoadRowOut = z.output<typeof loadRowOut>;

export const loadCell = z.object({
  classId: z.string(),
  subjectId: z.string(),
  groupCount: z.number(),
  hours: z.number(),
  groups: z.array(z.object({ groupNo: z.number(), version, staffId: z.string().nullable(), staffName: z.string().nullable() })),
});
export type LoadCell = z.output<typeof loadCell>;

export const vacancyList = z.object({
  rows: z.array(loadRowOut),
  bySubject: z.array(z.object({ subjectId: z.string(), subjectName: z.string(), hours: z.number(), classes: z.array(z.string()) })),
  totalHours: z.number(),
});

const orphan = z.object({ classId: z.string(), className: z.string(), subjectId: z.string(), subjectName: z.string(), groupNo: z.number(), staffId: z.string(), staffName: z.string(), version });

export const loadGrid = z.object({
  yearName: z.string(),
  readOnly: z.boolean(),
  settings: loadSettings,
  subjects: z.array(z.object({ id: z.string(), name: z.string(), shortName: z.string() })),
  classes: z.array(z.object({ id: z.string(), name: z.string(), grade: z.number() })),
  cells: z.array(loadCell),
  teachers: z.array(teacherSummary),
  vacancies: vacancyList,
  orphans: z.array(orphan),
  totals: z.object({ hours: z.number(), assignedHours: z.number(), vacantHours: z.number(), rates: z.number() }),
});
export type LoadGrid = z.output<typeof loadGrid>;

export const teacherCard = z.object({
  yearName: z.string(),
  settings: loadSettings,
  teacher: teacherSummary,
  description: z.string(),
  rows: z.array(loadRowOut.extend({ version })),
  orphans: z.array(orphan),
  /** Vacancies in the subjects the teacher is qualified for. */
  suggestions: z.array(loadRowOut),
});
export type TeacherCard = z.output<typeof teacherCard>;

const change = z.object({
  classId: recordId,
  subjectId: recordId,
  groupNo: z.number().int().min(0).max(4),
  /** null — remove the teacher (the row becomes a vacancy). */
  staffId: z.string().trim().min(1).max(100).nullable(),
  /** Version of the assignment read (0 — there was none). */
  version,
});

const attentionPupil = z.object({ pupilId: z.string(), fullName: z.string(), since: z.string().nullable(), cause: z.string().nullable() });

export const subgroupStatus = z.object({
  classId: z.string(),
  className: z.string(),
  subjectId: z.string(),
  subjectName: z.string(),
  required: z.number(),
  existing: z.number(),
  groups: z.array(z.object({ id: z.string(), name: z.string(), ordinal: z.number(), memberCount: z.number(), version })),
  pupilCount: z.number(),
  unassigned: z.array(attentionPupil),
  strays: z.array(attentionPupil),
  needsAttention: z.boolean(),
  messages: z.array(z.string()),
});
export type SubgroupStatus = z.output<typeof subgroupStatus>;

export const curriculumLoadContract = {
  /** The load grid of a year: classes × subjects with teachers per group, teachers' totals, vacancies. */
  'load.grid': query({
    summary: 'Нагрузка учителей',
    right: 'curriculum.read',
    input: z.object({ yearId: recordId }),
    output: loadGrid,
  }),
  /** Sets or removes teachers of class × subject × group rows, all or nothing; warns about overload and unqualified teachers. */
  'load.assign': mutation({
    summary: 'Назначить учителей',
    right: 'curriculum.edit',
    entity: 'teachingAssignment',
    record: 'Нагрузка',
    labels: { changes: 'Назначения' },
    input: z.object({ yearId: recordId, changes: z.array(change).min(1, 'нет изменений').max(400) }),
    output: z.object({ updated: z.number(), warnings: z.array(z.string()) }),
  }),
  /** One teacher's load card: rows, totals against the rate, vacancies in their subjects. */
  'load.teacher': query({
    summary: 'Нагрузка учителя',
    right: 'curriculum.read',
    input: z.object({ yearId: recordId, staffId: recordId }),
    output: teacherCard,
  }),
  /** The subjects a teacher is qualified for (suggested first when assigning). */
  'load.qualifications.save': mutation({
    summary: 'Предметы учителя',
    right: 'curriculum.edit',
    entity: 'staffSubject',
    record: 'Предметы учителя',
    labels: { subjectIds: 'Предметы' },
    input: z.object({ staffId: recordId, subjectIds: z.array(recordId).max(40) }),
    output: z.object({ subjectIds: z.array(z.string()) }),
  }),
  /** Hours of one rate and the overload bound (school settings). */
  'load.settings.save': mutation({
    summary: 'Настройки нагрузки',
    right: 'curriculum.edit',
    entity: 'loadSettings',
    record: 'Настройки нагрузки',
    labels: { hoursPerRate: 'Часов в ставке', maxRates: 'Перегрузка — больше ставок' },
    input: loadSettings,
    output: loadSettings,
  }),
  /** Unassigned hours: every class × subject × group row with hours and no teacher. */
  'load.vacancies': query({
    summary: 'Вакансии',
    right: 'curriculum.read',
    input: z.object({ yearId: recordId }),
    output: vacancyList,
  }),
  /** «Тарификация / нагрузка учителей» as Excel: teacher, position, subjects, classes, hours, rates. */
  'load.export.tarification': query({
    summary: 'Выгрузить тарификацию в Excel',
    right: 'curriculum.read',
    exportsPersonalData: true,
    input: z.object({ yearId: recordId }),
    output: exportedFile,
  }),
  /** «Вакансии» as Excel. */
  'load.export.vacancies': query({
    summary: 'Выгрузить вакансии в Excel',
    right: 'curriculum.read',
    input: z.object({ yearId: recordId }),
    output: exportedFile,
  }),
  /**
   * The subgroups the plan asks for, class by class: how many exist, who is in none of them, who left
   * the class but is still listed — what needs attention after the roster changed.
   */
  'curriculum.subgroups.status': query({
    summary: 'Подгруппы по учебному плану',
    right: 'pupils.read',
    input: z.object({ yearId: recordId, date: isoDate.optional() }),
    output: z.object({ date: z.string(), items: z.array(subgroupStatus) }),
  }),
  /**
   * Creates the missing subgroups of split rows («Группа 1…N») and, if asked, shares out the pupils of
   * subjects nobody is assigned in yet: by the list, or by sex for «Труд (технология)».
   */
  'curriculum.subgroups.create': mutation({
    summary: 'Создать подгруппы по учебному плану',
    right: 'curriculum.edit',
    entity: 'subgroup',
    record: 'Подгруппы по учебному плану',
    labels: { classIds: 'Классы', date: 'Дата', distribute: 'Распределение учеников' },
    input: z.object({
      yearId: recordId,
      classIds: z.array(recordId).max(100).optional(),
      date: isoDate,
      distribute: z.enum(['none', 'list', 'sexForTechnology'], 'распределение — нет, по списку или по полу для технологии').default('none'),
    }),
    output: z.object({ created: z.number(), distributed: z.array(z.string()), messages: z.array(z.string()) }),
  }),
};

import { z } from './zodRu';
import { mutation, query } from './define';
import { exportedFile } from './files';
import { recordId } from './setupFields';
import { isoDate, version } from './fields';

/**
 * Substitutions (замены, issue 16 parts 5–6): a teacher absent for dates, the lessons of the approved
 * timetable in force that it affects, ranked candidates for each, and what the завуч decided for each
 * lesson (another teacher, groups merged, moved within the day, cancelled) — dated records apart from
 * the timetable, audited; the day's замены sheet and the monthly ledger for the payroll office.
 * Reads need «Расписание всей школы», writes `timetable.subs`.
 */

export const ABSENCE_REASONS = ['sick', 'course', 'trip', 'unpaid', 'other'] as const;
export const ABSENCE_REASON_LABEL: Record<(typeof ABSENCE_REASONS)[number], string> = {
  sick: 'больничный',
  course: 'курсы',
  trip: 'командировка',
  unpaid: 'адм. отпуск',
  other: 'другое',
};
export const SUB_KINDS = ['substitute', 'merge', 'move', 'cancel', 'room'] as const;
export const SUB_KIND_LABEL: Record<(typeof SUB_KINDS)[number], string> = {
  substitute: 'замена',
  merge: 'объединение групп',
  move: 'перенос',
  cancel: 'урок снят',
  room: 'перенос в кабинет',
};
/** Why a room is closed for dates («кабинет закрыт»). */
export const CLOSURE_REASONS = ['repair', 'inspection', 'other'] as const;
export const CLOSURE_REASON_LABEL: Record<(typeof CLOSURE_REASONS)[number], string> = {
  repair: 'ремонт',
  inspection: 'проверка',
  other: 'другое',
};

const MONTHS = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];
/** «сентябрь 2026» for `2026-09`: the ledger's title on screen and in the file. */
export const monthName = (month: string): string => `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

export const absenceOut = z.object({
  id: z.string(),
  staffId: z.string(),
  name: z.string(),
  dateFrom: z.string(),
  dateTo: z.string(),
  reason: z.enum(ABSENCE_REASONS),
  document: z.string().nullable(),
  version: z.number(),
});
export type AbsenceOut = z.output<typeof absenceOut>;

export const closureOut = z.object({
  id: z.string(),
  roomId: z.string(),
  /** «12», «Спортзал». */
  roomNumber: z.string(),
  dateFrom: z.string(),
  dateTo: z.string(),
  reason: z.enum(CLOSURE_REASONS),
  note: z.string().nullable(),
  version: z.number(),
});
export type ClosureOut = z.output<typeof closureOut>;

/** A free room offered for a lesson whose room is closed, ranked best first. */
export const roomOptionOut = z.object({
  roomId: z.string(),
  number: z.string(),
  floor: z.number().nullable(),
  capacity: z.number().nullable(),
  /** On the closed room's floor and of its type. */
  sameFloorType: z.boolean(),
  /** The class's home room. */
  homeRoom: z.boolean(),
  /** Room changes the class would make that day with this room (its neighbouring lessons' rooms). */
  moves: z.number(),
});
export type RoomOptionOut = z.output<typeof roomOptionOut>;

export const candidateOut = z.object({
  staffId: z.string(),
  name: z.string(),
  /** Teaches this subject by the load. */
  qualified: z.boolean(),
  /** Hours already substituted this month (before this lesson). */
  monthHours: z.number(),
  /** Has own lessons that day. */
  inBuilding: z.boolean(),
  /** Already teaches this class. */
  sameClass: z.boolean(),
});
export type CandidateOut = z.output<typeof candidateOut>;

export const substitutionOut = z.object({
  id: z.string(),
  kind: z.enum(SUB_KINDS),
  substituteId: z.string().nullable(),
  substituteName: z.string().nullable(),
  toPeriod: z.number().nullable(),
  roomId: z.string().nullable(),
  /** The room the lesson goes to («перенос в кабинет …», or a move's room). */
  toRoomId: z.string().nullable(),
  toRoomNumber: z.string().nullable(),
  paid: z.boolean(),
  note: z.string().nullable(),
  version: z.number(),
});

export const affectedLessonOut = z.object({
  lessonId: z.string(),
  index: z.number(),
  period: z.number(),
  periodLabel: z.string(),
  time: z.string(),
  classLabel: z.string(),
  classIds: z.array(z.string()),
  subjectName: z.string(),
  /** `teacher`: the teacher is absent; `room`: only the room is closed (the teacher is present). */
  cause: z.enum(['teacher', 'room']),
  /** The lesson's own teacher: the absent one, or (room closed) the one who still teaches it. */
  absentId: z.string(),
  absentName: z.string(),
  roomNumber: z.string().nullable(),
  /** The lesson's room is closed that day (its decision must name another room). */
  roomClosed: z.boolean(),
  /** Free rooms fit for the lesson in its period when its room is closed, best first. */
  roomOptions: z.array(roomOptionOut),
  hours: z.number(),
  substitution: substitutionOut.nullable(),
  candidates: z.array(candidateOut),
  /** Present teachers of another group of the class in the same period («объединить группы» with them). */
  mergeWith: z.array(z.object({ staffId: z.string(), name: z.string() })),
  /**
   * Other periods of the class's day for «перенести»: the class's own lesson standing there (a move
   * onto it is refused) and the best candidate free at that period, who would teach it.
   */
  moveTo: z.array(
    z.object({
      period: z.number(),
      label: z.string(),
      classBusy: z.string().nullable(),
      candidateId: z.string().nullable(),
      candidateName: z.string().nullable(),
      /** The best free room there when the lesson's room is closed that day. */
      roomId: z.string().nullable(),
      roomNumber: z.string().nullable(),
    }),
  ),
});
export type AffectedLesson = z.output<typeof affectedLessonOut>;

export const subsDayOut = z.object({
  date: z.string(),
  dayName: z.string().nullable(),
  versionId: z.string().nullable(),
  versionName: z.string().nullable(),
  absences: z.array(absenceOut),
  closures: z.array(closureOut),
  lessons: z.array(affectedLessonOut),
  /** Teachers of the version, for picking a substitute by hand. */
  teachers: z.array(z.object({ id: z.string(), name: z.string() })),
  periods: z.array(z.object({ index: z.number(), label: z.string() })),
  /** Rooms of the version, for marking one closed. */
  rooms: z.array(z.object({ id: z.string(), number: z.string() })),
});
export type SubsDay = z.output<typeof subsDayOut>;

export const ledgerRowOut = z.object({
  staffId: z.string(),
  name: z.string(),
  substituted: z.number(),
  paid: z.number(),
  unpaid: z.number(),
  missed: z.number(),
});
export type LedgerRow = z.output<typeof ledgerRowOut>;

export const weekMarkOut = z.object({
  lessonId: z.string(),
  index: z.number(),
  /** Day index of the version's grid. */
  day: z.number(),
  date: z.string(),
  kind: z.enum([...SUB_KINDS, 'none']),
  /** «замена: Иванова И. И.», «перенос на 6 урок», «урок снят», «… отсутствует, замена не назначена». */
  text: z.string(),
  absentId: z.string(),
  substituteId: z.string().nullable(),
  /** The lesson's room is closed that day (a room change is neither a missed nor a substituted hour). */
  cause: z.enum(['teacher', 'room']),
  /** The room the lesson goes to that day, if another (room views list what they take in). */
  toRoomId: z.string().nullable(),
});
export type WeekMark = z.output<typeof weekMarkOut>;

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'месяц в формате ГГГГ-ММ');

export const timetableSubsContract = {
  /** The day's absences, every affected lesson with what was decided and the ranked candidates. */
  'timetable.subs.day': query({
    summary: 'Замены на день',
    right: 'timetable.all',
    input: z.object({ date: isoDate }),
    output: subsDayOut,
  }),
  /** Marks a teacher absent for dates (больничный, курсы…). */
  'timetable.subs.absence.create': mutation({
    summary: 'Отметить отсутствие учителя',
    right: 'timetable.subs',
    entity: 'timetable',
    record: 'Отсутствие учителя',
    labels: { staffId: 'Учитель', dateFrom: 'С', dateTo: 'По', reason: 'Причина', document: 'Документ' },
    input: z.object({
      staffId: recordId,
      dateFrom: isoDate,
      dateTo: isoDate,
      reason: z.enum(ABSENCE_REASONS),
      document: z.string().trim().max(200).nullable().optional().transform((v) => (v ? v : null)),
    }),
    output: absenceOut,
  }),
  /** Marks a room closed for dates (ремонт, проверка): its lessons need another room. */
  'timetable.subs.closure.create': mutation({
    summary: 'Отметить кабинет закрытым',
    right: 'timetable.subs',
    entity: 'timetable',
    record: 'Закрытие кабинета',
    labels: { roomId: 'Кабинет', dateFrom: 'С', dateTo: 'По', reason: 'Причина', note: 'Пояснение' },
    input: z.object({
      roomId: recordId,
      dateFrom: isoDate,
      dateTo: isoDate,
      reason: z.enum(CLOSURE_REASONS),
      note: z.string().trim().max(200).nullable().optional().transform((v) => (v ? v : null)),
    }),
    output: closureOut,
  }),
  /** Opens a closed room again, with the decisions made for its lessons. */
  'timetable.subs.closure.delete': mutation({
    summary: 'Снять закрытие кабинета',
    right: 'timetable.subs',
    entity: 'timetable',
    record: 'Закрытие кабинета',
    input: z.object({ id: recordId, version }),
    output: z.object({ deleted: z.boolean(), substitutions: z.number() }),
  }),
  /** Removes an absence and the substitutions made for it. */
  'timetable.subs.absence.delete': mutation({
    summary: 'Удалить отсутствие учителя',
    right: 'timetable.subs',
    entity: 'timetable',
    record: 'Отсутствие учителя',
    input: z.object({ id: recordId, version }),
    output: z.object({ deleted: z.boolean(), substitutions: z.number() }),
  }),
  /** Decides one affected lesson on a date: another teacher, merged groups, moved within the day, another room, or cancelled. */
  'timetable.subs.assign': mutation({
    summary: 'Назначить замену урока',
    right: 'timetable.subs',
    entity: 'timetable',
    record: 'Замена урока',
    labels: { substituteId: 'Заменяющий учитель', toPeriod: 'Перенести на урок', toRoomId: 'Кабинет', kind: 'Вид замены', note: 'Примечание' },
    input: z.object({
      date: isoDate,
      lessonId: recordId,
      index: z.number().int().min(0).max(40),
      kind: z.enum(SUB_KINDS),
      substituteId: recordId.nullable().default(null),
      toPeriod: z.number().int().min(0).max(30).nullable().default(null),
      /** Another room: required for «перенос в кабинет» and for any lesson whose room is closed. */
      toRoomId: recordId.nullable().default(null),
      paid: z.boolean().default(true),
      note: z.string().trim().max(300).nullable().optional().transform((v) => (v ? v : null)),
      /** 0 for a new decision, else the version of the one it replaces. */
      version: z.number().int().min(0),
    }),
    output: substitutionOut,
  }),
  /** Takes back a decision (the lesson is uncovered again). */
  'timetable.subs.remove': mutation({
    summary: 'Отменить назначение замены',
    right: 'timetable.subs',
    entity: 'timetable',
    record: 'Замена урока',
    input: z.object({ id: recordId, version }),
    output: z.object({ deleted: z.boolean() }),
  }),
  /** The substitutions of the week holding a date, as marks on a version's lessons (week views and printouts). */
  'timetable.subs.week': query({
    summary: 'Замены недели в расписании',
    right: 'timetable.all',
    input: z.object({ versionId: recordId, date: isoDate }),
    output: z.object({ from: z.string(), to: z.string(), marks: z.array(weekMarkOut) }),
  }),
  /** Учёт замещённых уроков: per teacher, hours substituted (paid / unpaid) and hours missed in a month. */
  'timetable.subs.ledger': query({
    summary: 'Учёт замещённых и пропущенных уроков за месяц',
    right: 'timetable.all',
    input: z.object({ month }),
    output: z.object({ month: z.string(), rows: z.array(ledgerRowOut) }),
  }),
  /** The day's замены sheet or the month's ledger as Excel. */
  'timetable.subs.export': query({
    summary: 'Выгрузить лист замен или учёт замен',
    right: 'timetable.all',
    exportsPersonalData: true,
    input: z.discriminatedUnion('kind', [z.object({ kind: z.literal('day'), date: isoDate }), z.object({ kind: z.literal('ledger'), month })]),
    output: exportedFile,
  }),
};

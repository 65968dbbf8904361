import { z } from './zodRu';
import { mutation, query } from './define';
import { exportedFile } from './files';
import { recordId } from './setupFields';
import {
  availabilitySlot,
  EXPORT_KINDS,
  figuresOut,
  generationBudget,
  generationStatus,
  isoDate,
  newVersionInput,
  placementChange,
  precheckOut,
  summaryFigures,
  teacherAvailability,
  timetableOptions,
  version,
  versionMeta,
  versionView,
} from './timetableFields';

export * from './timetableFields';

/**
 * The timetable (issue 15): versions (draft → approved → archived) with their lessons as a snapshot
 * of the plan and load, placements and locks; the pre-check, the generation job, figures from the
 * engine's evaluator, approval, printouts. Rights: `timetable.read` for everyone (without
 * `timetable.all` only approved versions, one's own class and one's own lessons), `timetable.edit`
 * for the завуч, `timetable.approve` for the director (work order §3.9).
 */

const versionRef = z.object({ versionId: recordId });
const versionWrite = z.object({ versionId: recordId, version });

export const timetableContract = {
  /** Versions of a year, the one in force today, the study periods a new version can be for, the default switches. */
  'timetable.versions.list': query({
    summary: 'Версии расписания',
    right: 'timetable.read',
    input: z.object({ yearId: recordId }),
    output: z.object({
      versions: z.array(versionMeta),
      inForceId: z.string().nullable(),
      periods: z.array(z.object({ id: z.string(), name: z.string(), startDate: z.string(), endDate: z.string(), grades: z.array(z.number()) })),
      defaults: timetableOptions,
      /** Subjects of внеурочная деятельность in the year's plans (what `extracurricularSubjectIds` can name). */
      extracurricularSubjects: z.array(z.object({ id: z.string(), name: z.string() })),
    }),
  }),
  /** The approved version in force on a date (the class and teacher views of a day, substitutions). */
  'timetable.versions.onDate': query({
    summary: 'Расписание, действующее на дату',
    right: 'timetable.read',
    input: z.object({ date: isoDate }),
    output: z.object({ version: versionMeta.nullable() }),
  }),
  /**
   * Everything the class, teacher, room and master views draw, in one call: days, the period axis
   * with bells per shift and weekday, labels, lessons and placements (scoped for a class teacher or
   * a teacher to their class and their own lessons).
   */
  'timetable.version.get': query({
    summary: 'Расписание (версия)',
    right: 'timetable.read',
    input: versionRef,
    output: versionView,
  }),
  /** The figures panel: the engine's evaluation (hard violations and where, gaps, the SanPiN passport per class) and the explanation. */
  'timetable.version.figures': query({
    summary: 'Показатели расписания',
    right: 'timetable.read',
    input: versionRef,
    output: figuresOut,
  }),
  /**
   * What cannot be turned into a solver instance or cannot fit (load without a teacher, a class
   * without bells, a room type no room has, hours over days × the daily maximum, a teacher with more
   * lessons than free periods), each with a link to the screen where it is fixed. For a draft, or
   * for a version not created yet (year, study period, switches).
   */
  'timetable.precheck': query({
    summary: 'Проверка данных перед составлением расписания',
    right: 'timetable.all',
    input: z.union([versionRef, z.object({ yearId: recordId, studyPeriodId: recordId.nullable(), options: timetableOptions.optional() })]),
    output: precheckOut,
  }),
  /** A new empty draft: the lessons of the plan and load as a snapshot, nothing placed yet. */
  'timetable.version.create': mutation({
    summary: 'Создать черновик расписания',
    right: 'timetable.edit',
    entity: 'timetable',
    record: 'Версия расписания',
    labels: { name: 'Название', studyPeriodId: 'Учебный период', yearId: 'Учебный год' },
    input: newVersionInput,
    output: versionMeta,
  }),
  /** Renames a draft or changes its switches (ministry rules, внеурочная); approved versions are read-only. */
  'timetable.version.update': mutation({
    summary: 'Изменить черновик расписания',
    right: 'timetable.edit',
    entity: 'timetable',
    record: 'Версия расписания',
    labels: { name: 'Название' },
    input: versionWrite.extend({ name: z.string().trim().min(1, 'обязательное поле').max(200).optional(), options: timetableOptions.optional() }),
    output: versionMeta,
  }),
  /** A new draft as a copy of any version (lessons, placements, locks, switches). */
  'timetable.version.copy': mutation({
    summary: 'Копировать версию расписания в новый черновик',
    right: 'timetable.edit',
    entity: 'timetable',
    record: 'Версия расписания',
    labels: { name: 'Название' },
    input: versionRef.extend({ name: z.string().trim().min(1, 'обязательное поле').max(200).optional() }),
    output: versionMeta,
  }),
  /** Deletes a draft (approved and archived versions are history and stay). */
  'timetable.version.delete': mutation({
    summary: 'Удалить черновик расписания',
    right: 'timetable.edit',
    entity: 'timetable',
    record: 'Версия расписания',
    input: versionWrite,
    output: z.object({ deleted: z.boolean() }),
  }),
  /**
   * The director approves a draft from a date: it becomes read-only and the timetable in force from
   * that date; the version in force before ends the day before (archived). A version approved from
   * the same or a later date is replaced whole while it has not begun (archived with `effectiveTo`
   * before `effectiveFrom`: never in force) and refuses the approval once it has.
   */
  'timetable.version.approve': mutation({
    summary: 'Утвердить расписание',
    right: 'timetable.approve',
    entity: 'timetable',
    record: 'Утверждение расписания',
    labels: { effectiveFrom: 'Действует с' },
    input: versionWrite.extend({ effectiveFrom: isoDate }),
    output: z.object({ meta: versionMeta, archived: z.array(z.object({ id: z.string(), name: z.string(), effectiveFrom: isoDate.nullable(), effectiveTo: z.string() })) }),
  }),
  /** Places, moves, takes off, locks or unlocks occurrences of a draft by hand (all or nothing). */
  'timetable.placements.update': mutation({
    summary: 'Изменить расстановку уроков',
    right: 'timetable.edit',
    entity: 'timetable',
    record: 'Расписание',
    labels: { changes: 'Изменения' },
    input: versionWrite.extend({ changes: z.array(placementChange).min(1, 'нет изменений').max(2000) }),
    output: z.object({ version, summary: summaryFigures }),
  }),
  /** Locks or unlocks placed occurrences where they stand: regeneration keeps locked lessons. */
  'timetable.placements.lock': mutation({
    summary: 'Закрепить уроки',
    right: 'timetable.edit',
    entity: 'timetable',
    record: 'Закрепление уроков',
    input: versionWrite.extend({
      items: z.array(z.object({ lessonId: recordId, index: z.number().int().min(0).max(40) })).min(1, 'не выбраны уроки').max(2000),
      locked: z.boolean(),
    }),
    output: z.object({ version, changed: z.number() }),
  }),
  /**
   * Starts the solver in a worker: `fill` regenerates a draft from the current plan and load keeping
   * its locked lessons; `new` saves the result as a new draft. Refused with the pre-check items when
   * the data cannot fit (VALIDATION with `details.items`: ExplanationItem[]). Progress arrives as
   * `progress` events with this `jobId` and `details` (state, phase, placed, units, hard, soft,
   * teacherGaps, peakTueWedShare, hardFirstLastShare, elapsedMs, versionId) at least every second, and
   * by `generate.status`.
   */
  'timetable.generate.start': mutation({
    summary: 'Составить расписание',
    right: 'timetable.edit',
    entity: 'timetable',
    record: 'Составление расписания',
    labels: { budget: 'Время составления', 'budget.seconds': 'Время составления, с', name: 'Название' },
    input: z.discriminatedUnion('target', [
      z.object({ target: z.literal('fill'), versionId: recordId, version, budget: generationBudget.default({ seconds: 60 }) }),
      newVersionInput.extend({ target: z.literal('new'), budget: generationBudget.default({ seconds: 60 }) }),
    ]),
    output: z.object({ jobId: z.string(), versionId: z.string().nullable(), budgetSeconds: z.number() }),
  }),
  /** The latest progress of a generation, and its outcome once it ended. */
  'timetable.generate.status': query({
    summary: 'Ход составления расписания',
    right: 'timetable.all',
    input: z.object({ jobId: recordId }),
    output: generationStatus,
  }),
  /** Stops a generation; nothing is saved. */
  'timetable.generate.cancel': mutation({
    summary: 'Отменить составление расписания',
    right: 'timetable.edit',
    entity: 'timetable',
    input: z.object({ jobId: recordId }),
    output: z.object({ cancelled: z.boolean() }),
  }),
  /**
   * Printouts: per class, per teacher, per room (`ids` narrows; default all the caller may see), the
   * master timetable (classes in columns, days × periods in rows, a page per shift) and the SanPiN
   * passports; Excel (print-ready) or PDF, A4 or A3 landscape.
   */
  'timetable.export': query({
    summary: 'Выгрузить расписание',
    right: 'timetable.read',
    exportsPersonalData: true,
    input: versionRef.extend({
      kind: z.enum(EXPORT_KINDS),
      format: z.enum(['xlsx', 'pdf']),
      ids: z.array(recordId).max(200).optional(),
      paper: z.enum(['A4', 'A3']).default('A4'),
      /** Lay the substitutions of this date's week over the class and teacher printouts (the whole school's readers only). */
      date: isoDate.optional(),
    }),
    output: exportedFile,
  }),
  /** Teachers' time off in a year (методический день, part days), for every teacher with load. */
  'timetable.availability.list': query({
    summary: 'Недоступность учителей',
    right: 'timetable.all',
    input: z.object({ yearId: recordId }),
    output: z.object({
      teachers: z.array(teacherAvailability),
      /** Lessons of each shift (from the bells), for the editor's grid. */
      shifts: z.array(z.object({ shift: z.number(), lessons: z.number() })),
      weekdays: z.array(z.number()),
    }),
  }),
  /** Saves one teacher's time off (replaces the list). */
  'timetable.availability.save': mutation({
    summary: 'Сохранить недоступность учителя',
    right: 'timetable.edit',
    entity: 'timetable',
    record: 'Недоступность учителя',
    labels: { slots: 'Время', note: 'Примечание' },
    input: z.object({
      yearId: recordId,
      staffId: recordId,
      version,
      slots: z.array(availabilitySlot).max(60),
      note: z.string().trim().max(500).nullable().optional().transform((v) => (v ? v : null)),
    }),
    output: teacherAvailability,
  }),
};

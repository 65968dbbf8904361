import { z } from './zodRu';
import { isoDate, reqText, version } from './fields';
import { recordId } from './setupFields';

/**
 * Schemas of the timetable contract (issue 15), shared by `timetable.ts` and the later timetable
 * issues (hand editing and substitutions, portal/aSc/FET exchange). Indices are 0-based: `day` 0 is
 * Monday, `period` is the position on the school's period axis (both shifts on one axis; `periods`
 * says which lesson number of which shift a position is).
 */

export const VERSION_STATUSES = ['draft', 'approved', 'archived'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];
export const VERSION_STATUS_LABEL: Record<VersionStatus, string> = { draft: 'черновик', approved: 'утверждено', archived: 'в архиве' };

export const VERSION_SOURCES = ['generated', 'copy', 'manual', 'portal', 'asc', 'fet'] as const;

/**
 * Where a problem is fixed: a screen of the app (`route` as in src-renderer/app/routes.tsx) with its
 * query parameters; the UI opens `#${route}?${new URLSearchParams(query)}`.
 */
export const linkTarget = z.object({
  route: z.string(),
  query: z.record(z.string(), z.string()),
  /** Russian text of the link, e.g. «Открыть нагрузку 7Б». */
  label: z.string(),
});
export type LinkTarget = z.output<typeof linkTarget>;

/** Ids of the records a message is about, so a view can highlight them. */
export const refs = z.object({
  classIds: z.array(z.string()),
  staffIds: z.array(z.string()),
  roomIds: z.array(z.string()),
  subjectIds: z.array(z.string()),
  lessonIds: z.array(z.string()),
});
export type Refs = z.output<typeof refs>;

/** One line of a pre-check or of the explanation after a run, in Russian. */
export const explanationItem = z.object({
  level: z.enum(['error', 'warning', 'info']),
  /** Stable machine code (`noTeacher`, `noBells`, `classOverMax`, …) for tests and icons. */
  code: z.string(),
  message: z.string(),
  link: linkTarget.nullable(),
  refs,
});
export type ExplanationItem = z.output<typeof explanationItem>;

/** The завуч's switches for one version: ministry rules, внеурочная деятельность. */
export const timetableOptions = z.object({
  rules: z
    .object({
      /** «Разговоры о важном» — Monday, first lesson of the class's shift (приказ № 704 of 09.10.2024). */
      conversationsMonday: z.boolean().default(true),
      /** «Россия — мои горизонты» — Thursday, first lesson of the shift, grades 6–11. */
      horizonsThursday: z.boolean().default(true),
    })
    .default({ conversationsMonday: true, horizonsThursday: true }),
  /** Внеурочная деятельность is placed only for these subjects (the ministry lessons above aside). */
  extracurricularSubjectIds: z.array(recordId).max(100).default([]),
});
export type TimetableOptions = z.output<typeof timetableOptions>;
export type TimetableOptionsInput = z.input<typeof timetableOptions>;

/** The solver's budget; a fixed seed and iteration count make a run reproducible (the demo). */
export const generationBudget = z.object({
  seconds: z.number().int().min(5, 'время — от 5 до 600 секунд').max(600, 'время — от 5 до 600 секунд').default(60),
  seed: z.number().int().min(1).max(2 ** 31 - 1).optional(),
  maxIterations: z.number().int().min(1000).max(50_000_000).optional(),
});

export const summaryFigures = z.object({
  lessons: z.number(),
  /** Lesson occurrences to place (a double counts once). */
  units: z.number(),
  placed: z.number(),
  /** Null until the version was evaluated (a new empty draft). */
  hard: z.number().nullable(),
  valid: z.boolean().nullable(),
  teacherGaps: z.number().nullable(),
  /** Share of classes whose difficulty peak is on Tuesday or Wednesday, 0..1. */
  peakTueWedShare: z.number().nullable(),
  /** Share of hard lessons (≥ 8 points) that are first or last in the day, 0..1. */
  hardFirstLastShare: z.number().nullable(),
  evaluatedAt: z.string().nullable(),
});
export type SummaryFigures = z.output<typeof summaryFigures>;

export const versionMeta = z.object({
  id: z.string(),
  yearId: z.string(),
  yearName: z.string(),
  name: z.string(),
  studyPeriodId: z.string().nullable(),
  periodName: z.string(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  status: z.enum(VERSION_STATUSES),
  /** The first and last date the version is in force (approved or archived versions). */
  effectiveFrom: z.string().nullable(),
  effectiveTo: z.string().nullable(),
  approvedAt: z.string().nullable(),
  approvedByName: z.string().nullable(),
  basedOnId: z.string().nullable(),
  source: z.enum(VERSION_SOURCES),
  options: timetableOptions,
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  updatedAt: z.string(),
  updatedByName: z.string().nullable(),
  version,
  summary: summaryFigures,
  /** Why this caller cannot change it (approved, archived, closed year, no right); null when they can. */
  readOnlyReason: z.string().nullable(),
});
export type VersionMeta = z.output<typeof versionMeta>;

export const dayOut = z.object({ index: z.number(), weekday: z.number(), name: z.string(), short: z.string() });

/** A position of the period axis: which lesson of which shift it is (both, where shifts overlap). */
export const periodOut = z.object({
  index: z.number(),
  label: z.string(),
  byShift: z.array(z.object({ shift: z.number(), number: z.number() })),
});

export const bellsOut = z.object({
  shift: z.number(),
  weekday: z.number(),
  lessons: z.array(z.object({ number: z.number(), start: z.string(), end: z.string() })),
});

export const classOut = z.object({
  id: z.string(),
  name: z.string(),
  grade: z.number(),
  shift: z.number(),
  weekLength: z.number(),
  /** The class's window on the period axis (its shift), inclusive. */
  firstPeriod: z.number(),
  lastPeriod: z.number(),
  classTeacherId: z.string().nullable(),
  homeRoomId: z.string().nullable(),
  size: z.number().nullable(),
  /** SanPiN daily maximum of lessons, and the once-a-week maximum of grades 1–4. */
  maxPerDay: z.number(),
  onceAWeek: z.number().nullable(),
  /** Split subjects of the class: each a division with its groups. */
  divisions: z.array(
    z.object({
      subjectId: z.string(),
      subjectName: z.string(),
      groups: z.array(z.object({ groupNo: z.number(), name: z.string(), subgroupId: z.string().nullable(), size: z.number().nullable() })),
    }),
  ),
});

export const teacherOut = z.object({ id: z.string(), fullName: z.string(), shortName: z.string() });

export const roomOut = z.object({ id: z.string(), number: z.string(), name: z.string().nullable(), typeName: z.string(), capacity: z.number().nullable() });

export const subjectOut = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string(),
  /** SanPiN points by grade, `{ "5": 10 }`. */
  points: z.record(z.string(), z.number()),
});

export const LESSON_KINDS = ['classroom', 'extracurricular', 'ministry'] as const;

export const audienceOut = z.object({
  classId: z.string(),
  /** 0 — the whole class; n — the class's group n of the subject. */
  groupNo: z.number(),
  subgroupId: z.string().nullable(),
  /** «7Б», «7Б гр. 2». */
  label: z.string(),
});

export const lessonOut = z.object({
  id: z.string(),
  /** Stable across regenerations and copies: subject, part, audiences, duration. */
  key: z.string(),
  subjectId: z.string(),
  kind: z.enum(LESSON_KINDS),
  teacherIds: z.array(z.string()),
  audiences: z.array(audienceOut),
  /** 2 — a double lesson. */
  duration: z.number(),
  /** Occurrences a week. */
  count: z.number(),
  /** Weekly hours of the plan behind it (fractional hours are rounded up into `count`, with a warning). */
  hours: z.number(),
  /** Candidate rooms, preferred first. */
  roomIds: z.array(z.string()),
  /** Lessons with the same key start together (the groups of one split subject). */
  parallelKey: z.string().nullable(),
  /** Fixed by a rule (ministry lessons): the only allowed start. */
  pinned: z.object({ day: z.number(), period: z.number() }).nullable(),
  /** The portal's class-subject-group id, once mapped (issue 17). */
  portalRef: z.string().nullable(),
});
export type LessonOut = z.output<typeof lessonOut>;

export const placementOut = z.object({
  lessonId: z.string(),
  /** Occurrence 0…count-1. */
  index: z.number(),
  day: z.number(),
  period: z.number(),
  roomId: z.string().nullable(),
  locked: z.boolean(),
});
export type PlacementOut = z.output<typeof placementOut>;

/** What the caller may see: everything, or their own class(es) and their own lessons. */
export const scopeOut = z.object({ all: z.boolean(), classIds: z.array(z.string()), staffId: z.string().nullable() });

export const versionView = z.object({
  meta: versionMeta,
  days: z.array(dayOut),
  periods: z.array(periodOut),
  bells: z.array(bellsOut),
  classes: z.array(classOut),
  teachers: z.array(teacherOut),
  rooms: z.array(roomOut),
  subjects: z.array(subjectOut),
  lessons: z.array(lessonOut),
  placements: z.array(placementOut),
  scope: scopeOut,
});
export type VersionView = z.output<typeof versionView>;

export const slotOut = z.object({ day: z.number(), period: z.number() });

export const violationOut = z.object({
  kind: z.string(),
  /** «наложение уроков у учителя». */
  label: z.string(),
  amount: z.number(),
  /** Who or what it belongs to. */
  entity: z.object({ type: z.enum(['teacher', 'class', 'group', 'room', 'lesson', 'rule']), id: z.string().nullable(), name: z.string() }),
  lessonIds: z.array(z.string()),
  slots: z.array(slotOut),
  link: linkTarget.nullable(),
});
export type ViolationOut = z.output<typeof violationOut>;

export const passportOut = z.object({
  classId: z.string(),
  /** Sum of SanPiN points per day (Monday first). */
  daySums: z.array(z.number()),
  dayLessons: z.array(z.number()),
  /** Index of the heaviest day; null for a class without points. */
  peakDay: z.number().nullable(),
  peakOnTueWed: z.boolean(),
  heaviestMonFri: z.boolean(),
  hardLessons: z.number(),
  hardFirstLast: z.number(),
  hardInARowExcess: z.number(),
  sameSubjectRepeats: z.number(),
  balanceExcess: z.number(),
  maxPerDay: z.number(),
  onceAWeek: z.number().nullable(),
  /** Days whose lessons exceed the maximum. */
  daysOverMax: z.array(z.number()),
});
export type PassportOut = z.output<typeof passportOut>;

export const figuresOut = z.object({
  versionId: z.string(),
  valid: z.boolean(),
  hard: z.number(),
  soft: z.number(),
  totals: z.object({
    units: z.number(),
    placed: z.number(),
    teacherGaps: z.number(),
    teacherGapsMaxDay: z.number(),
    teacherGapsMaxWeek: z.number(),
    classGaps: z.number(),
    lateStarts: z.number(),
    profiledClasses: z.number(),
    peakTueWed: z.number(),
    peakTueWedShare: z.number(),
    heaviestMonFri: z.number(),
    hardLessons: z.number(),
    hardFirstLast: z.number(),
    hardFirstLastShare: z.number(),
    hardInARowExcess: z.number(),
    sameSubjectRepeats: z.number(),
    dayBalanceExcess: z.number(),
  }),
  violations: z.array(violationOut),
  teachers: z.array(z.object({ staffId: z.string(), lessons: z.number(), gaps: z.number(), gapsByDay: z.array(z.number()), lessonsByDay: z.array(z.number()) })),
  classes: z.array(z.object({ classId: z.string(), gaps: z.number(), lateStarts: z.number(), passport: passportOut })),
  /** The Russian explanation of every hard violation and what blocked each unplaced lesson. */
  explanation: z.array(explanationItem),
});
export type FiguresOut = z.output<typeof figuresOut>;

export const precheckOut = z.object({
  items: z.array(explanationItem),
  /** False when an error is listed: generation is refused with these items. */
  canGenerate: z.boolean(),
  stats: z.object({ classes: z.number(), lessons: z.number(), units: z.number(), hours: z.number(), teachers: z.number(), rooms: z.number(), days: z.number(), periods: z.number() }),
});
export type PrecheckOut = z.output<typeof precheckOut>;

export const GENERATION_STATES = ['preparing', 'running', 'saving', 'done', 'cancelled', 'failed', 'conflict'] as const;

export const generationProgress = z.object({
  phase: z.enum(['construct', 'search', 'done']),
  elapsedMs: z.number(),
  iteration: z.number(),
  placed: z.number(),
  units: z.number(),
  hard: z.number(),
  soft: z.number(),
  teacherGaps: z.number(),
  peakTueWedShare: z.number(),
  hardFirstLastShare: z.number(),
});
export type GenerationProgress = z.output<typeof generationProgress>;

export const generationStatus = z.object({
  jobId: z.string(),
  state: z.enum(GENERATION_STATES),
  /** The draft filled, or the new draft once saved. */
  versionId: z.string().nullable(),
  progress: generationProgress.nullable(),
  budgetSeconds: z.number(),
  message: z.string().nullable(),
  /** After the run: what could not be placed and why. */
  explanation: z.array(explanationItem),
});
export type GenerationStatus = z.output<typeof generationStatus>;

/** A teacher's time off: a whole day, or lessons `from`…`to` of a shift. */
export const availabilitySlot = z
  .object({
    weekday: z.number().int().min(1, 'день — с понедельника по субботу').max(6, 'день — с понедельника по субботу'),
    /** null — the whole day (a методический день). */
    shift: z.union([z.literal(1), z.literal(2)]).nullable(),
    from: z.number().int().min(1, 'номер урока — от 1').max(10, 'номер урока — до 10').nullable(),
    to: z.number().int().min(1, 'номер урока — от 1').max(10, 'номер урока — до 10').nullable(),
    /** unavailable — never (hard); undesired — rather not (soft). */
    kind: z.enum(['unavailable', 'undesired']).default('unavailable'),
  })
  .refine((s) => s.shift === null || (s.from !== null && s.to !== null && s.from <= s.to), 'укажите уроки «с» и «по» (с ≤ по) или весь день');
export type AvailabilitySlot = z.output<typeof availabilitySlot>;

export const teacherAvailability = z.object({
  staffId: z.string(),
  fullName: z.string(),
  slots: z.array(availabilitySlot),
  note: z.string().nullable(),
  /** 0 — nothing saved yet. */
  version,
});

export const EXPORT_KINDS = ['class', 'teacher', 'room', 'master', 'passport'] as const;
export const EXPORT_KIND_LABEL: Record<(typeof EXPORT_KINDS)[number], string> = {
  class: 'Расписание классов',
  teacher: 'Расписание учителей',
  room: 'Занятость кабинетов',
  master: 'Сводное расписание',
  passport: 'Паспорт расписания по СанПиН',
};

export const newVersionInput = z.object({
  yearId: recordId,
  /** The study period whose hours are placed (null — the year has no periods). */
  studyPeriodId: recordId.nullable(),
  name: reqText(200),
  options: timetableOptions.default({ rules: { conversationsMonday: true, horizonsThursday: true }, extracurricularSubjectIds: [] }),
});

export const placementChange = z.object({
  lessonId: recordId,
  index: z.number().int().min(0).max(40),
  /** null — take the occurrence off the grid («нераспределённые»). */
  day: z.number().int().min(0).max(5).nullable(),
  period: z.number().int().min(0).max(30).nullable(),
  roomId: recordId.nullable(),
  locked: z.boolean(),
});

export { isoDate, version };

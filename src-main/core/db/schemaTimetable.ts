/**
 * Tables of the timetable (migration 0070), apart from schema.ts like the curriculum's. Booleans are
 * 0/1, JSON columns are text.
 */

export interface TimetableVersionTable {
  id: string;
  academicYearId: string;
  name: string;
  studyPeriodId: string | null;
  periodName: string;
  periodStart: string | null;
  periodEnd: string | null;
  /** draft | approved | archived */
  status: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  approvedAt: string | null;
  approvedBy: string | null;
  approvedByName: string | null;
  basedOnId: string | null;
  /** generated | copy | manual | portal | asc | fet */
  source: string;
  /** JSON TimetableOptions. */
  options: string;
  /** JSON GridSnapshot (core/timetable/grid.ts): days, period axis, bells, class windows. */
  grid: string;
  /** JSON LabelSnapshot: names of classes, teachers, rooms, subjects when the lessons were taken. */
  labels: string;
  /** JSON SummaryFigures of the last evaluation. */
  summary: string | null;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  updatedBy: string | null;
  version: number;
}

export interface TimetableLessonTable {
  id: string;
  versionId: string;
  lessonKey: string;
  subjectId: string;
  /** classroom | extracurricular | ministry */
  kind: string;
  duration: number;
  occurrences: number;
  /** numeric: a string on PostgreSQL. */
  hours: number | string;
  /** JSON array of candidate room ids, preferred first. */
  roomIds: string;
  parallelKey: string | null;
  pinnedDay: number | null;
  pinnedPeriod: number | null;
  portalRef: string | null;
  sortOrder: number;
}

export interface TimetableLessonTeacherTable {
  lessonId: string;
  staffId: string;
  ordinal: number;
}

export interface TimetableLessonAudienceTable {
  lessonId: string;
  classId: string;
  groupNo: number;
  subgroupId: string | null;
  ordinal: number;
}

export interface TimetablePlacementTable {
  lessonId: string;
  occurrence: number;
  versionId: string;
  day: number;
  period: number;
  roomId: string | null;
  locked: number;
}

export interface TimetableTeacherAvailabilityTable {
  id: string;
  academicYearId: string;
  staffId: string;
  /** JSON AvailabilitySlot[]. */
  slots: string;
  note: string | null;
  version: number;
  updatedAt: string;
}

export interface TimetableTables {
  timetableVersion: TimetableVersionTable;
  timetableLesson: TimetableLessonTable;
  timetableLessonTeacher: TimetableLessonTeacherTable;
  timetableLessonAudience: TimetableLessonAudienceTable;
  timetablePlacement: TimetablePlacementTable;
  timetableTeacherAvailability: TimetableTeacherAvailabilityTable;
  timetableAbsence: TimetableAbsenceTable;
  timetableSubstitution: TimetableSubstitutionTable;
  timetableRoomClosure: TimetableRoomClosureTable;
}

/** A teacher absent for dates (migration 0075). */
export interface TimetableAbsenceTable {
  id: string;
  academicYearId: string;
  staffId: string;
  dateFrom: string;
  dateTo: string;
  /** sick | course | trip | unpaid | other */
  reason: string;
  document: string | null;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  version: number;
}

/** What happens to one lesson occurrence on one date (migration 0075). */
export interface TimetableSubstitutionTable {
  id: string;
  absenceId: string | null;
  date: string;
  versionId: string;
  lessonId: string;
  occurrence: number;
  period: number;
  hours: number;
  absentStaffId: string;
  /** substitute | merge | move | cancel */
  kind: string;
  substituteId: string | null;
  subjectId: string | null;
  toPeriod: number | null;
  roomId: string | null;
  /** The room closure this decision covers (migration 0076); null for a teacher's absence. */
  closureId: string | null;
  /** The room the lesson goes to, when the decision names one (migration 0076). */
  toRoomId: string | null;
  paid: number;
  note: string | null;
  createdAt: string;
  createdBy: string | null;
  version: number;
}

/** A room closed for dates — ремонт, проверка (migration 0076). */
export interface TimetableRoomClosureTable {
  id: string;
  academicYearId: string;
  roomId: string;
  dateFrom: string;
  dateTo: string;
  /** repair | inspection | other */
  reason: string;
  note: string | null;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  version: number;
}

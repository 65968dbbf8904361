import type { Generated } from 'kysely';
import type { ParentCardColumns, PeopleTables, PupilCardColumns, StaffCardColumns } from './schemaPeople';
import type { CurriculumTables } from './schemaCurriculum';
import type { SyncTables } from './schemaSync';
import type { MovementTables } from './schemaMovement';
import type { TimetableTables } from './schemaTimetable';
import type { DeadlineTables } from './schemaDeadlines';
import type { ReportTables } from './schemaReports';

export type * from './schemaMovement';

/**
 * The Kysely view of the database. Column names are camelCase here and snake_case in SQL
 * (CamelCasePlugin). Portable types only: text ids, `YYYY-MM-DD` dates, ISO timestamps as text,
 * booleans as 0/1 integers.
 */
export interface SchoolCardTable {
  id: string;
  fullName: string;
  shortName: string;
  kind: string;
  inn: string | null;
  kpp: string | null;
  ogrn: string | null;
  legalAddress: string | null;
  actualAddress: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  directorName: string | null;
  licenseNumber: string | null;
  licenseDate: string | null;
  licenseIssuer: string | null;
  accreditationNumber: string | null;
  accreditationDate: string | null;
  accreditationValidUntil: string | null;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  userId: string | null;
  userName: string | null;
  transport: string;
  method: string;
  entity: string;
  recordId: string | null;
  action: string;
  /** JSON: `{ field: [old, new] }` for changes, free-form details for other actions. */
  changes: string | null;
  /** What caused the change: an order, an import file, a migration. */
  cause: string | null;
  seq: Generated<number>;
}

export interface AppSettingTable {
  key: string;
  value: string;
  updatedAt: string;
}

export interface AcademicYearTable {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
  isCurrent: number;
  isClosed: number;
  version: number;
  updatedAt: string;
  /** 5 or 6 (migration 0024; defaults to 5). */
  weekLength: Generated<number>;
  /** JSON `{ "10": 6 }`: grades whose week differs from `weekLength` (defaults to `{}`). */
  weekLengthByGrade: Generated<string>;
}

/** Common columns of staff, pupil and parent cards. */
export interface PersonColumns {
  id: string;
  lastName: string;
  firstName: string;
  middleName: string | null;
  sex: 'М' | 'Ж';
  birthDate: string | null;
  snils: string | null;
  /** Normalised ФИО: lower case, ё → е. */
  searchKey: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface StaffTable extends PersonColumns, StaffCardColumns {
  position: string | null;
}

/** The card columns are in schemaPeople.ts (migrations 0030–0033). */
export type PupilTable = PersonColumns & PupilCardColumns;
export type ParentTable = PersonColumns & ParentCardColumns;

export interface SchoolClassTable {
  id: string;
  academicYearId: string;
  grade: number;
  letter: string;
  name: string;
  classTeacherId: string | null;
  shift: number;
  previousClassId: string | null;
  version: number;
  updatedAt: string;
  /** 'ООП' | 'АООП' (migration 0024; defaults to 'ООП'). */
  programme: Generated<string>;
  programmeVariant: string | null;
  homeRoomId: string | null;
  /** Own week length; null = the grade's week of the academic year. */
  weekLength: number | null;
}

export interface PupilParentTable {
  pupilId: string;
  parentId: string;
  relation: string;
  isLegalRepresentative: number;
}

export interface ClassMembershipTable {
  id: string;
  pupilId: string;
  classId: string;
  startDate: string;
  endDate: string | null;
  cause: string | null;
  /** The signed order item that started this membership (migration 0040); null for data entered before. */
  orderItemId: string | null;
  /** The signed order item that ended it. */
  endOrderItemId: string | null;
}

/** A user of the app (migration 0010); booleans are 0/1. */
export interface AppUserTable {
  id: string;
  login: string;
  loginKey: string;
  fullName: string;
  staffId: string | null;
  passwordHash: string;
  isActive: number;
  mustChangePassword: number;
  failedAttempts: number;
  lockCount: number;
  lockedUntil: string | null;
  lastSignInAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface AppUserRoleTable {
  userId: string;
  role: string;
}

/** The administrator's change to a role's default right: granted 1 or withdrawn 0. */
export interface AppRoleRightTable {
  role: string;
  rightKey: string;
  granted: number;
  updatedAt: string;
}

export interface AppUserRightTable {
  userId: string;
  rightKey: string;
  granted: number;
  updatedAt: string;
}

export interface AppSessionTable {
  /** SHA-256 of the session token. */
  id: string;
  userId: string;
  transport: string;
  createdAt: string;
  lastSeenAt: string;
}

/** School set-up (issue 4, migrations 0020–0024). */
export interface RoomTypeTable {
  id: string;
  /** Built-in types have a code (regular, gym, lab, computer, workshop, hall); the school's own do not. */
  code: string | null;
  name: string;
  sortOrder: number;
  version: number;
  updatedAt: string;
}

export interface RoomTable {
  id: string;
  number: string;
  name: string | null;
  floor: number | null;
  capacity: number | null;
  roomTypeId: string;
  note: string | null;
  isActive: number;
  version: number;
  updatedAt: string;
}

export interface SubjectAreaTable {
  id: string;
  name: string;
  sortOrder: number;
  version: number;
  updatedAt: string;
}

export interface SubjectTable {
  id: string;
  name: string;
  shortName: string;
  subjectAreaId: string | null;
  isSplit: number;
  /** Row of the shipped SanPiN table (src-shared/domain/schoolSetup/sanpinDifficulty.ts). */
  sanpinKey: string | null;
  sortOrder: number;
  isArchived: number;
  version: number;
  updatedAt: string;
}

export interface SubjectSanpinPointsTable {
  subjectId: string;
  grade: number;
  points: number;
}

export interface SubjectRoomTypeTable {
  subjectId: string;
  roomTypeId: string;
}

export interface StudyPeriodSchemeTable {
  id: string;
  academicYearId: string;
  name: string;
  /** quarters | trimesters | halfYears | year */
  kind: string;
  version: number;
  updatedAt: string;
}

export interface StudyPeriodSchemeGradeTable {
  schemeId: string;
  academicYearId: string;
  grade: number;
}

export interface StudyPeriodTable {
  id: string;
  schemeId: string;
  ordinal: number;
  name: string;
  startDate: string;
  endDate: string;
}

export interface CalendarEntryTable {
  id: string;
  academicYearId: string;
  /** holiday | dayOff */
  kind: string;
  name: string;
  startDate: string;
  endDate: string;
  /** null = all grades; otherwise "1,2". */
  grades: string | null;
  note: string | null;
  version: number;
  updatedAt: string;
}

export interface DayTransferTable {
  id: string;
  academicYearId: string;
  date: string;
  /** ISO weekday whose timetable runs on `date`. */
  worksAs: number;
  dayOffDate: string | null;
  grades: string | null;
  reason: string | null;
  orderRef: string | null;
  version: number;
  updatedAt: string;
}

export interface SchoolEventTable {
  id: string;
  academicYearId: string;
  title: string;
  date: string;
  startTime: string | null;
  endTime: string | null;
  place: string | null;
  classId: string | null;
  responsibleStaffId: string | null;
  description: string | null;
  version: number;
  updatedAt: string;
}

export interface ProductionCalendarYearTable {
  year: number;
  status: string;
  source: string;
  /** JSON of the year in the shipped file's format. */
  data: string;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
}

export interface BellScheduleTable {
  id: string;
  academicYearId: string;
  name: string;
  shift: number;
  /** "1,2,3,4,5" */
  weekdays: string;
  version: number;
  updatedAt: string;
}

export interface BellLessonTable {
  scheduleId: string;
  lessonNumber: number;
  startTime: string;
  endTime: string;
}

export interface SubgroupTable {
  id: string;
  classId: string;
  subjectId: string;
  name: string;
  ordinal: number;
  version: number;
  updatedAt: string;
}

/** Dated: a member from `startDate` until the day before `endDate` (null = still there). */
export interface SubgroupMemberTable {
  id: string;
  subgroupId: string;
  pupilId: string;
  startDate: string;
  endDate: string | null;
}

export interface Database
  extends PeopleTables, MovementTables, CurriculumTables, SyncTables, TimetableTables, ReportTables, DeadlineTables {
  schoolCard: SchoolCardTable;
  auditLog: AuditLogTable;
  appSetting: AppSettingTable;
  academicYear: AcademicYearTable;
  staff: StaffTable;
  pupil: PupilTable;
  parent: ParentTable;
  schoolClass: SchoolClassTable;
  pupilParent: PupilParentTable;
  classMembership: ClassMembershipTable;
  roomType: RoomTypeTable;
  room: RoomTable;
  subjectArea: SubjectAreaTable;
  subject: SubjectTable;
  subjectSanpinPoints: SubjectSanpinPointsTable;
  subjectRoomType: SubjectRoomTypeTable;
  studyPeriodScheme: StudyPeriodSchemeTable;
  studyPeriodSchemeGrade: StudyPeriodSchemeGradeTable;
  studyPeriod: StudyPeriodTable;
  calendarEntry: CalendarEntryTable;
  dayTransfer: DayTransferTable;
  schoolEvent: SchoolEventTable;
  productionCalendarYear: ProductionCalendarYearTable;
  bellSchedule: BellScheduleTable;
  bellLesson: BellLessonTable;
  subgroup: SubgroupTable;
  subgroupMember: SubgroupMemberTable;
  appUser: AppUserTable;
  appUserRole: AppUserRoleTable;
  appRoleRight: AppRoleRightTable;
  appUserRight: AppUserRightTable;
  appSession: AppSessionTable;
}

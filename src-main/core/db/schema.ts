import type { Generated } from 'kysely';

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

export interface StaffTable extends PersonColumns {
  position: string | null;
}

export type PupilTable = PersonColumns;
export type ParentTable = PersonColumns;

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
}

export interface Database {
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
}

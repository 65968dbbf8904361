import type { Generated } from 'kysely';

/**
 * Tables of the people cards (migrations 0030–0035), kept apart from schema.ts so the people module
 * can grow without touching the shared file. Booleans are 0/1; multi-value fields are JSON arrays.
 */

/** Columns every card gained in migration 0030. */
export interface PersonCardColumns {
  citizenship: string | null;
  phoneHome: string | null;
  phoneMobile: string | null;
  email: string | null;
  note: string | null;
  /** 0 until the row's search tokens are written (rows inserted by other modules start at 0). */
  searchIndexed: Generated<number>;
}

export interface PupilCardColumns extends PersonCardColumns {
  placeOfBirth: string | null;
  inn: string | null;
  extraContact: string | null;
  alphabetBookNumber: string | null;
  personalFileNumber: string | null;
  studyForm: string | null;
  studyProgramme: string | null;
  foreignLanguage1: string | null;
  foreignLanguage2: string | null;
  healthGroup: string | null;
  peGroup: string | null;
  diseases: Generated<string>;
  longTreatment: Generated<number>;
  hasOvz: Generated<number>;
  ovzCategory: string | null;
  adaptedProgramme: string | null;
  healthLimitation: string | null;
  disabilityGroup: string | null;
  disabilityCategory: string | null;
  disabilityUntil: string | null;
  pmpkNumber: string | null;
  pmpkDate: string | null;
  psychCharacteristic: string | null;
  boarding: Generated<number>;
  homeSchooling: Generated<number>;
  needsTransport: Generated<number>;
  transportProvided: Generated<number>;
  freeMeals: Generated<number>;
  hotMeals: Generated<number>;
  /** JSON array of text since migration 0034 (was a single value). */
  familyComposition: string | null;
  socialStatus: Generated<string>;
  deviantBehaviour: Generated<string>;
  preventiveMeasures: string | null;
  droppedOut: Generated<number>;
  hasPcAtHome: Generated<number>;
  gifted: Generated<number>;
  giftedDirection: string | null;
  smallNorthernPeople: Generated<number>;
  fundingType: string | null;
  budgetLevel: string | null;
  additionalEducationCertificate: string | null;
  additionalEducationCertificateDate: string | null;
  egeSubjects: Generated<string>;
  egeReducedSubjects: Generated<string>;
  egeDocumentType: string | null;
  pdRefusal: Generated<number>;
}

export interface ParentCardColumns extends PersonCardColumns {
  workplace: string | null;
  jobTitle: string | null;
  education: string | null;
  phoneWork: string | null;
  fax: string | null;
  workAddress: string | null;
}

export interface StaffCardColumns extends PersonCardColumns {
  inn: string | null;
  personnelNumber: string | null;
  hireDate: string | null;
  hireOrderNumber: string | null;
  totalExperienceStart: string | null;
  pedExperienceStart: string | null;
  payGrade: string | null;
  employeeCategory: string | null;
  qualificationCategory: string | null;
  categoryDate: string | null;
  nextAttestationDate: string | null;
  academicDegree: string | null;
  awards: string | null;
  department: string | null;
  familyStatus: string | null;
  hasPcAtHome: Generated<number>;
  maternityLeaveFrom: string | null;
  maternityLeaveTo: string | null;
  retirementDate: string | null;
  dismissalDate: string | null;
  dismissalOrderNumber: string | null;
}

export interface PersonDocumentTable {
  id: string;
  personKind: string;
  personId: string;
  sortOrder: number;
  type: string;
  series: string | null;
  number: string | null;
  issueDate: string | null;
  issuer: string | null;
  issuerCode: string | null;
}

export interface PersonAddressTable {
  personKind: string;
  personId: string;
  kind: string;
  postalCode: string | null;
  region: string | null;
  district: string | null;
  settlement: string | null;
  street: string | null;
  house: string | null;
  building: string | null;
  flat: string | null;
}

export interface PersonPhotoTable {
  personKind: string;
  personId: string;
  /** A data URL. */
  data: string;
  updatedAt: string;
}

export interface PersonSearchTokenTable {
  kind: string;
  token: string;
  personId: string;
}

export interface PersonMergeTable {
  id: string;
  kind: string;
  keptId: string;
  removedId: string;
  removedName: string;
  at: string;
  userName: string | null;
}

export interface StaffPositionTable {
  id: string;
  staffId: string;
  sortOrder: number;
  position: string;
  kind: string;
  rate: number | null;
  startDate: string | null;
  endDate: string | null;
  orderNumber: string | null;
}

export interface StaffEducationTable {
  id: string;
  staffId: string;
  sortOrder: number;
  level: string | null;
  institution: string | null;
  diplomaDate: string | null;
  diplomaNumber: string | null;
  specialty: string | null;
  qualification: string | null;
  /** 1 — pedagogical, 0 — not, null — not stated (migration 0036). */
  pedagogical: number | null;
}

/** Повышение квалификации and переподготовка (Т-2 sections V, VI; migration 0036). */
export interface StaffTrainingTable {
  id: string;
  staffId: string;
  sortOrder: number;
  /** qualification | retraining */
  kind: string;
  startDate: string | null;
  endDate: string;
  institution: string | null;
  programme: string;
  hours: number | null;
  document: string | null;
}

export interface StaffFamilyMemberTable {
  id: string;
  staffId: string;
  sortOrder: number;
  relation: string;
  lastName: string;
  firstName: string;
  middleName: string | null;
  birthDate: string | null;
}

export interface PortalAccountTable {
  id: string;
  personKind: string;
  personId: string;
  status: string;
  orderNumber: string | null;
  orderDate: string | null;
  dueDate: string | null;
  exportFile: string | null;
  sentOn: string | null;
  login: string | null;
  passwordEnc: string | null;
  createdOn: string | null;
  handedOverOn: string | null;
  handedOverTo: string | null;
  handedOverBy: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface PeopleTables {
  personDocument: PersonDocumentTable;
  personAddress: PersonAddressTable;
  personPhoto: PersonPhotoTable;
  personSearchToken: PersonSearchTokenTable;
  personMerge: PersonMergeTable;
  staffPosition: StaffPositionTable;
  staffEducation: StaffEducationTable;
  staffFamilyMember: StaffFamilyMemberTable;
  staffTraining: StaffTrainingTable;
  portalAccount: PortalAccountTable;
}

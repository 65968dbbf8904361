import { z } from './zodRu';
import { version } from './fields';
import type { PupilCard } from './peoplePupilCard';
import type { ParentCard } from './peopleParentCard';
import type { StaffCard } from './peopleStaffCard';
import type { AccountStatus } from '../domain/portalAccounts';

/**
 * What the people methods answer: list rows (the columns of the virtual tables and of the Excel
 * export) and card views (the card's fields plus what surrounds it: class, family, account).
 */

const sex = z.enum(['М', 'Ж']);

export const PUPIL_FLAGS = ['hasOvz', 'boarding', 'homeSchooling', 'needsTransport', 'freeMeals', 'disability', 'longTreatment', 'pdRefusal'] as const;
export type PupilFlag = (typeof PUPIL_FLAGS)[number];
export const PUPIL_FLAG_LABELS: Record<PupilFlag, string> = {
  hasOvz: 'ОВЗ',
  boarding: 'Интернат',
  homeSchooling: 'Обучение на дому',
  needsTransport: 'Нуждается в подвозе',
  freeMeals: 'Льготное питание',
  disability: 'Инвалидность',
  longTreatment: 'Длительное лечение',
  pdRefusal: 'Отказ от обработки ПДн',
};

export const pupilRow = z.object({
  id: z.string(),
  lastName: z.string(),
  firstName: z.string(),
  middleName: z.string().nullable(),
  sex,
  birthDate: z.string().nullable(),
  /** The class the pupil is in today (dated membership), null when none. */
  classId: z.string().nullable(),
  className: z.string().nullable(),
  version,
  snils: z.string().nullable(),
  personalFileNumber: z.string().nullable(),
  alphabetBookNumber: z.string().nullable(),
  phoneMobile: z.string().nullable(),
  email: z.string().nullable(),
  healthGroup: z.string().nullable(),
  peGroup: z.string().nullable(),
  disabilityGroup: z.string().nullable(),
  hasOvz: z.boolean(),
  boarding: z.boolean(),
  homeSchooling: z.boolean(),
  needsTransport: z.boolean(),
  freeMeals: z.boolean(),
  pdRefusal: z.boolean(),
  /** «Смирнова О. В. (мать); Смирнов О. П. (отец)». */
  parentsText: z.string(),
});
export type PupilRow = z.output<typeof pupilRow>;

export const parentChild = z.object({ pupilId: z.string(), pupilName: z.string(), relation: z.string(), className: z.string().nullable() });

export const parentRow = z.object({
  id: z.string(),
  lastName: z.string(),
  firstName: z.string(),
  middleName: z.string().nullable(),
  sex,
  birthDate: z.string().nullable(),
  /** Children the caller may see: a class teacher sees only those of their classes. */
  children: z.array(parentChild),
  version,
  snils: z.string().nullable(),
  phoneMobile: z.string().nullable(),
  email: z.string().nullable(),
  workplace: z.string().nullable(),
});
export type ParentRow = z.output<typeof parentRow>;

export const staffRow = z.object({
  id: z.string(),
  lastName: z.string(),
  firstName: z.string(),
  middleName: z.string().nullable(),
  sex,
  birthDate: z.string().nullable(),
  version,
  /** The main position today. */
  position: z.string().nullable(),
  additionalPositions: z.string(),
  department: z.string().nullable(),
  qualificationCategory: z.string().nullable(),
  nextAttestationDate: z.string().nullable(),
  hireDate: z.string().nullable(),
  dismissalDate: z.string().nullable(),
  maternityLeaveFrom: z.string().nullable(),
  maternityLeaveTo: z.string().nullable(),
  personnelNumber: z.string().nullable(),
  snils: z.string().nullable(),
  phoneMobile: z.string().nullable(),
  email: z.string().nullable(),
});
export type StaffRow = z.output<typeof staffRow>;

export interface AccountBrief {
  id: string;
  status: AccountStatus;
  dueDate: string | null;
  login: string | null;
  handedOverOn: string | null;
  overdue: boolean;
}

interface CardMeta {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** A small photo as a data URL (JPEG/PNG), optional. */
  photo: string | null;
  account: AccountBrief | null;
  /** Ids of cards merged into this one (their history shows here too). */
  mergedFrom: string[];
}

export interface PupilParentLink {
  parentId: string;
  lastName: string;
  firstName: string;
  middleName: string | null;
  birthDate: string | null;
  phoneMobile: string | null;
  relation: string;
  isLegalRepresentative: boolean;
}

export interface PupilView extends PupilCard, CardMeta {
  classId: string | null;
  className: string | null;
  classHistory: { classId: string; className: string; yearName: string | null; startDate: string; endDate: string | null; cause: string | null }[];
  parents: PupilParentLink[];
  /** Other children of this pupil's parents. */
  siblings: { pupilId: string; name: string; className: string | null }[];
}

export interface ParentView extends ParentCard, CardMeta {
  children: { pupilId: string; name: string; birthDate: string | null; className: string | null; relation: string; isLegalRepresentative: boolean }[];
}

export interface StaffView extends StaffCard, CardMeta {
  /** Main position today (kept in `staff.position` for the rest of the app). */
  position: string | null;
  classesLed: { classId: string; name: string }[];
  appUserLogin: string | null;
}

const isCard = (v: unknown) => typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string';
export const pupilView = z.custom<PupilView>(isCard);
export const parentView = z.custom<ParentView>(isCard);
export const staffView = z.custom<StaffView>(isCard);

export const duplicateCandidate = z.object({
  id: z.string(),
  name: z.string(),
  birthDate: z.string().nullable(),
  snils: z.string().nullable(),
  /** Why it looks like the same person. */
  reason: z.enum(['name-birthdate', 'snils']),
  detail: z.string().nullable(),
});
export type DuplicateCandidate = z.output<typeof duplicateCandidate>;

export const historyRow = z.object({
  id: z.string(),
  at: z.string(),
  userName: z.string().nullable(),
  action: z.string(),
  recordId: z.string().nullable(),
  changes: z.unknown(),
  cause: z.string().nullable(),
});
export type HistoryRow = z.output<typeof historyRow>;

import type { ReportKey } from '../../../../src-shared/domain/reports/catalogue';
import { classLists } from '../defs/classLists';
import { oo1 } from '../defs/oo1';
import { pupilsGeneral } from '../defs/pupilsGeneral';
import { socialPassportClass, socialPassportSchool } from '../defs/socialPassport';
import { staffAgeExperience, staffAttestation, staffEducation } from '../defs/staffReports';
import { yearResults } from '../defs/yearResults';
import type { ReportDef } from './types';

/** Every catalogue report's computation, by key; a key without one is a compile error. */
export const REPORT_DEFS: Record<ReportKey, ReportDef> = {
  'pupils-general': pupilsGeneral,
  'pupils-year-results': yearResults,
  oo1,
  'social-passport-school': socialPassportSchool,
  'social-passport-class': socialPassportClass,
  'staff-attestation': staffAttestation,
  'staff-education': staffEducation,
  'staff-age-experience': staffAgeExperience,
  'class-lists': classLists,
};

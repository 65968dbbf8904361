/**
 * Tables of the curriculum and teaching load (migration 0050), kept apart from schema.ts so the
 * module can grow without touching the shared file. Booleans are 0/1.
 */

export interface CurriculumPlanTable {
  id: string;
  academicYearId: string;
  grade: number;
  /** null — the grade's plan; otherwise the class whose rows differ from the grade's. */
  classId: string | null;
  /** 'grade' or the class id: unique per year and grade. */
  scopeKey: string;
  weeksPerYear: number;
  note: string | null;
  version: number;
  updatedAt: string;
}

export interface CurriculumRowTable {
  id: string;
  planId: string;
  subjectId: string;
  /** mandatory | formed | extracurricular */
  part: string;
  /** JSON array of weekly hours per study period, or one number for the whole year: "[3]", "[2,0]". */
  hours: string;
  groups: number;
  /** 0 — none, n — pairs a week, -1 — all lessons in pairs. */
  doubles: number;
  assessment: string | null;
  /** 1 in a class plan: the class does not take the grade's row. */
  excluded: number;
  sortOrder: number;
}

export interface TeachingAssignmentTable {
  id: string;
  academicYearId: string;
  classId: string;
  subjectId: string;
  /** 0 — the whole class; 1…n — the subgroup with that ordinal. */
  groupNo: number;
  staffId: string;
  version: number;
  updatedAt: string;
}

export interface StaffSubjectTable {
  staffId: string;
  subjectId: string;
}

/** A group taught together from several classes (migration 0051): an ИУП group, a поток. */
export interface JointGroupTable {
  id: string;
  academicYearId: string;
  subjectId: string;
  name: string;
  version: number;
  updatedAt: string;
}

/** A class's part of a joint group: its slot class × the group's subject × group number (0 = whole class). */
export interface JointGroupSlotTable {
  jointGroupId: string;
  classId: string;
  groupNo: number;
}

export interface CurriculumTables {
  curriculumPlan: CurriculumPlanTable;
  curriculumRow: CurriculumRowTable;
  teachingAssignment: TeachingAssignmentTable;
  staffSubject: StaffSubjectTable;
  jointGroup: JointGroupTable;
  jointGroupSlot: JointGroupSlotTable;
}

/**
 * Timetable instance and solution model. Plain JSON-safe data: the same objects travel through
 * IPC/HTTP, get written to fixtures and are compiled by `compile.ts` into typed arrays for the solver.
 *
 * A slot is (day, period). Students are scheduled on atomic "cells": a class with divisions
 * (e.g. English gr1/gr2 and technology boys/girls) has the cross product of its divisions' groups as
 * cells, exactly like FET's subgroups produced by "divide year by categories".
 */

/** A limit with a FET-like weight: 100 makes it hard, anything lower is a soft penalty. */
export interface Limit {
  value: number;
  /** 0..100, default 100 (hard). */
  weight?: number;
}

/** Limits shared by teachers and student cells; every field is optional. */
export interface Limits {
  maxPerDay?: Limit & {
    /** SanPiN grades 1–4: one day a week may have this many lessons instead of `value`. */
    onceAWeek?: number;
  };
  minPerDay?: Limit & { allowEmptyDays?: boolean };
  maxDays?: Limit;
  minDays?: Limit;
  maxGapsPerDay?: Limit;
  maxGapsPerWeek?: Limit;
  maxContinuous?: Limit;
  /** Students only: days that may start at the second available period; later starts always violate. */
  maxSecondPeriodStarts?: Limit;
}

export interface SlotRef {
  day: number;
  period: number;
}

export interface Subject {
  id: string;
  name: string;
  /** SanPiN difficulty points by grade ("5" → 10). Missing grade → 0 points. */
  difficulty?: Record<string, number>;
  /** Two adjacent lessons of this subject on one day count as a double lesson, not as a repeat. */
  doubleAllowed?: boolean;
}

export interface Teacher {
  id: string;
  name: string;
  unavailable?: SlotRef[];
  /** Soft: the teacher would rather not teach here (methodical wishes, preferences). */
  undesired?: SlotRef[];
  limits?: Limits[];
}

export interface Room {
  id: string;
  name: string;
  /** Free-form: "classroom", "gym", "lab-chem", "computer", "workshop", ... */
  type?: string;
  capacity?: number;
  unavailable?: SlotRef[];
}

export interface Division {
  name: string;
  groups: string[];
}

export interface SchoolClass {
  id: string;
  name: string;
  /** 1..11 for Russian schools; 0 when unknown (imported files). */
  grade: number;
  /** Shift window in periods (inclusive); outside it the class is unavailable. */
  periods?: { first: number; last: number };
  divisions?: Division[];
  size?: number;
  unavailable?: SlotRef[];
  /** Applied to every cell of the class. */
  limits?: Limits[];
}

/** Whole class (no division) or some groups of one division of a class. */
export interface Audience {
  classId: string;
  division?: number;
  groups?: number[];
}

/** Rules on a part of a class (FET students-set constraints on a group or subgroup). */
export interface StudentSetRule {
  students: Audience[];
  limits?: Limits;
  unavailable?: SlotRef[];
}

export interface Lesson {
  id: string;
  subjectId: string;
  teacherIds: string[];
  students: Audience[];
  /** Periods per occurrence: 2 is a double lesson. */
  duration: number;
  /** Occurrences per week. */
  count: number;
  /** Candidate rooms, most preferred first. Empty or missing: the lesson needs no room. */
  roomIds?: string[];
  /**
   * Headcount of the audience (FET's activity number of students). A candidate room whose
   * capacity is smaller is never used. Missing: the sum of the class sizes when every audience is
   * a whole class; a group audience without a count is not checked.
   */
  studentCount?: number;
  /** Lessons sharing this key are taught at the same time, occurrence k with occurrence k. */
  parallelKey?: string;
  /** Hard allowed start slots; missing means anywhere. */
  allowedStarts?: SlotRef[];
  /** Soft preferred start slots. */
  preferredStarts?: { slots: SlotRef[]; weight: number };
  /** Occurrence k fixed at this slot (and room) if present. */
  locked?: (LockedPlacement | null)[];
  /** The lesson must be the last one of its students' day (FET ActivityEndsStudentsDay). */
  endsStudentsDay?: { weight: number };
  tags?: string[];
}

export interface LockedPlacement extends SlotRef {
  roomId?: string;
}

/** FET MinDaysBetweenActivities over lesson occurrences. */
export interface MinDaysRule {
  units: UnitRef[];
  minDays: number;
  weight: number;
  consecutiveIfSameDay?: boolean;
}

/** FET ActivitiesSameStartingTime below 100% (100% ones become parallel blocks). */
export interface SameStartRule {
  units: UnitRef[];
  weight: number;
}

/** FET StudentsSetActivityTagMaxHoursDaily and the like. */
export interface TagMaxPerDayRule {
  tag: string;
  students?: Audience[];
  teacherIds?: string[];
  max: number;
  weight: number;
}

export interface UnitRef {
  lessonId: string;
  index: number;
}

/** Soft objective weights; see DEFAULT_WEIGHTS for the documented defaults. */
export interface SoftWeights {
  teacherGap: number;
  teacherGapDayExcess: number;
  teacherUndesired: number;
  difficultyPeak: number;
  hardFirstLast: number;
  hardInARow: number;
  sameSubjectTwice: number;
  dayBalance: number;
  roomPreference: number;
  /** Multiplies weight% of soft imported (FET) constraints. */
  softRule: number;
  /** Repair: cost of moving a lesson that the user did not touch. */
  change: number;
}

export interface TimetableInstance {
  name: string;
  days: string[];
  periods: string[];
  /** Nothing can be placed here and the slot is not a gap (FET BreakTimes). */
  breaks?: SlotRef[];
  subjects: Subject[];
  teachers: Teacher[];
  rooms: Room[];
  classes: SchoolClass[];
  lessons: Lesson[];
  studentSetRules?: StudentSetRule[];
  minDaysRules?: MinDaysRule[];
  sameStartRules?: SameStartRule[];
  tagMaxPerDayRules?: TagMaxPerDayRule[];
  /** Difficulty points at or above which a lesson is "hard" (SanPiN: 8). */
  hardThreshold?: number;
  weights?: Partial<SoftWeights>;
}

export interface Placement {
  lessonId: string;
  index: number;
  day: number;
  period: number;
  roomId?: string | null;
}

export interface Timetable {
  placements: Placement[];
}

export const HARD_WEIGHT_PERCENT = 100;

export const DEFAULT_WEIGHTS: SoftWeights = {
  teacherGap: 10,
  teacherGapDayExcess: 6,
  teacherUndesired: 8,
  // Tuned on the benchmark (S/M 150k iterations, XL 300k): 8/3/6 left 15–23 % of hard lessons
  // first/last and XL's Tue/Wed peak at 80–86 %; 30/8/4 gave 7–12 % and 92–100 %. With the SanPiN
  // moves (sanpinSwap: first/last ↔ middle of the same day, rotation, peak swap) 50/12/4 gives
  // 6–10 % on S-hard…XL-hard at 250k–500k iterations with the peak at 89–100 % (70 lowered M-hard's
  // peak to 79–84 %); teacher gaps stay 2–4× below FET's.
  difficultyPeak: 12,
  hardFirstLast: 50,
  hardInARow: 4,
  sameSubjectTwice: 12,
  dayBalance: 4,
  roomPreference: 1,
  softRule: 0.5,
  change: 40,
};

export const DEFAULT_HARD_THRESHOLD = 8;

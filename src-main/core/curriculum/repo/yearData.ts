import { activeRows, effectiveRows, type EffectiveRow } from '../../../../src-shared/domain/curriculum/effectivePlan';
import { periodWeeks } from '../../../../src-shared/domain/curriculum/hours';
import { loadRowsOfClass, type LoadRow } from '../../../../src-shared/domain/curriculum/loadRows';
import { defaultYearWeeks, type WeekLength } from '../../../../src-shared/domain/curriculum/norms';
import { compareRu } from '../../../../src-shared/domain/names';
import { parseWeekLengthByGrade } from '../../schoolSetup/index';
import { findYear, type YearRow } from '../../schoolSetup/index';
import { plansOfYear, type StoredPlan } from './plans';
import type { Executor } from '../../foundation/executor';
import { notFound } from '../../foundation/refusals';

/**
 * Everything the curriculum and load views need about one academic year, read once: classes, subjects,
 * study periods by grade, plans, teacher assignments and subgroup counts.
 */
export interface YearClass {
  id: string;
  name: string;
  grade: number;
  letter: string;
  weekLength: WeekLength;
  previousClassId: string | null;
  /** «ООП», or «АООП» with its variant («АООП 7.2»): classes on an adapted programme usually need a plan of their own. */
  programme: string;
}

export interface YearSubject {
  id: string;
  name: string;
  shortName: string;
  areaName: string | null;
  sortOrder: number;
  isArchived: boolean;
}

export interface YearPeriod {
  ordinal: number;
  name: string;
  startDate: string;
  endDate: string;
}

export interface AssignmentRow {
  id: string;
  classId: string;
  subjectId: string;
  groupNo: number;
  staffId: string;
  version: number;
}

export interface YearData {
  year: YearRow;
  readOnly: boolean;
  classes: YearClass[];
  subjects: Map<string, YearSubject>;
  periods: Map<number, YearPeriod[]>;
  gradePlans: Map<number, StoredPlan>;
  classPlans: Map<string, StoredPlan>;
  assignments: AssignmentRow[];
  /** classId → subjectId → subgroups. */
  subgroupCounts: Map<string, Record<string, number>>;
  /** Slot (`classId|subjectId|groupNo`) → its joint group (several classes taught as one lesson, migration 0051). */
  jointSlots: Map<string, string>;
}

export async function loadYearData(db: Executor, yearId: string): Promise<YearData> {
  const year = await findYear(db, yearId);
  if (!year) throw notFound('Учебный год');
  const byGrade = parseWeekLengthByGrade(year.weekLengthByGrade);
  const gradeWeek = (g: number): WeekLength => byGrade[String(g)] ?? (Number(year.weekLength) === 6 ? 6 : 5);
  const [classRows, subjectRows, schemeRows, plans, assignments, groups, joint] = await Promise.all([
    db.selectFrom('schoolClass').select(['id', 'name', 'grade', 'letter', 'weekLength', 'previousClassId', 'programme', 'programmeVariant']).where('academicYearId', '=', yearId).execute(),
    db.selectFrom('subject').leftJoin('subjectArea', 'subjectArea.id', 'subject.subjectAreaId').select(['subject.id', 'subject.name', 'subject.shortName', 'subject.sortOrder', 'subject.isArchived', 'subjectArea.name as areaName']).execute(),
    db
      .selectFrom('studyPeriodSchemeGrade as g')
      .innerJoin('studyPeriod as p', 'p.schemeId', 'g.schemeId')
      .select(['g.grade', 'p.ordinal', 'p.name', 'p.startDate', 'p.endDate'])
      .where('g.academicYearId', '=', yearId)
      .execute(),
    plansOfYear(db, yearId),
    db.selectFrom('teachingAssignment').select(['id', 'classId', 'subjectId', 'groupNo', 'staffId', 'version']).where('academicYearId', '=', yearId).execute(),
    db
      .selectFrom('subgroup')
      .innerJoin('schoolClass', 'schoolClass.id', 'subgroup.classId')
      .select(['subgroup.classId', 'subgroup.subjectId'])
      .where('schoolClass.academicYearId', '=', yearId)
      .execute(),
    db
      .selectFrom('jointGroupSlot as s')
      .innerJoin('jointGroup as j', 'j.id', 's.jointGroupId')
      .select(['s.classId', 'j.subjectId', 's.groupNo', 'j.id'])
      .where('j.academicYearId', '=', yearId)
      .execute(),
  ]);
  const classes = classRows
    .map((c) => ({
      id: c.id,
      name: c.name,
      grade: Number(c.grade),
      letter: c.letter,
      weekLength: (c.weekLength === 5 || c.weekLength === 6 ? c.weekLength : gradeWeek(Number(c.grade))) as WeekLength,
      previousClassId: c.previousClassId,
      programme: [c.programme || 'ООП', c.programmeVariant].filter(Boolean).join(' '),
    }))
    .sort((a, b) => a.grade - b.grade || compareRu(a.letter, b.letter));
  const periods = new Map<number, YearPeriod[]>();
  for (const p of schemeRows) {
    const list = periods.get(Number(p.grade)) ?? [];
    list.push({ ordinal: Number(p.ordinal), name: p.name, startDate: p.startDate, endDate: p.endDate });
    periods.set(Number(p.grade), list);
  }
  for (const list of periods.values()) list.sort((a, b) => a.ordinal - b.ordinal);
  const subgroupCounts = new Map<string, Record<string, number>>();
  for (const g of groups) {
    const m = subgroupCounts.get(g.classId) ?? {};
    m[g.subjectId] = (m[g.subjectId] ?? 0) + 1;
    subgroupCounts.set(g.classId, m);
  }
  return {
    year,
    readOnly: Number(year.isClosed) === 1,
    classes,
    subjects: new Map(
      subjectRows.map((s) => [s.id, { id: s.id, name: s.name, shortName: s.shortName, areaName: s.areaName ?? null, sortOrder: Number(s.sortOrder), isArchived: Number(s.isArchived) === 1 }]),
    ),
    periods,
    gradePlans: new Map(plans.filter((p) => p.classId === null).map((p) => [p.grade, p])),
    classPlans: new Map(plans.filter((p) => p.classId !== null).map((p) => [p.classId as string, p])),
    assignments: assignments.map((a) => ({ ...a, groupNo: Number(a.groupNo), version: Number(a.version) })),
    subgroupCounts,
    jointSlots: new Map(joint.map((j) => [`${j.classId}|${j.subjectId}|${Number(j.groupNo)}`, j.id])),
  };
}

export function gradeWeekOf(data: YearData, grade: number): WeekLength {
  const byGrade = parseWeekLengthByGrade(data.year.weekLengthByGrade);
  return byGrade[String(grade)] ?? (Number(data.year.weekLength) === 6 ? 6 : 5);
}

export function subjectNameOf(data: YearData): (id: string) => string {
  return (id) => data.subjects.get(id)?.name ?? 'предмет удалён';
}

/** Weeks of each study period of a grade, adding up to the grade plan's weeks a year. */
export function weeksOf(data: YearData, grade: number): number[] {
  const yearWeeks = data.gradePlans.get(grade)?.weeksPerYear ?? defaultYearWeeks(grade);
  return periodWeeks(data.periods.get(grade) ?? [], yearWeeks);
}

export function periodsOf(data: YearData, grade: number): { ordinal: number; name: string; weeks: number; startDate: string | null; endDate: string | null }[] {
  const weeks = weeksOf(data, grade);
  const list = data.periods.get(grade) ?? [];
  if (list.length === 0) return [{ ordinal: 1, name: 'Учебный год', weeks: weeks[0], startDate: null, endDate: null }];
  return list.map((p, i) => ({ ordinal: p.ordinal, name: p.name, weeks: weeks[i], startDate: p.startDate, endDate: p.endDate }));
}

export function classEffective(data: YearData, cls: YearClass): EffectiveRow[] {
  return effectiveRows(data.gradePlans.get(cls.grade)?.rows.filter((r) => !r.excluded) ?? [], data.classPlans.get(cls.id)?.rows ?? []);
}

/** The load rows of every class of the year, from the classes' effective plans. */
export function yearLoadRows(data: YearData): LoadRow[] {
  const name = subjectNameOf(data);
  return data.classes.flatMap((c) => loadRowsOfClass(c, activeRows(classEffective(data, c)), weeksOf(data, c.grade), name));
}

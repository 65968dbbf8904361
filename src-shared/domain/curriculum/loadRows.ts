import { subjectGroups } from './checks';
import type { PlanRow } from './effectivePlan';
import { averageWeekly, round2 } from './hours';
import { isClassroom } from './parts';

/**
 * The teaching load a plan creates: one row per class × subject × group (group 0 — the whole class;
 * 1…n — the subgroups of a split subject, each taught separately). Hours are the year's average per
 * week, summed over the parts the subject appears in.
 */
export interface LoadRow {
  classId: string;
  className: string;
  grade: number;
  subjectId: string;
  subjectName: string;
  groupNo: number;
  groupCount: number;
  /** Обязательная + формируемая часть. */
  classroomHours: number;
  extracurricularHours: number;
  hours: number;
}

export interface LoadClass {
  id: string;
  name: string;
  grade: number;
}

export function loadKey(r: { classId: string; subjectId: string; groupNo: number }): string {
  return `${r.classId}|${r.subjectId}|${r.groupNo}`;
}

export function groupNos(groupCount: number): number[] {
  return groupCount > 1 ? Array.from({ length: groupCount }, (_, i) => i + 1) : [0];
}

export function loadRowsOfClass(cls: LoadClass, rows: readonly PlanRow[], weeks: readonly number[], subjectName: (id: string) => string): LoadRow[] {
  const out: LoadRow[] = [];
  for (const [subjectId, groupCount] of subjectGroups(rows)) {
    const of = rows.filter((r) => r.subjectId === subjectId);
    const classroomHours = round2(of.filter((r) => isClassroom(r.part)).reduce((s, r) => s + averageWeekly(r.hours, weeks), 0));
    const extracurricularHours = round2(of.filter((r) => !isClassroom(r.part)).reduce((s, r) => s + averageWeekly(r.hours, weeks), 0));
    for (const groupNo of groupNos(groupCount)) {
      out.push({
        classId: cls.id,
        className: cls.name,
        grade: cls.grade,
        subjectId,
        subjectName: subjectName(subjectId),
        groupNo,
        groupCount,
        classroomHours,
        extracurricularHours,
        hours: round2(classroomHours + extracurricularHours),
      });
    }
  }
  return out;
}

export interface Assignment {
  classId: string;
  subjectId: string;
  groupNo: number;
  staffId: string;
}

export interface TeacherTotal {
  staffId: string;
  classroomHours: number;
  extracurricularHours: number;
  hours: number;
  rows: LoadRow[];
}

/**
 * Each teacher's rows and totals; assignments whose row left the plan are not counted (see
 * `orphanAssignments`). `joint` maps a slot (`loadKey`) to its joint group: the slots of one joint
 * group are one lesson, so a teacher's hours count it once (its largest row), every row still listed.
 */
export function teacherTotals(rows: readonly LoadRow[], assignments: readonly Assignment[], joint: ReadonlyMap<string, string> = new Map()): Map<string, TeacherTotal> {
  const byKey = new Map(rows.map((r) => [loadKey(r), r]));
  const out = new Map<string, TeacherTotal>();
  // Per teacher and joint group: the hours already counted for it.
  const counted = new Map<string, { classroom: number; extra: number; hours: number }>();
  for (const a of assignments) {
    const found = byKey.get(loadKey(a));
    if (!found) continue;
    let row = found;
    const group = joint.get(loadKey(a));
    if (group !== undefined) {
      const k = `${a.staffId}|${group}`;
      const before = counted.get(k) ?? { classroom: 0, extra: 0, hours: 0 };
      const now = { classroom: Math.max(before.classroom, found.classroomHours), extra: Math.max(before.extra, found.extracurricularHours), hours: Math.max(before.hours, found.hours) };
      counted.set(k, now);
      // Only what this slot adds beyond the hours already counted for the group.
      row = { ...found, classroomHours: now.classroom - before.classroom, extracurricularHours: now.extra - before.extra, hours: now.hours - before.hours };
    }
    const t = out.get(a.staffId) ?? { staffId: a.staffId, classroomHours: 0, extracurricularHours: 0, hours: 0, rows: [] };
    t.classroomHours = round2(t.classroomHours + row.classroomHours);
    t.extracurricularHours = round2(t.extracurricularHours + row.extracurricularHours);
    t.hours = round2(t.hours + row.hours);
    t.rows.push(found);
    out.set(a.staffId, t);
  }
  return out;
}

/** Rows with hours and no teacher: the «Вакансии» list. */
export function vacancies(rows: readonly LoadRow[], assignments: readonly Assignment[]): LoadRow[] {
  const taken = new Set(assignments.map(loadKey));
  return rows.filter((r) => r.hours > 0 && !taken.has(loadKey(r)));
}

/** Assignments the plan no longer has a row for (the subject left the plan or stopped being split). */
export function orphanAssignments(rows: readonly LoadRow[], assignments: readonly Assignment[]): Assignment[] {
  const keys = new Set(rows.map(loadKey));
  return assignments.filter((a) => !keys.has(loadKey(a)));
}

export interface VacancySummary {
  subjectId: string;
  subjectName: string;
  hours: number;
  classes: string[];
}

/** Vacancies by subject: what the school would hire for («учитель математики, 15 ч»). */
export function vacanciesBySubject(list: readonly LoadRow[]): VacancySummary[] {
  const out = new Map<string, VacancySummary>();
  for (const v of list) {
    const s = out.get(v.subjectId) ?? { subjectId: v.subjectId, subjectName: v.subjectName, hours: 0, classes: [] };
    s.hours = round2(s.hours + v.hours);
    s.classes.push(v.groupNo ? `${v.className} (гр. ${v.groupNo})` : v.className);
    out.set(v.subjectId, s);
  }
  return [...out.values()].sort((a, b) => b.hours - a.hours || a.subjectName.localeCompare(b.subjectName, 'ru'));
}

export function groupLabel(groupNo: number): string {
  return groupNo === 0 ? 'весь класс' : `группа ${groupNo}`;
}

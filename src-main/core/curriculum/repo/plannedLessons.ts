import { subjectGroups } from '../../../../src-shared/domain/curriculum/checks';
import { activeRows } from '../../../../src-shared/domain/curriculum/effectivePlan';
import { expandHours, round2 } from '../../../../src-shared/domain/curriculum/hours';
import { groupNos, loadKey } from '../../../../src-shared/domain/curriculum/loadRows';
import { DOUBLES_ALL, isClassroom } from '../../../../src-shared/domain/curriculum/parts';
import { classEffective, loadYearData, subjectNameOf } from './yearData';
import type { Executor } from '../../foundation/executor';

/**
 * What the timetable must place, from the plan and the load: one entry per class × subject × group
 * with its weekly hours in each study period, the double lessons asked for, the teacher and the
 * subgroup (by ordinal). Внеурочная деятельность is listed apart (`classroom: false`).
 */
export interface PlannedLesson {
  classId: string;
  className: string;
  grade: number;
  subjectId: string;
  subjectName: string;
  classroom: boolean;
  /** 0 — the whole class; 1…n — a subgroup. */
  groupNo: number;
  groupCount: number;
  /** The class's subgroup for this subject with ordinal `groupNo`, once created. */
  subgroupId: string | null;
  /** Weekly hours in each study period of the grade (in order). */
  hoursByPeriod: number[];
  periods: { name: string; startDate: string; endDate: string }[];
  /** Double lessons a week (-1 — every lesson in pairs). */
  doubles: number;
  teacherId: string | null;
}

export async function plannedLessons(db: Executor, yearId: string): Promise<PlannedLesson[]> {
  const data = await loadYearData(db, yearId);
  const name = subjectNameOf(data);
  const teachers = new Map(data.assignments.map((a) => [loadKey(a), a.staffId]));
  const subgroups = await db
    .selectFrom('subgroup')
    .innerJoin('schoolClass', 'schoolClass.id', 'subgroup.classId')
    .select(['subgroup.id', 'subgroup.classId', 'subgroup.subjectId', 'subgroup.ordinal'])
    .where('schoolClass.academicYearId', '=', yearId)
    .execute();
  const out: PlannedLesson[] = [];
  for (const c of data.classes) {
    const rows = activeRows(classEffective(data, c));
    const periods = data.periods.get(c.grade) ?? [];
    const n = Math.max(1, periods.length);
    for (const [subjectId, groupCount] of subjectGroups(rows)) {
      for (const classroom of [true, false]) {
        const mine = rows.filter((r) => r.subjectId === subjectId && isClassroom(r.part) === classroom);
        if (mine.length === 0) continue;
        const hoursByPeriod = Array.from({ length: n }, (_, i) => round2(mine.reduce((s, r) => s + expandHours(r.hours, n)[i], 0)));
        if (hoursByPeriod.every((h) => h === 0)) continue;
        const doubles = mine.some((r) => r.doubles === DOUBLES_ALL) ? DOUBLES_ALL : Math.max(0, ...mine.map((r) => r.doubles));
        for (const groupNo of groupNos(groupCount)) {
          out.push({
            classId: c.id,
            className: c.name,
            grade: c.grade,
            subjectId,
            subjectName: name(subjectId),
            classroom,
            groupNo,
            groupCount,
            subgroupId: groupNo ? (subgroups.find((g) => g.classId === c.id && g.subjectId === subjectId && Number(g.ordinal) === groupNo)?.id ?? null) : null,
            hoursByPeriod,
            periods: periods.map((p) => ({ name: p.name, startDate: p.startDate, endDate: p.endDate })),
            doubles,
            teacherId: teachers.get(loadKey({ classId: c.id, subjectId, groupNo })) ?? null,
          });
        }
      }
    }
  }
  return out;
}

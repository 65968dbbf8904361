import type { Executor } from '../../foundation/executor';

/**
 * New load and plan records as this domain stores them (first version, its defaults), for writers
 * that create them in bulk inside their own transaction — the portal pull's ExportCM. The caller audits.
 */

export async function insertQualificationRecord(db: Executor, staffId: string, subjectId: string): Promise<void> {
  await db.insertInto('staffSubject').values({ staffId, subjectId }).execute();
}

export async function insertPlanRecord(
  db: Executor,
  r: { id: string; yearId: string; grade: number; classId: string | null; weeksPerYear: number; note: string; updatedAt: string },
  rows: readonly { id: string; subjectId: string; hours: number; groups: number; excluded: boolean; sortOrder: number; doubles?: number }[],
): Promise<void> {
  await db
    .insertInto('curriculumPlan')
    .values({ id: r.id, academicYearId: r.yearId, grade: r.grade, classId: r.classId, scopeKey: r.classId ?? 'grade', weeksPerYear: r.weeksPerYear, note: r.note, version: 1, updatedAt: r.updatedAt })
    .execute();
  if (rows.length === 0) return;
  await db
    .insertInto('curriculumRow')
    .values(rows.map((x) => ({ id: x.id, planId: r.id, subjectId: x.subjectId, part: 'mandatory', hours: JSON.stringify([x.hours]), groups: x.groups, doubles: x.doubles ?? 0, assessment: null, excluded: x.excluded ? 1 : 0, sortOrder: (x.sortOrder + 1) * 10 })))
    .execute();
}

const CHUNK = 200;

/** New teaching assignments (first version), many to a statement; the caller audits. */
export async function insertAssignmentRecords(db: Executor, rows: readonly { id: string; yearId: string; classId: string; subjectId: string; groupNo: number; staffId: string; updatedAt: string }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto('teachingAssignment')
      .values(rows.slice(i, i + CHUNK).map((r) => ({ id: r.id, academicYearId: r.yearId, classId: r.classId, subjectId: r.subjectId, groupNo: r.groupNo, staffId: r.staffId, version: 1, updatedAt: r.updatedAt })))
      .execute();
  }
}

/** New qualifications (teacher × subject), many to a statement; the caller audits. */
export async function insertQualificationRecords(db: Executor, rows: readonly { staffId: string; subjectId: string }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await db.insertInto('staffSubject').values(rows.slice(i, i + CHUNK).map((r) => ({ staffId: r.staffId, subjectId: r.subjectId }))).execute();
}

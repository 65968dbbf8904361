import type { Executor } from '../../foundation/executor';

/**
 * What a year already holds that an ExportCM pull plans against (planCmClasses.ts): its classes,
 * load slots, subgroups, plans and week length. Read-only; joint groups come from the curriculum.
 */
export async function cmYearRows(db: Executor, yearId: string) {
  const [classes, slots, subgroups, plans, year] = await Promise.all([
    db.selectFrom('schoolClass').select(['id', 'name', 'shift', 'weekLength', 'grade']).where('academicYearId', '=', yearId).execute(),
    db.selectFrom('teachingAssignment').select(['classId', 'subjectId', 'groupNo']).where('academicYearId', '=', yearId).execute(),
    db.selectFrom('subgroup as s').innerJoin('schoolClass as c', 'c.id', 's.classId').select(['s.classId', 's.subjectId', 's.ordinal', 's.name']).where('c.academicYearId', '=', yearId).execute(),
    db.selectFrom('curriculumPlan').select(['grade', 'scopeKey']).where('academicYearId', '=', yearId).execute(),
    db.selectFrom('academicYear').select(['weekLength', 'weekLengthByGrade']).where('id', '=', yearId).executeTakeFirst(),
  ]);
  return { classes, slots, subgroups, plans, year };
}

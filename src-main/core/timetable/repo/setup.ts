import type { Executor } from '../../foundation/executor';

/**
 * SQL of the timetable's own set-up tables (teachers' time off) and what it reads of the school.
 */

export async function availabilityOfYear(db: Executor, yearId: string) {
  return db.selectFrom('timetableTeacherAvailability').selectAll().where('academicYearId', '=', yearId).execute();
}

export async function availabilityOf(db: Executor, yearId: string, staffId: string) {
  return db.selectFrom('timetableTeacherAvailability').selectAll().where('academicYearId', '=', yearId).where('staffId', '=', staffId).executeTakeFirst();
}

export async function insertAvailability(db: Executor, row: { id: string; academicYearId: string; staffId: string; slots: string; note: string | null; updatedAt: string }) {
  await db.insertInto('timetableTeacherAvailability').values({ ...row, version: 1 }).execute();
}

export async function updateAvailabilityIf(db: Executor, id: string, expected: number, patch: { slots: string; note: string | null; updatedAt: string }): Promise<boolean> {
  const r = await db
    .updateTable('timetableTeacherAvailability')
    .set({ ...patch, version: expected + 1 })
    .where('id', '=', id)
    .where('version', '=', expected)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Teachers with load in the year or with saved time off, by name. */
export async function teachersOfYear(db: Executor, yearId: string) {
  const withLoad = db.selectFrom('teachingAssignment').select('staffId').where('academicYearId', '=', yearId);
  const withSlots = db.selectFrom('timetableTeacherAvailability').select('staffId').where('academicYearId', '=', yearId);
  return db
    .selectFrom('staff')
    .select(['id', 'lastName', 'firstName', 'middleName'])
    .where((eb) => eb.or([eb('id', 'in', withLoad), eb('id', 'in', withSlots)]))
    .execute();
}

export async function staffNames(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('staff').select(['id', 'lastName', 'firstName', 'middleName']).where('id', 'in', [...new Set(ids)]).execute();
}

export async function bellShifts(db: Executor, yearId: string) {
  return db
    .selectFrom('bellSchedule as s')
    .innerJoin('bellLesson as l', 'l.scheduleId', 's.id')
    .select(['s.id', 's.shift', 's.weekdays', 'l.lessonNumber', 'l.startTime', 'l.endTime'])
    .where('s.academicYearId', '=', yearId)
    .execute();
}

/** Classes whose class teacher is this staff member (a class teacher sees their class). */
export async function classesLedBy(db: Executor, staffId: string): Promise<string[]> {
  return (await db.selectFrom('schoolClass').select('id').where('classTeacherId', '=', staffId).execute()).map((r) => r.id);
}

export async function classNames(db: Executor, ids: readonly string[]) {
  return ids.length ? db.selectFrom('schoolClass').select(['id', 'name', 'academicYearId']).where('id', 'in', [...ids]).execute() : [];
}

export async function subjectNames(db: Executor, ids: readonly string[]) {
  return ids.length ? db.selectFrom('subject').select(['id', 'name']).where('id', 'in', [...ids]).execute() : [];
}

export async function studyPeriodById(db: Executor, id: string) {
  return db
    .selectFrom('studyPeriod as p')
    .innerJoin('studyPeriodScheme as s', 's.id', 'p.schemeId')
    .select(['p.id', 'p.name', 'p.startDate', 'p.endDate', 's.academicYearId'])
    .where('p.id', '=', id)
    .executeTakeFirst();
}

export async function studyPeriodsOfYear(db: Executor, yearId: string): Promise<{ id: string; name: string; startDate: string; endDate: string; grades: number[] }[]> {
  const [periods, grades] = await Promise.all([
    db
      .selectFrom('studyPeriod as p')
      .innerJoin('studyPeriodScheme as s', 's.id', 'p.schemeId')
      .select(['p.id', 'p.name', 'p.startDate', 'p.endDate', 'p.schemeId', 'p.ordinal'])
      .where('s.academicYearId', '=', yearId)
      .execute(),
    db.selectFrom('studyPeriodSchemeGrade').select(['schemeId', 'grade']).where('academicYearId', '=', yearId).execute(),
  ]);
  return periods
    .map((p) => ({
      id: p.id,
      name: p.name,
      startDate: p.startDate,
      endDate: p.endDate,
      grades: grades.filter((g) => g.schemeId === p.schemeId).map((g) => Number(g.grade)).sort((a, b) => a - b),
    }))
    .sort((a, b) => a.startDate.localeCompare(b.startDate) || b.endDate.localeCompare(a.endDate) || a.name.localeCompare(b.name, 'ru'));
}

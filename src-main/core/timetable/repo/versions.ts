import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../foundation/executor';
import type { TimetableVersionTable } from '../../db/schemaTimetable';

/** SQL of timetable versions (the only place that touches timetable_version). */

export type VersionRow = Selectable<TimetableVersionTable>;

export async function findVersion(db: Executor, id: string): Promise<VersionRow | undefined> {
  return db.selectFrom('timetableVersion').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function versionsOfYear(db: Executor, yearId: string): Promise<VersionRow[]> {
  return db.selectFrom('timetableVersion').selectAll().where('academicYearId', '=', yearId).orderBy('createdAt', 'desc').orderBy('id', 'desc').execute();
}

/** Approved or archived versions whose range holds the date (one, unless the data was hand-edited). */
export async function versionsInForce(db: Executor, date: string, yearId?: string): Promise<VersionRow[]> {
  let q = db
    .selectFrom('timetableVersion')
    .selectAll()
    .where('status', 'in', ['approved', 'archived'])
    .where('effectiveFrom', '<=', date)
    .where((eb) => eb.or([eb('effectiveTo', 'is', null), eb('effectiveTo', '>=', date)]));
  if (yearId) q = q.where('academicYearId', '=', yearId);
  // The later approval first: a database written before approvals refused a second version from one
  // date could still hold two, and «в силе» must not be either of them by the server's whim.
  return q.orderBy('effectiveFrom', 'desc').orderBy('approvedAt', 'desc').orderBy('id', 'desc').execute();
}

/** Approved versions of a year whose range reaches the date or later (what an approval cuts). */
export async function approvedFrom(db: Executor, yearId: string, date: string): Promise<VersionRow[]> {
  return db
    .selectFrom('timetableVersion')
    .selectAll()
    .where('academicYearId', '=', yearId)
    .where('status', '=', 'approved')
    .where((eb) => eb.or([eb('effectiveTo', 'is', null), eb('effectiveTo', '>=', date)]))
    .execute();
}

export async function insertVersion(db: Executor, row: Insertable<TimetableVersionTable>): Promise<void> {
  await db.insertInto('timetableVersion').values(row).execute();
}

/**
 * Updates a version only if it still has the version number read; returns false when someone else
 * saved meanwhile (the caller turns that into CONFLICT). Bumps the version.
 */
export async function updateVersionIf(db: Executor, id: string, expected: number, patch: Updateable<TimetableVersionTable>): Promise<boolean> {
  const r = await db
    .updateTable('timetableVersion')
    .set({ ...patch, version: expected + 1 })
    .where('id', '=', id)
    .where('version', '=', expected)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Changes columns that are not the user's edit (the cached summary), without touching `version`. */
export async function setVersionSummary(db: Executor, id: string, summary: string): Promise<void> {
  await db.updateTable('timetableVersion').set({ summary }).where('id', '=', id).execute();
}

export async function yearNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('academicYear').select(['id', 'name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Deletes the version if it still has the version number the caller read. */
export async function deleteVersionIf(db: Executor, id: string, expected: number): Promise<boolean> {
  const r = await db.deleteFrom('timetableVersion').where('id', '=', id).where('version', '=', expected).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

/**
 * What the deadline monitor's «timetable by 15 September» check needs (work order 5.4): the year's
 * approved (or since archived) versions with who approved them and when, and the classes each one
 * places lessons for.
 */
export async function approvedCoverage(db: Executor, yearId: string): Promise<{ approvedAt: string; approvedByName: string | null; classIds: string[] }[]> {
  const versions = await db
    .selectFrom('timetableVersion')
    .select(['id', 'approvedAt', 'approvedByName'])
    .where('academicYearId', '=', yearId)
    .where('status', 'in', ['approved', 'archived'])
    .where('approvedAt', 'is not', null)
    .orderBy('approvedAt')
    .execute();
  if (!versions.length) return [];
  const rows = await db
    .selectFrom('timetablePlacement as p')
    .innerJoin('timetableLessonAudience as a', 'a.lessonId', 'p.lessonId')
    .select(['p.versionId', 'a.classId'])
    .distinct()
    .where(
      'p.versionId',
      'in',
      versions.map((v) => v.id),
    )
    .execute();
  return versions.map((v) => ({ approvedAt: v.approvedAt as string, approvedByName: v.approvedByName, classIds: rows.filter((r) => r.versionId === v.id).map((r) => r.classId) }));
}

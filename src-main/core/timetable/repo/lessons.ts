import type { LessonOut, PlacementOut } from '../../../../src-shared/contract/timetableFields';
import type { Executor } from '../../foundation/executor';

/**
 * SQL of a version's lessons (with their teachers and audiences) and placements — the only place
 * that touches timetable_lesson*, timetable_placement.
 */

const CHUNK = 200;

async function chunked<T>(rows: readonly T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

/** Lessons of a version in their stored order, labels of audiences filled by the caller. */
export async function lessonsOf(db: Executor, versionId: string): Promise<LessonOut[]> {
  const [rows, teachers, audiences] = await Promise.all([
    db.selectFrom('timetableLesson').selectAll().where('versionId', '=', versionId).orderBy('sortOrder').orderBy('id').execute(),
    db
      .selectFrom('timetableLessonTeacher as t')
      .innerJoin('timetableLesson as l', 'l.id', 't.lessonId')
      .select(['t.lessonId', 't.staffId', 't.ordinal'])
      .where('l.versionId', '=', versionId)
      .execute(),
    db
      .selectFrom('timetableLessonAudience as a')
      .innerJoin('timetableLesson as l', 'l.id', 'a.lessonId')
      .select(['a.lessonId', 'a.classId', 'a.groupNo', 'a.subgroupId', 'a.ordinal'])
      .where('l.versionId', '=', versionId)
      .execute(),
  ]);
  const tBy = new Map<string, { staffId: string; ordinal: number }[]>();
  for (const t of teachers) tBy.set(t.lessonId, [...(tBy.get(t.lessonId) ?? []), { staffId: t.staffId, ordinal: Number(t.ordinal) }]);
  const aBy = new Map<string, typeof audiences>();
  for (const a of audiences) aBy.set(a.lessonId, [...(aBy.get(a.lessonId) ?? []), a]);
  return rows.map((r) => ({
    id: r.id,
    key: r.lessonKey,
    subjectId: r.subjectId,
    kind: (r.kind === 'extracurricular' || r.kind === 'ministry' ? r.kind : 'classroom') as LessonOut['kind'],
    teacherIds: (tBy.get(r.id) ?? []).sort((a, b) => a.ordinal - b.ordinal).map((t) => t.staffId),
    audiences: (aBy.get(r.id) ?? [])
      .sort((a, b) => Number(a.ordinal) - Number(b.ordinal))
      .map((a) => ({ classId: a.classId, groupNo: Number(a.groupNo), subgroupId: a.subgroupId, label: '' })),
    duration: Number(r.duration),
    count: Number(r.occurrences),
    hours: Number(r.hours),
    roomIds: parseIds(r.roomIds),
    parallelKey: r.parallelKey,
    pinned: r.pinnedDay === null || r.pinnedPeriod === null ? null : { day: Number(r.pinnedDay), period: Number(r.pinnedPeriod) },
    portalRef: r.portalRef,
  }));
}

function parseIds(text: string): string[] {
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export async function insertLessons(db: Executor, versionId: string, lessons: readonly LessonOut[]): Promise<void> {
  await chunked(
    lessons.map((l, i) => ({
      id: l.id,
      versionId,
      lessonKey: l.key,
      subjectId: l.subjectId,
      kind: l.kind,
      duration: l.duration,
      occurrences: l.count,
      hours: l.hours,
      roomIds: JSON.stringify(l.roomIds),
      parallelKey: l.parallelKey,
      pinnedDay: l.pinned?.day ?? null,
      pinnedPeriod: l.pinned?.period ?? null,
      portalRef: l.portalRef,
      sortOrder: i,
    })),
    (c) => db.insertInto('timetableLesson').values(c).execute(),
  );
  await chunked(
    lessons.flatMap((l) => l.teacherIds.map((staffId, ordinal) => ({ lessonId: l.id, staffId, ordinal }))),
    (c) => db.insertInto('timetableLessonTeacher').values(c).execute(),
  );
  await chunked(
    lessons.flatMap((l) => l.audiences.map((a, ordinal) => ({ lessonId: l.id, classId: a.classId, groupNo: a.groupNo, subgroupId: a.subgroupId, ordinal }))),
    (c) => db.insertInto('timetableLessonAudience').values(c).execute(),
  );
}

/** Removes every lesson of a version (placements go with them). */
export async function deleteLessons(db: Executor, versionId: string): Promise<void> {
  await db.deleteFrom('timetableLesson').where('versionId', '=', versionId).execute();
}

export async function placementsOf(db: Executor, versionId: string): Promise<PlacementOut[]> {
  const rows = await db.selectFrom('timetablePlacement').selectAll().where('versionId', '=', versionId).execute();
  return rows
    .map((r) => ({ lessonId: r.lessonId, index: Number(r.occurrence), day: Number(r.day), period: Number(r.period), roomId: r.roomId, locked: Number(r.locked) === 1 }))
    .sort((a, b) => a.day - b.day || a.period - b.period || a.lessonId.localeCompare(b.lessonId) || a.index - b.index);
}

export async function insertPlacements(db: Executor, versionId: string, placements: readonly PlacementOut[]): Promise<void> {
  await chunked(
    placements.map((p) => ({ lessonId: p.lessonId, occurrence: p.index, versionId, day: p.day, period: p.period, roomId: p.roomId, locked: p.locked ? 1 : 0 })),
    (c) => db.insertInto('timetablePlacement').values(c).execute(),
  );
}

export async function deletePlacements(db: Executor, versionId: string): Promise<void> {
  await db.deleteFrom('timetablePlacement').where('versionId', '=', versionId).execute();
}

export async function deletePlacement(db: Executor, lessonId: string, index: number): Promise<void> {
  await db.deleteFrom('timetablePlacement').where('lessonId', '=', lessonId).where('occurrence', '=', index).execute();
}

export async function setLocked(db: Executor, lessonId: string, index: number, locked: boolean): Promise<number> {
  const r = await db
    .updateTable('timetablePlacement')
    .set({ locked: locked ? 1 : 0 })
    .where('lessonId', '=', lessonId)
    .where('occurrence', '=', index)
    .where('locked', '=', locked ? 0 : 1)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

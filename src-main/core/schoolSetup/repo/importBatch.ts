import { builtinRoomTypeId } from '../../../../src-shared/domain/schoolSetup/roomTypes';
import type { Executor } from '../../foundation/executor';

/**
 * New set-up records as this domain stores them (first version, its defaults), many to a statement,
 * for writers that create a school's set-up in bulk inside their own transaction — the portal pull's
 * ExportCM (on PostgreSQL every statement is a round trip). The caller audits.
 */
const CHUNK = 200;

async function inserts<T>(rows: readonly T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

export function insertSubjectRecords(db: Executor, rows: readonly { id: string; name: string; shortName: string; sortOrder: number; updatedAt: string }[]): Promise<void> {
  return inserts(rows, (c) =>
    db.insertInto('subject').values(c.map((r) => ({ id: r.id, name: r.name, shortName: r.shortName, subjectAreaId: null, isSplit: 0, sanpinKey: null, sortOrder: r.sortOrder, isArchived: 0, version: 1, updatedAt: r.updatedAt }))).execute(),
  );
}

export function insertRoomRecords(db: Executor, rows: readonly { id: string; number: string; name: string | null; floor: number | null; capacity: number | null; updatedAt: string }[]): Promise<void> {
  const regular = builtinRoomTypeId('regular');
  return inserts(rows, (c) =>
    db.insertInto('room').values(c.map((r) => ({ id: r.id, number: r.number, name: r.name, floor: r.floor, capacity: r.capacity, roomTypeId: regular, note: null, isActive: 1, version: 1, updatedAt: r.updatedAt }))).execute(),
  );
}

export function insertClassRecords(db: Executor, rows: readonly { id: string; yearId: string; grade: number; letter: string; name: string; shift: number; weekLength: number | null; updatedAt: string }[]): Promise<void> {
  return inserts(rows, (c) =>
    db
      .insertInto('schoolClass')
      .values(c.map((r) => ({ id: r.id, academicYearId: r.yearId, grade: r.grade, letter: r.letter, name: r.name, classTeacherId: null, shift: r.shift, previousClassId: null, version: 1, updatedAt: r.updatedAt, homeRoomId: null, weekLength: r.weekLength, programmeVariant: null })))
      .execute(),
  );
}

export async function insertBellRecords(
  db: Executor,
  rows: readonly { id: string; yearId: string; name: string; shift: number; weekdays: readonly number[]; lessons: readonly { number: number; start: string; end: string }[]; updatedAt: string }[],
): Promise<void> {
  await inserts(rows, (c) => db.insertInto('bellSchedule').values(c.map((r) => ({ id: r.id, academicYearId: r.yearId, name: r.name, shift: r.shift, weekdays: r.weekdays.join(','), version: 1, updatedAt: r.updatedAt }))).execute());
  const lessons = rows.flatMap((r) => r.lessons.map((l) => ({ scheduleId: r.id, lessonNumber: l.number, startTime: l.start, endTime: l.end })));
  await inserts(lessons, (c) => db.insertInto('bellLesson').values(c).execute());
}

export function insertSubgroupRecords(db: Executor, rows: readonly { id: string; classId: string; subjectId: string; name: string; ordinal: number; updatedAt: string }[]): Promise<void> {
  return inserts(rows, (c) => db.insertInto('subgroup').values(c.map((r) => ({ id: r.id, classId: r.classId, subjectId: r.subjectId, name: r.name, ordinal: r.ordinal, version: 1, updatedAt: r.updatedAt }))).execute());
}

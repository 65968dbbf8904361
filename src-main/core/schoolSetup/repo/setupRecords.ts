import { builtinRoomTypeId } from '../../../../src-shared/domain/schoolSetup/roomTypes';
import type { Executor } from '../../foundation/executor';

/**
 * New set-up records as this domain stores them (first version, its defaults), for writers that
 * create them in bulk inside their own transaction — the portal pull's ExportCM. The caller audits.
 */

export async function insertSubjectRecord(db: Executor, r: { id: string; name: string; shortName: string; sortOrder: number; updatedAt: string }): Promise<void> {
  await db.insertInto('subject').values({ id: r.id, name: r.name, shortName: r.shortName, subjectAreaId: null, isSplit: 0, sanpinKey: null, sortOrder: r.sortOrder, isArchived: 0, version: 1, updatedAt: r.updatedAt }).execute();
}

export async function insertRoomRecord(db: Executor, r: { id: string; number: string; name: string | null; floor: number | null; capacity: number | null; updatedAt: string }): Promise<void> {
  await db
    .insertInto('room')
    .values({ id: r.id, number: r.number, name: r.name, floor: r.floor, capacity: r.capacity, roomTypeId: builtinRoomTypeId('regular'), note: null, isActive: 1, version: 1, updatedAt: r.updatedAt })
    .execute();
}

export async function insertClassRecord(db: Executor, r: { id: string; yearId: string; grade: number; letter: string; name: string; shift: number; weekLength: number | null; updatedAt: string }): Promise<void> {
  await db
    .insertInto('schoolClass')
    .values({ id: r.id, academicYearId: r.yearId, grade: r.grade, letter: r.letter, name: r.name, classTeacherId: null, shift: r.shift, previousClassId: null, version: 1, updatedAt: r.updatedAt, homeRoomId: null, weekLength: r.weekLength, programmeVariant: null })
    .execute();
}

export async function insertBellRecord(db: Executor, r: { id: string; yearId: string; name: string; shift: number; weekdays: readonly number[]; lessons: readonly { number: number; start: string; end: string }[]; updatedAt: string }): Promise<void> {
  await db.insertInto('bellSchedule').values({ id: r.id, academicYearId: r.yearId, name: r.name, shift: r.shift, weekdays: r.weekdays.join(','), version: 1, updatedAt: r.updatedAt }).execute();
  if (r.lessons.length) await db.insertInto('bellLesson').values(r.lessons.map((l) => ({ scheduleId: r.id, lessonNumber: l.number, startTime: l.start, endTime: l.end }))).execute();
}

export async function insertSubgroupRecord(db: Executor, r: { id: string; classId: string; subjectId: string; name: string; ordinal: number; updatedAt: string }): Promise<void> {
  await db.insertInto('subgroup').values({ id: r.id, classId: r.classId, subjectId: r.subjectId, name: r.name, ordinal: r.ordinal, version: 1, updatedAt: r.updatedAt }).execute();
}

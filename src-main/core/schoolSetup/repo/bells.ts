import type { BellScheduleView } from '../../../../src-shared/contract/bells';
import { checkBellSchedule } from '../../../../src-shared/domain/schoolSetup/bellSchedule';
import type { Executor } from '../../foundation/executor';

/** Bell schedules of a year with their lessons, as stored. */

export type BellScheduleValues = { name: string; shift: number; weekdays: string; updatedAt: string };
type LessonTimes = readonly { number: number; start: string; end: string }[];

export async function listBellSchedules(db: Executor, yearId: string): Promise<BellScheduleView[]> {
  const schedules = await db.selectFrom('bellSchedule').selectAll().where('academicYearId', '=', yearId).orderBy('shift').orderBy('name').execute();
  if (schedules.length === 0) return [];
  const lessons = await db
    .selectFrom('bellLesson')
    .selectAll()
    .where(
      'scheduleId',
      'in',
      schedules.map((s) => s.id),
    )
    .orderBy('lessonNumber')
    .execute();
  return schedules
    .map((s) => {
      const own = lessons.filter((l) => l.scheduleId === s.id).map((l) => ({ number: l.lessonNumber, start: l.startTime, end: l.endTime }));
      return {
        id: s.id,
        yearId: s.academicYearId,
        name: s.name,
        shift: s.shift,
        weekdays: s.weekdays.split(',').filter(Boolean).map(Number),
        lessons: own,
        breaks: checkBellSchedule(own).breaks,
        version: s.version,
      };
    })
    .sort((a, b) => a.shift - b.shift || (a.weekdays[0] ?? 9) - (b.weekdays[0] ?? 9));
}

export async function findBellSchedule(db: Executor, id: string) {
  return db.selectFrom('bellSchedule').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertBellSchedule(db: Executor, id: string, yearId: string, values: BellScheduleValues): Promise<void> {
  await db.insertInto('bellSchedule').values({ id, academicYearId: yearId, ...values, version: 1 }).execute();
}

/** Rewrites the schedule's row and drops its lessons; `writeBellLessons` puts the new ones. */
export async function updateBellSchedule(db: Executor, id: string, values: BellScheduleValues, version: number): Promise<void> {
  await db.updateTable('bellSchedule').set({ ...values, version: version + 1 }).where('id', '=', id).where('version', '=', version).execute();
  await db.deleteFrom('bellLesson').where('scheduleId', '=', id).execute();
}

export async function writeBellLessons(db: Executor, scheduleId: string, lessons: LessonTimes): Promise<void> {
  await db
    .insertInto('bellLesson')
    .values(lessons.map((l) => ({ scheduleId, lessonNumber: l.number, startTime: l.start, endTime: l.end })))
    .execute();
}

export async function deleteBellScheduleRows(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('bellLesson').where('scheduleId', '=', id).execute();
  await db.deleteFrom('bellSchedule').where('id', '=', id).execute();
}

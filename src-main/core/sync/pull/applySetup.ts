import { builtinRoomTypeId } from '../../../../src-shared/domain/schoolSetup/roomTypes';
import type { Executor } from '../../foundation/executor';
import type { HandlerContext } from '../../foundation/context';
import type { SetupOp } from './planTypes';

/**
 * Writes one set-up record a pull planned from ExportCM, inside the pull's transaction, with its
 * audit row (the pull is the cause). Each record is written as its domain stores it; `count` names
 * the table so the report (and the preview = apply test) can compare with the preview's entries.
 */
export async function applySetupOp(ctx: HandlerContext, trx: Executor, op: SetupOp, cause: string, now: string, count: (k: string, n?: number) => void): Promise<void> {
  const audit = (entity: string, recordId: string, changes: Record<string, unknown>) => ctx.audit.record(trx, { entity, recordId, action: 'create', changes, cause });
  switch (op.op) {
    case 'subject':
      await trx.insertInto('subject').values({ id: op.id, name: op.name, shortName: op.shortName, subjectAreaId: null, isSplit: 0, sanpinKey: null, sortOrder: op.sortOrder, isArchived: 0, version: 1, updatedAt: now }).execute();
      await audit('subject', op.id, { name: [null, op.name], shortName: [null, op.shortName] });
      count('subject');
      return;
    case 'room':
      await trx.insertInto('room').values({ id: op.id, number: op.number, name: op.name, floor: op.floor, capacity: op.capacity, roomTypeId: builtinRoomTypeId('regular'), note: null, isActive: 1, version: 1, updatedAt: now }).execute();
      await audit('room', op.id, { number: [null, op.number], ...(op.name ? { name: [null, op.name] } : {}), floor: [null, op.floor], capacity: [null, op.capacity] });
      count('room');
      return;
    case 'schoolClass':
      await trx
        .insertInto('schoolClass')
        .values({ id: op.id, academicYearId: op.yearId, grade: op.grade, letter: op.letter, name: op.name, classTeacherId: null, shift: op.shift, previousClassId: null, version: 1, updatedAt: now, homeRoomId: null, weekLength: op.weekLength, programmeVariant: null })
        .execute();
      await audit('schoolClass', op.id, { name: [null, op.name], shift: [null, op.shift], weekLength: [null, op.weekLength] });
      count('schoolClass');
      return;
    case 'bellSchedule':
      await trx.insertInto('bellSchedule').values({ id: op.id, academicYearId: op.yearId, name: op.name, shift: op.shift, weekdays: op.weekdays.join(','), version: 1, updatedAt: now }).execute();
      await trx.insertInto('bellLesson').values(op.lessons.map((l) => ({ scheduleId: op.id, lessonNumber: l.number, startTime: l.start, endTime: l.end }))).execute();
      await audit('bellSchedule', op.id, { name: [null, op.name], weekdays: [null, op.weekdays.join(',')], lessons: [null, op.lessons.map((l) => `${l.number}) ${l.start}–${l.end}`).join(', ')] });
      count('bellSchedule');
      count('bellLesson', op.lessons.length);
      return;
    case 'subgroup':
      await trx.insertInto('subgroup').values({ id: op.id, classId: op.classId, subjectId: op.subjectId, name: op.name, ordinal: op.ordinal, version: 1, updatedAt: now }).execute();
      await audit('subgroup', op.id, { name: [null, op.name], ordinal: [null, op.ordinal] });
      count('subgroup');
      return;
    case 'assignment':
      await trx.insertInto('teachingAssignment').values({ id: op.id, academicYearId: op.yearId, classId: op.classId, subjectId: op.subjectId, groupNo: op.groupNo, staffId: op.staffId, version: 1, updatedAt: now }).execute();
      await audit('teachingAssignment', op.id, { name: [null, op.label], staffId: [null, op.staffId] });
      count('teachingAssignment');
      return;
    case 'qualification':
      await trx.insertInto('staffSubject').values({ staffId: op.staffId, subjectId: op.subjectId }).execute();
      await ctx.audit.record(trx, { entity: 'staff', recordId: op.staffId, action: 'update', changes: { subjects: [null, op.label] }, cause });
      count('staffSubject');
      return;
    case 'jointGroup':
      await trx.insertInto('jointGroup').values({ id: op.id, academicYearId: op.yearId, subjectId: op.subjectId, name: op.name, version: 1, updatedAt: now }).execute();
      await trx.insertInto('jointGroupSlot').values(op.slots.map((s) => ({ jointGroupId: op.id, classId: s.classId, groupNo: s.groupNo }))).execute();
      await audit('jointGroup', op.id, { name: [null, op.name], slots: [null, op.slots.length] });
      count('jointGroup');
      return;
    case 'curriculumPlan':
      await trx
        .insertInto('curriculumPlan')
        .values({ id: op.id, academicYearId: op.yearId, grade: op.grade, classId: op.classId, scopeKey: op.classId ?? 'grade', weeksPerYear: op.weeksPerYear, note: op.note, version: 1, updatedAt: now })
        .execute();
      if (op.rows.length > 0) {
        await trx
          .insertInto('curriculumRow')
          .values(op.rows.map((r) => ({ id: r.id, planId: op.id, subjectId: r.subjectId, part: 'mandatory', hours: JSON.stringify([r.hours]), groups: r.groups, doubles: 0, assessment: null, excluded: r.excluded ? 1 : 0, sortOrder: (r.sortOrder + 1) * 10 })))
          .execute();
      }
      await audit('curriculumPlan', op.id, { plan: [null, op.label], rows: [null, op.rows.length] });
      count('curriculumPlan');
      count('curriculumRow', op.rows.length);
      return;
  }
}

/** Planned ids (`~n`) of a set-up op resolved to real ones: every `id` and `…Id` field, in nested rows too. */
export function resolveSetupIds<T>(value: T, real: (id: string) => string): T {
  if (Array.isArray(value)) return value.map((v) => resolveSetupIds(v, real)) as T;
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, typeof v === 'string' ? (k === 'id' || k.endsWith('Id') ? real(v) : v) : resolveSetupIds(v, real)]),
  ) as T;
}

import type { Executor } from '../../foundation/executor';
import type { HandlerContext } from '../../foundation/context';
import type { SetupOp } from './planTypes';
import { createJointWithin, insertAssignment, insertPlanRecord, insertQualificationRecord } from '../../curriculum/index';
import { insertBellRecord, insertClassRecord, insertRoomRecord, insertStarterSubject, insertSubgroupRecord, insertSubjectRecord } from '../../schoolSetup/index';

/**
 * Writes one set-up record a pull planned from ExportCM, inside the pull's transaction, with its
 * audit row (the pull is the cause). Each record is written by its domain's repository (schoolSetup,
 * curriculum), a joint group through the curriculum's own checked write path; `count` names
 * the table so the report (and the preview = apply test) can compare with the preview's entries.
 */
export async function applySetupOp(ctx: HandlerContext, trx: Executor, op: SetupOp, cause: string, now: string, count: (k: string, n?: number) => void): Promise<void> {
  const audit = (entity: string, recordId: string, changes: Record<string, unknown>) => ctx.audit.record(trx, { entity, recordId, action: 'create', changes, cause });
  switch (op.op) {
    case 'subject':
      await insertSubjectRecord(trx, { id: op.id, name: op.name, shortName: op.shortName, sortOrder: op.sortOrder, updatedAt: now });
      await audit('subject', op.id, { name: [null, op.name], shortName: [null, op.shortName] });
      count('subject');
      return;
    case 'starterSubject':
      await insertStarterSubject(trx, { id: op.id, name: op.name, updatedAt: now });
      await audit('subject', op.id, { name: [null, op.name] });
      count('subject');
      return;
    case 'room':
      await insertRoomRecord(trx, { id: op.id, number: op.number, name: op.name, floor: op.floor, capacity: op.capacity, updatedAt: now });
      await audit('room', op.id, { number: [null, op.number], ...(op.name ? { name: [null, op.name] } : {}), floor: [null, op.floor], capacity: [null, op.capacity] });
      count('room');
      return;
    case 'schoolClass':
      await insertClassRecord(trx, { id: op.id, yearId: op.yearId, grade: op.grade, letter: op.letter, name: op.name, shift: op.shift, weekLength: op.weekLength, updatedAt: now });
      await audit('schoolClass', op.id, { name: [null, op.name], shift: [null, op.shift], weekLength: [null, op.weekLength] });
      count('schoolClass');
      return;
    case 'bellSchedule':
      await insertBellRecord(trx, { id: op.id, yearId: op.yearId, name: op.name, shift: op.shift, weekdays: op.weekdays, lessons: op.lessons, updatedAt: now });
      await audit('bellSchedule', op.id, { name: [null, op.name], weekdays: [null, op.weekdays.join(',')], lessons: [null, op.lessons.map((l) => `${l.number}) ${l.start}–${l.end}`).join(', ')] });
      count('bellSchedule');
      count('bellLesson', op.lessons.length);
      return;
    case 'subgroup':
      await insertSubgroupRecord(trx, { id: op.id, classId: op.classId, subjectId: op.subjectId, name: op.name, ordinal: op.ordinal, updatedAt: now });
      await audit('subgroup', op.id, { name: [null, op.name], ordinal: [null, op.ordinal] });
      count('subgroup');
      return;
    case 'assignment':
      await insertAssignment(trx, { yearId: op.yearId, classId: op.classId, subjectId: op.subjectId, groupNo: op.groupNo }, op.staffId, now, op.id);
      await audit('teachingAssignment', op.id, { name: [null, op.label], staffId: [null, op.staffId] });
      count('teachingAssignment');
      return;
    case 'qualification':
      await insertQualificationRecord(trx, op.staffId, op.subjectId);
      await ctx.audit.record(trx, { entity: 'staff', recordId: op.staffId, action: 'update', changes: { subjects: [null, op.label] }, cause });
      count('staffSubject');
      return;
    case 'jointGroup':
      // Through the curriculum's own write path: its rules (one group per slot, a free name, an open year) hold for pulled groups too.
      await createJointWithin(ctx, trx, { id: op.id, yearId: op.yearId, subjectId: op.subjectId, name: op.name, members: op.slots }, cause);
      count('jointGroup');
      return;
    case 'curriculumPlan':
      await insertPlanRecord(trx, { id: op.id, yearId: op.yearId, grade: op.grade, classId: op.classId, weeksPerYear: op.weeksPerYear, note: op.note, updatedAt: now }, op.rows);
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

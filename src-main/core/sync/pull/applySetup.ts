import type { Executor } from '../../foundation/executor';
import type { HandlerContext } from '../../foundation/context';
import type { SetupOp } from './planTypes';
import { createJointWithin, insertAssignmentRecords, insertPlanRecord, insertQualificationRecords } from '../../curriculum/index';
import { insertBellRecords, insertClassRecords, insertRoomRecords, insertStarterSubject, insertSubgroupRecords, insertSubjectRecords } from '../../schoolSetup/index';

type OpOf<K extends SetupOp['op']> = Extract<SetupOp, { op: K }>;

/**
 * Writes the set-up records a pull planned from ExportCM, inside the pull's transaction, in planned
 * order, each with its audit row (the pull is the cause). Consecutive records of one kind go to
 * their domain's repository together, many to a statement (schoolSetup's `importBatch.ts`,
 * curriculum's `loadRecords.ts`); a starter subject and a joint group one at a time through their
 * domains' checked write paths. `count` names the table so the report (and the preview = apply
 * test) can compare with the preview's entries; `step` hears how many records each run wrote.
 */
export async function applySetupOps(
  ctx: HandlerContext,
  trx: Executor,
  ops: readonly SetupOp[],
  cause: string,
  now: string,
  count: (k: string, n?: number) => void,
  step: (n: number) => Promise<void>,
): Promise<void> {
  for (let i = 0; i < ops.length; ) {
    let j = i + 1;
    while (j < ops.length && ops[j].op === ops[i].op) j++;
    await applyRun(ctx, trx, ops.slice(i, j), cause, now, count);
    await step(j - i);
    i = j;
  }
}

async function applyRun(ctx: HandlerContext, trx: Executor, run: readonly SetupOp[], cause: string, now: string, count: (k: string, n?: number) => void): Promise<void> {
  const audit = (entity: string, recordId: string, changes: Record<string, unknown>) => ctx.audit.record(trx, { entity, recordId, action: 'create', changes, cause });
  const all = <K extends SetupOp['op']>(k: K) => run.filter((o): o is OpOf<K> => o.op === k);
  switch (run[0].op) {
    case 'subject': {
      const ops = all('subject');
      await insertSubjectRecords(trx, ops.map((op) => ({ id: op.id, name: op.name, shortName: op.shortName, sortOrder: op.sortOrder, updatedAt: now })));
      for (const op of ops) await audit('subject', op.id, { name: [null, op.name], shortName: [null, op.shortName] });
      count('subject', ops.length);
      return;
    }
    case 'starterSubject':
      for (const op of all('starterSubject')) {
        await insertStarterSubject(trx, { id: op.id, name: op.name, updatedAt: now });
        await audit('subject', op.id, { name: [null, op.name] });
        count('subject');
      }
      return;
    case 'room': {
      const ops = all('room');
      await insertRoomRecords(trx, ops.map((op) => ({ id: op.id, number: op.number, name: op.name, floor: op.floor, capacity: op.capacity, updatedAt: now })));
      for (const op of ops) await audit('room', op.id, { number: [null, op.number], ...(op.name ? { name: [null, op.name] } : {}), floor: [null, op.floor], capacity: [null, op.capacity] });
      count('room', ops.length);
      return;
    }
    case 'schoolClass': {
      const ops = all('schoolClass');
      await insertClassRecords(trx, ops.map((op) => ({ id: op.id, yearId: op.yearId, grade: op.grade, letter: op.letter, name: op.name, shift: op.shift, weekLength: op.weekLength, updatedAt: now })));
      for (const op of ops) await audit('schoolClass', op.id, { name: [null, op.name], shift: [null, op.shift], weekLength: [null, op.weekLength] });
      count('schoolClass', ops.length);
      return;
    }
    case 'bellSchedule': {
      const ops = all('bellSchedule');
      await insertBellRecords(trx, ops.map((op) => ({ id: op.id, yearId: op.yearId, name: op.name, shift: op.shift, weekdays: op.weekdays, lessons: op.lessons, updatedAt: now })));
      for (const op of ops) {
        await audit('bellSchedule', op.id, { name: [null, op.name], weekdays: [null, op.weekdays.join(',')], lessons: [null, op.lessons.map((l) => `${l.number}) ${l.start}–${l.end}`).join(', ')] });
        count('bellSchedule');
        count('bellLesson', op.lessons.length);
      }
      return;
    }
    case 'subgroup': {
      const ops = all('subgroup');
      await insertSubgroupRecords(trx, ops.map((op) => ({ id: op.id, classId: op.classId, subjectId: op.subjectId, name: op.name, ordinal: op.ordinal, updatedAt: now })));
      for (const op of ops) await audit('subgroup', op.id, { name: [null, op.name], ordinal: [null, op.ordinal] });
      count('subgroup', ops.length);
      return;
    }
    case 'assignment': {
      const ops = all('assignment');
      await insertAssignmentRecords(trx, ops.map((op) => ({ id: op.id, yearId: op.yearId, classId: op.classId, subjectId: op.subjectId, groupNo: op.groupNo, staffId: op.staffId, updatedAt: now })));
      for (const op of ops) await audit('teachingAssignment', op.id, { name: [null, op.label], staffId: [null, op.staffId] });
      count('teachingAssignment', ops.length);
      return;
    }
    case 'qualification': {
      const ops = all('qualification');
      await insertQualificationRecords(trx, ops.map((op) => ({ staffId: op.staffId, subjectId: op.subjectId })));
      for (const op of ops) await ctx.audit.record(trx, { entity: 'staff', recordId: op.staffId, action: 'update', changes: { subjects: [null, op.label] }, cause });
      count('staffSubject', ops.length);
      return;
    }
    case 'jointGroup':
      // Through the curriculum's own write path: its rules (one group per slot, a free name, an open year) hold for pulled groups too.
      for (const op of all('jointGroup')) {
        await createJointWithin(ctx, trx, { id: op.id, yearId: op.yearId, subjectId: op.subjectId, name: op.name, members: op.slots }, cause);
        count('jointGroup');
      }
      return;
    case 'curriculumPlan':
      for (const op of all('curriculumPlan')) {
        await insertPlanRecord(trx, { id: op.id, yearId: op.yearId, grade: op.grade, classId: op.classId, weeksPerYear: op.weeksPerYear, note: op.note, updatedAt: now }, op.rows);
        await audit('curriculumPlan', op.id, { plan: [null, op.label], rows: [null, op.rows.length] });
        count('curriculumPlan');
        count('curriculumRow', op.rows.length);
      }
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

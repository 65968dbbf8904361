import { newId } from '../../../src-shared/domain/ids';
import { AppError } from '../../../src-shared/errors';
import type { Executor } from '../foundation/executor';
import type { HandlerContext } from '../foundation/context';
import { findYear, writableYear } from '../schoolSetup/index';
import { notFound, refusal, stale } from '../foundation/refusals';
import { nowIso } from '../foundation/clock';
import { plannedLessons, type PlannedLesson } from './repo/plannedLessons';
import { classesByIds, deleteJointIf, findJoint, insertJoint, jointNamed, jointsOfYear, subjectsByIds, updateJointIf, type JointRow, type JointSlot } from './repo/jointGroups';

/**
 * Joint groups (сводные группы, migration 0051): load rows of several classes (or their groups) of
 * one subject taught as ONE lesson with one teacher — «Индивидуальный проект 10АБ». The plan and
 * load keep a row per class; a joint group says which of them meet together: the load counts its
 * hours once, the timetable places it as one lesson with several audiences, the portal's ExportCM
 * brings them as one group listed under several classes. Owned by the curriculum; the timetable
 * reads them through the curriculum's index.
 */

const groupLabel = (className: string, groupNo: number): string => (groupNo ? `${className} гр. ${groupNo}` : className);

export function memberProblems(joint: Pick<JointRow, 'subjectId' | 'members'>, planned: readonly PlannedLesson[], subjectName: string): string[] {
  const problems: string[] = [];
  const rows = joint.members.map((m) => ({ m, p: planned.find((p) => p.classroom && p.classId === m.classId && p.subjectId === joint.subjectId && p.groupNo === m.groupNo) }));
  for (const { m, p } of rows) if (!p) problems.push(`в учебном плане класса нет строки «${subjectName}»${m.groupNo ? ` для группы ${m.groupNo}` : ''}`);
  const found = rows.filter((r) => r.p).map((r) => r.p as PlannedLesson);
  const hours = new Set(found.map((p) => JSON.stringify(p.hoursByPeriod)));
  if (hours.size > 1) problems.push(`у классов разное число часов: ${found.map((p) => `${groupLabel(p.className, p.groupNo)} — ${p.hoursByPeriod.join('/')} ч`).join(', ')}`);
  const teachers = new Set(found.map((p) => p.teacherId ?? ''));
  if (teachers.size > 1) problems.push(`у классов разные учителя в нагрузке (${found.map((p) => groupLabel(p.className, p.groupNo)).join(', ')}): объединённое занятие ведёт один учитель`);
  return problems;
}

async function jointView(db: Executor, yearId: string, joints: JointRow[]) {
  const planned = await plannedLessons(db, yearId);
  const classNames = new Map<string, string>();
  const subjectNames = new Map<string, string>();
  for (const p of planned) {
    classNames.set(p.classId, p.className);
    subjectNames.set(p.subjectId, p.subjectName);
  }
  const missing = joints.filter((j) => !subjectNames.has(j.subjectId)).map((j) => j.subjectId);
  for (const s of await subjectsByIds(db, missing)) subjectNames.set(s.id, s.name);
  // A class with no plan yet (a group the portal brought before the plan) is still named.
  const unnamed = joints.flatMap((j) => j.members.map((m) => m.classId)).filter((id) => !classNames.has(id));
  for (const c of await classesByIds(db, unnamed)) classNames.set(c.id, c.name);
  return joints.map((j) => {
    const subjectName = subjectNames.get(j.subjectId) ?? 'предмет удалён';
    return {
      id: j.id,
      subjectId: j.subjectId,
      subjectName,
      name: j.name,
      members: j.members.map((m) => {
        const p = planned.find((x) => x.classroom && x.classId === m.classId && x.subjectId === j.subjectId && x.groupNo === m.groupNo);
        return { classId: m.classId, className: classNames.get(m.classId) ?? '—', groupNo: m.groupNo, hours: p ? Math.max(...p.hoursByPeriod) : null, teacherIds: p?.teacherId ? [p.teacherId] : [] };
      }),
      problems: memberProblems(j, planned, subjectName),
      version: j.version,
    };
  });
}

export async function listJoints(ctx: Pick<HandlerContext, 'core'>, yearId: string) {
  if (!(await findYear(ctx.core.db, yearId))) throw notFound('Учебный год');
  return { joints: await jointView(ctx.core.db, yearId, await jointsOfYear(ctx.core.db, yearId)) };
}

type JointInput = { yearId: string; id: string | null; subjectId: string; name: string; members: readonly JointSlot[] };

/** The rules of a joint group, inside the caller's transaction: a writable year, its classes, a free name, each slot in one group of its subject. */
async function checkJoint(trx: Executor, input: JointInput): Promise<void> {
  await writableYear(trx, input.yearId);
  const keys = new Set<string>();
  for (const m of input.members) {
    const k = `${m.classId}:${m.groupNo}`;
    if (keys.has(k)) throw refusal(`Объединённое занятие «${input.name}»: один и тот же класс (группа) выбран дважды`);
    keys.add(k);
  }
  const classes = await classesByIds(trx, input.members.map((m) => m.classId));
  for (const m of input.members) {
    const c = classes.find((x) => x.id === m.classId);
    if (!c || c.academicYearId !== input.yearId) throw refusal(`Объединённое занятие «${input.name}»: класс не найден в этом учебном году`);
  }
  const named = await jointNamed(trx, input.yearId, input.subjectId, input.name);
  if (named && named.id !== input.id) throw refusal(`Объединённое занятие «${input.name}»: по этому предмету уже есть занятие с таким названием`);
  // A load row belongs to at most one joint lesson of its subject.
  const others = (await jointsOfYear(trx, input.yearId)).filter((j) => j.id !== input.id && j.subjectId === input.subjectId);
  for (const o of others) {
    const shared = o.members.find((m) => keys.has(`${m.classId}:${m.groupNo}`));
    if (shared) throw refusal(`Объединённое занятие «${input.name}»: класс ${classes.find((c) => c.id === shared.classId)?.name ?? ''} уже входит в «${o.name}»`);
  }
}

/**
 * Creates a joint group inside the caller's transaction with the rules and the audit row of a
 * person's save — the portal pull writes its ИУП groups through here (`cause` = the pull).
 */
export async function createJointWithin(ctx: HandlerContext, trx: Executor, input: JointInput & { id: string }, cause: string | null = null): Promise<void> {
  await checkJoint(trx, input);
  const members = input.members.map((m) => ({ classId: m.classId, groupNo: m.groupNo }));
  await insertJoint(trx, { id: input.id, academicYearId: input.yearId, subjectId: input.subjectId, name: input.name, updatedAt: nowIso() }, members);
  await ctx.audit.record(trx, { entity: 'jointGroup', recordId: input.id, action: 'create', changes: { name: [null, input.name], subjectId: [null, input.subjectId], members: [null, members] }, cause });
}

export async function saveJoint(
  ctx: HandlerContext,
  input: { yearId: string; id: string | null; version: number; subjectId: string; name: string; members: { classId: string; groupNo: number }[] },
) {
  const db = ctx.core.db;
  const at = nowIso();
  const id = await db.transaction().execute(async (trx) => {
    if (input.id === null) {
      const created = newId();
      await createJointWithin(ctx, trx, { ...input, id: created });
      return created;
    }
    await checkJoint(trx, input);
    const members = input.members.map((m) => ({ classId: m.classId, groupNo: m.groupNo }));
    const row = await findJoint(trx, input.id);
    if (!row || row.academicYearId !== input.yearId) throw notFound('Объединённое занятие');
    const before = (await jointsOfYear(trx, input.yearId)).find((j) => j.id === input.id);
    if (!(await updateJointIf(trx, input.id, input.version, { subjectId: input.subjectId, name: input.name, updatedAt: at }, members))) throw stale(`Объединённое занятие «${row.name}»`, Number(row.version));
    await ctx.audit.record(trx, {
      entity: 'jointGroup',
      recordId: input.id,
      action: 'update',
      changes: { name: [row.name, input.name], subjectId: [row.subjectId, input.subjectId], members: [before?.members ?? [], members] },
    });
    return input.id;
  });
  const joint = (await jointsOfYear(db, input.yearId)).filter((j) => j.id === id);
  const [out] = await jointView(db, input.yearId, joint);
  if (!out) throw new AppError('NOT_FOUND', 'Объединённое занятие удалено другим пользователем.');
  return out;
}

export async function deleteJoint(ctx: HandlerContext, input: { id: string; version: number }) {
  const db = ctx.core.db;
  const row = await findJoint(db, input.id);
  if (!row) throw notFound('Объединённое занятие');
  await db.transaction().execute(async (trx) => {
    await writableYear(trx, row.academicYearId);
    if (!(await deleteJointIf(trx, input.id, input.version))) throw stale(`Объединённое занятие «${row.name}»`, Number(row.version));
    await ctx.audit.record(trx, { entity: 'jointGroup', recordId: input.id, action: 'delete', changes: { name: [row.name, null] } });
  });
  return { deleted: true };
}

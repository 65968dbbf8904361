import type { Subgroup } from '../../../../src-shared/contract/classes';
import { formatRu } from '../../../../src-shared/domain/calendar/dates';
import { newId } from '../../../../src-shared/domain/ids';
import { compareRu, fullName } from '../../../../src-shared/domain/names';
import type { HandlerContext } from '../../foundation/context';
import { writableYear } from '../repo/years';
import { classPupils } from './classService';
import { subgroupMembersOn } from '../repo/subgroupMembers';
import type { Executor } from '../../foundation/executor';
import { nowIso, schoolToday } from '../../foundation/clock';
import { isUniqueViolation } from '../../foundation/dbErrors';
import { expectVersion, notFound, refusal } from '../../foundation/refusals';
import { emitChanged } from '../../foundation/events';
import {
  addMembers,
  bumpSubgroup,
  classHeader,
  deleteMemberRow,
  deleteSubgroupRows,
  dropMembersAfter,
  endMemberRow,
  findSubgroup,
  insertSubgroup,
  subgroupHasMembers,
  subgroupMembersAt,
  subgroupRowsOfClass,
  subgroupsOfSubject,
  subjectNameOf,
  updateSubgroup,
} from '../repo/subgroups';

const RECORD = 'Подгруппа';

/** Subgroups of a class with their members on `on` (membership is dated, end date exclusive). */
export async function listSubgroups(db: Executor, classId: string, on = schoolToday()): Promise<Subgroup[]> {
  const groups = await subgroupRowsOfClass(db, classId);
  if (groups.length === 0) return [];
  const members = await subgroupMembersOn(
    db,
    groups.map((g) => g.id),
    on,
  );
  return groups
    .sort((a, b) => a.sortOrder - b.sortOrder || compareRu(a.subjectName, b.subjectName) || a.ordinal - b.ordinal)
    .map((g) => ({
      id: g.id,
      classId: g.classId,
      subjectId: g.subjectId,
      subjectName: g.subjectName,
      name: g.name,
      ordinal: g.ordinal,
      members: members
        .filter((m) => m.subgroupId === g.id)
        .map((m) => ({ pupilId: m.id, fullName: fullName(m), since: m.startDate }))
        .sort((a, b) => compareRu(a.fullName, b.fullName)),
      version: g.version,
    }));
}

async function classOf(db: Executor, classId: string) {
  const cls = await classHeader(db, classId);
  if (!cls) throw notFound('Класс');
  await writableYear(db, cls.academicYearId);
  return cls;
}

async function subjectName(db: Executor, subjectId: string): Promise<string> {
  const name = await subjectNameOf(db, subjectId);
  if (name === undefined) throw refusal(`${RECORD}: предмет не найден`);
  return name;
}

export async function saveSubgroup(
  ctx: HandlerContext,
  classId: string,
  id: string | null,
  input: { subjectId: string; name: string },
  version: number,
): Promise<Subgroup> {
  const at = nowIso();
  const savedId = await ctx.core.db
    .transaction()
    .execute(async (trx) => {
      const cls = await classOf(trx, classId);
      const subject = await subjectName(trx, input.subjectId);
      const sameSubject = await subgroupsOfSubject(trx, classId, input.subjectId);
      const twin = sameSubject.find((g) => g.name === input.name);
      if (twin && twin.id !== id) throw refusal(`${RECORD} «${input.name}» по предмету «${subject}» уже есть в классе ${cls.name}`);
      if (id === null) {
        if (version !== 0) throw refusal(`${RECORD}: новая запись сохраняется с версией 0`);
        const newGroupId = newId();
        await insertSubgroup(trx, { id: newGroupId, classId, subjectId: input.subjectId, name: input.name, ordinal: sameSubject.length + 1, updatedAt: at });
        await ctx.audit.record(trx, { recordId: newGroupId, action: 'create', changes: { class: [null, cls.name], subject: [null, subject], name: [null, input.name] } });
        return newGroupId;
      }
      const before = await findSubgroup(trx, id);
      if (!before || before.classId !== classId) throw notFound(RECORD);
      expectVersion(before, version, `${RECORD} «${before.name}»`);
      if (before.subjectId !== input.subjectId) {
        if (await subgroupHasMembers(trx, id)) throw refusal(`${RECORD} «${before.name}»: в ней есть ученики — предмет подгруппы сменить нельзя, создайте новую`);
      }
      await updateSubgroup(trx, id, { subjectId: input.subjectId, name: input.name }, before.version, at);
      await ctx.audit.record(trx, { recordId: id, action: 'update', changes: { name: [before.name, input.name], subjectId: [before.subjectId, input.subjectId] } });
      return id;
    })
    .catch((err: unknown) => {
      if (isUniqueViolation(err)) throw refusal(`${RECORD} «${input.name}» уже есть`);
      throw err;
    });
  emitChanged(ctx, 'subgroup', savedId);
  return (await listSubgroups(ctx.core.db, classId)).find((g) => g.id === savedId) as Subgroup;
}

export async function splitClass(ctx: HandlerContext, classId: string, subjectId: string, count: number): Promise<{ subgroups: Subgroup[] }> {
  const at = nowIso();
  await ctx.core.db.transaction().execute(async (trx) => {
    const cls = await classOf(trx, classId);
    const subject = await subjectName(trx, subjectId);
    const existing = await subgroupsOfSubject(trx, classId, subjectId);
    const names = new Set(existing.map((e) => e.name));
    const created: string[] = [];
    for (let n = 1; n <= count; n++) {
      const name = `Группа ${n}`;
      if (names.has(name)) continue;
      await insertSubgroup(trx, { id: newId(), classId, subjectId, name, ordinal: n, updatedAt: at });
      created.push(name);
    }
    await ctx.audit.record(trx, { recordId: classId, action: 'create', changes: { class: cls.name, subject, created } });
  });
  emitChanged(ctx, 'subgroup');
  return { subgroups: (await listSubgroups(ctx.core.db, classId)).filter((g) => g.subjectId === subjectId) };
}

export async function deleteSubgroup(ctx: HandlerContext, id: string, version: number): Promise<{ deleted: boolean }> {
  await ctx.core.db.transaction().execute(async (trx) => {
    const row = await findSubgroup(trx, id);
    if (!row) throw notFound(RECORD);
    await classOf(trx, row.classId);
    expectVersion(row, version, `${RECORD} «${row.name}»`);
    if (await subgroupHasMembers(trx, id, schoolToday())) throw refusal(`${RECORD} «${row.name}»: в ней есть ученики — сначала переведите их в другие подгруппы`);
    await deleteSubgroupRows(trx, id);
    await ctx.audit.record(trx, { recordId: id, action: 'delete', changes: { name: [row.name, null] } });
  });
  emitChanged(ctx, 'subgroup', id);
  return { deleted: true };
}

/**
 * Sets who is in each subgroup of one class × subject from `date` on. History is kept: a pupil who
 * leaves gets `end_date = date`, a pupil who joins a row starting on `date`; a row opened and closed
 * on the same date never existed and is removed.
 */
export async function setSubgroupMembers(
  ctx: HandlerContext,
  classId: string,
  subjectId: string,
  date: string,
  groups: { subgroupId: string; version: number; pupilIds: string[] }[],
): Promise<{ subgroups: Subgroup[] }> {
  const at = nowIso();
  await ctx.core.db.transaction().execute(async (trx) => {
    const cls = await classOf(trx, classId);
    const subject = await subjectName(trx, subjectId);
    const rows = await subgroupsOfSubject(trx, classId, subjectId);
    for (const g of groups) {
      const row = rows.find((r) => r.id === g.subgroupId);
      if (!row) throw refusal(`Состав подгрупп: подгруппа не относится к классу ${cls.name} и предмету «${subject}»`);
      expectVersion(row, g.version, `${RECORD} «${row.name}»`);
    }
    const roster = new Map((await classPupils(trx, classId, date)).map((p) => [p.id, p.fullName]));
    const seen = new Map<string, string>();
    for (const g of groups) {
      const groupName = rows.find((r) => r.id === g.subgroupId)?.name ?? '';
      for (const pupilId of g.pupilIds) {
        if (!roster.has(pupilId)) throw refusal(`Состав подгрупп ${cls.name}, «${subject}»: ученик не числится в классе на ${formatRu(date)}`);
        const other = seen.get(pupilId);
        if (other && other !== groupName) {
          throw refusal(`Состав подгрупп ${cls.name}, «${subject}»: ${roster.get(pupilId)} указан(а) и в «${other}», и в «${groupName}»`);
        }
        seen.set(pupilId, groupName);
      }
    }
    const changes: Record<string, { added: string[]; removed: string[] }> = {};
    for (const g of groups) {
      const current = await subgroupMembersAt(trx, g.subgroupId, date);
      // Rows starting after `date` are replaced by this decision.
      await dropMembersAfter(trx, g.subgroupId, date);
      const wanted = new Set(g.pupilIds);
      const have = new Set(current.map((m) => m.pupilId));
      const removed = current.filter((m) => !wanted.has(m.pupilId));
      for (const m of removed) {
        if (m.startDate === date) await deleteMemberRow(trx, m.id);
        else await endMemberRow(trx, m.id, date);
      }
      const added = [...wanted].filter((p) => !have.has(p));
      await addMembers(trx, g.subgroupId, added, date);
      const row = rows.find((r) => r.id === g.subgroupId);
      if (row) await bumpSubgroup(trx, row.id, row.version, at);
      changes[row?.name ?? g.subgroupId] = { added: added.map((p) => roster.get(p) ?? p), removed: removed.map((m) => roster.get(m.pupilId) ?? m.pupilId) };
    }
    await ctx.audit.record(trx, { recordId: classId, action: 'update', changes: { class: cls.name, subject, date, groups: changes } });
  });
  emitChanged(ctx, 'subgroup');
  return { subgroups: (await listSubgroups(ctx.core.db, classId, date)).filter((g) => g.subjectId === subjectId) };
}

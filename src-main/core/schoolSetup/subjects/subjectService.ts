import type { Subject, SubjectArea } from '../../../../src-shared/contract/subjects';
import { newId } from '../../../../src-shared/domain/ids';
import { compareRu, searchKey } from '../../../../src-shared/domain/names';
import { diffFields } from '../../foundation/auditLog';
import type { HandlerContext } from '../../foundation/context';
import { addStarterSubjects, type StarterResult } from './starterSubjects';
import type { Executor } from '../../foundation/executor';
import { nowIso } from '../../foundation/clock';
import { isUniqueViolation } from '../../foundation/dbErrors';
import { bool, expectVersion, flag, notFound, refusal } from '../../foundation/refusals';
import { emitChanged } from '../../foundation/events';
import { createPort } from '../../foundation/port';

const RECORD = 'Предмет';

/**
 * Where higher floors use a subject (the curriculum's plans and load, later the timetable), as a
 * Russian phrase for the refusal, or null: rows there reference the subject without cascade, so
 * deleting a subject in use is refused with this text rather than failing on the foreign key.
 */
export const subjectUsers = createPort<(db: Executor, subjectId: string) => Promise<string | null>>('subjectUsers');

type ParsedSubject = {
  name: string;
  shortName: string;
  areaId: string | null;
  isSplit: boolean;
  sanpinKey: string | null;
  points: { grade: number; points: number }[];
  roomTypeIds: string[];
  isArchived: boolean;
};

export async function listSubjects(db: Executor): Promise<{ subjects: Subject[]; areas: SubjectArea[] }> {
  const [rows, areas, points, rooms] = await Promise.all([
    db.selectFrom('subject').leftJoin('subjectArea', 'subjectArea.id', 'subject.subjectAreaId').selectAll('subject').select('subjectArea.name as areaName').execute(),
    db.selectFrom('subjectArea').selectAll().execute(),
    db.selectFrom('subjectSanpinPoints').selectAll().orderBy('grade').execute(),
    db.selectFrom('subjectRoomType').selectAll().execute(),
  ]);
  const subjects = rows
    .map((r) => ({
      id: r.id,
      name: r.name,
      shortName: r.shortName,
      areaId: r.subjectAreaId,
      areaName: r.areaName ?? null,
      isSplit: bool(r.isSplit),
      sanpinKey: r.sanpinKey,
      points: points.filter((p) => p.subjectId === r.id).map((p) => ({ grade: p.grade, points: p.points })),
      roomTypeIds: rooms.filter((x) => x.subjectId === r.id).map((x) => x.roomTypeId),
      isArchived: bool(r.isArchived),
      sortOrder: r.sortOrder,
      version: r.version,
    }))
    .sort((a, b) => a.sortOrder - b.sortOrder || compareRu(a.name, b.name));
  const counts = new Map<string, number>();
  for (const s of subjects) if (s.areaId) counts.set(s.areaId, (counts.get(s.areaId) ?? 0) + 1);
  return {
    subjects,
    areas: areas
      .map((a) => ({ id: a.id, name: a.name, sortOrder: a.sortOrder, subjectCount: counts.get(a.id) ?? 0, version: a.version }))
      .sort((a, b) => a.sortOrder - b.sortOrder || compareRu(a.name, b.name)),
  };
}

async function one(db: Executor, id: string): Promise<Subject> {
  const s = (await listSubjects(db)).subjects.find((x) => x.id === id);
  if (!s) throw notFound(RECORD);
  return s;
}

export async function saveSubject(ctx: HandlerContext, id: string | null, input: ParsedSubject, version: number): Promise<Subject> {
  const s: ParsedSubject = {
    name: input.name,
    shortName: input.shortName,
    areaId: input.areaId,
    isSplit: input.isSplit,
    sanpinKey: input.sanpinKey,
    points: [...input.points].sort((a, b) => a.grade - b.grade),
    roomTypeIds: [...new Set(input.roomTypeIds)],
    isArchived: input.isArchived,
  };
  const at = nowIso();
  const savedId = await ctx.core.db
    .transaction()
    .execute(async (trx) => {
      const others = await trx.selectFrom('subject').select(['id', 'name']).execute();
      const twin = others.find((o) => o.id !== id && searchKey(o.name) === searchKey(s.name));
      if (twin) throw refusal(`${RECORD} «${s.name}» уже есть в списке`);
      if (s.areaId && !(await trx.selectFrom('subjectArea').select('id').where('id', '=', s.areaId).executeTakeFirst())) {
        throw refusal(`${RECORD} «${s.name}»: предметная область не найдена`);
      }
      if (s.roomTypeIds.length) {
        const found = await trx.selectFrom('roomType').select('id').where('id', 'in', s.roomTypeIds).execute();
        if (found.length !== s.roomTypeIds.length) throw refusal(`${RECORD} «${s.name}»: тип кабинета не найден`);
      }
      const values = {
        name: s.name,
        shortName: s.shortName,
        subjectAreaId: s.areaId,
        isSplit: flag(s.isSplit),
        sanpinKey: s.sanpinKey,
        isArchived: flag(s.isArchived),
        updatedAt: at,
      };
      let subjectId = id;
      let before: Subject | null = null;
      if (id === null) {
        if (version !== 0) throw refusal(`${RECORD}: новая запись сохраняется с версией 0`);
        subjectId = newId();
        const max = await trx.selectFrom('subject').select((eb) => eb.fn.max('sortOrder').as('m')).executeTakeFirst();
        await trx.insertInto('subject').values({ id: subjectId, ...values, sortOrder: Number(max?.m ?? 0) + 10, version: 1 }).execute();
      } else {
        before = await one(trx, id);
        expectVersion(before, version, `${RECORD} «${before.name}»`);
        await trx.updateTable('subject').set({ ...values, version: before.version + 1 }).where('id', '=', id).where('version', '=', version).execute();
        await trx.deleteFrom('subjectSanpinPoints').where('subjectId', '=', id).execute();
        await trx.deleteFrom('subjectRoomType').where('subjectId', '=', id).execute();
      }
      const sid = subjectId as string;
      if (s.points.length) await trx.insertInto('subjectSanpinPoints').values(s.points.map((p) => ({ subjectId: sid, ...p }))).execute();
      if (s.roomTypeIds.length) await trx.insertInto('subjectRoomType').values(s.roomTypeIds.map((roomTypeId) => ({ subjectId: sid, roomTypeId }))).execute();
      const plain = (x: ParsedSubject | Subject | null) =>
        x
          ? {
              name: x.name,
              shortName: x.shortName,
              areaId: x.areaId,
              isSplit: x.isSplit,
              sanpinKey: x.sanpinKey,
              isArchived: x.isArchived,
              points: x.points.map((p) => `${p.grade}: ${p.points}`).join(', '),
              roomTypeIds: x.roomTypeIds.join(', '),
            }
          : null;
      await ctx.audit.record(trx, { recordId: sid, action: id ? 'update' : 'create', changes: diffFields(plain(before), plain(s)) });
      return sid;
    })
    .catch((err: unknown) => {
      if (isUniqueViolation(err)) throw refusal(`${RECORD} «${s.name}» уже есть в списке`);
      throw err;
    });
  emitChanged(ctx, 'subject', savedId);
  return one(ctx.core.db, savedId);
}

export async function deleteSubject(ctx: HandlerContext, id: string, version: number): Promise<{ deleted: boolean }> {
  await ctx.core.db.transaction().execute(async (trx) => {
    const s = await one(trx, id);
    expectVersion(s, version, `${RECORD} «${s.name}»`);
    const used = await trx
      .selectFrom('subgroup')
      .innerJoin('schoolClass', 'schoolClass.id', 'subgroup.classId')
      .select(['schoolClass.name as className', 'subgroup.name'])
      .where('subgroup.subjectId', '=', id)
      .orderBy('schoolClass.grade')
      .orderBy('schoolClass.name')
      .orderBy('subgroup.ordinal')
      .execute();
    if (used.length) {
      const list = used.slice(0, 5).map((u) => `${u.className} (${u.name})`).join(', ');
      throw refusal(`${RECORD} «${s.name}» используется в подгруппах: ${list}${used.length > 5 ? '…' : ''} — отправьте его в архив вместо удаления`);
    }
    for (const usedBy of subjectUsers.plugs) {
      const where = await usedBy(trx, id);
      if (where) throw refusal(`${RECORD} «${s.name}» используется ${where} — отправьте его в архив вместо удаления`);
    }
    await trx.deleteFrom('subjectSanpinPoints').where('subjectId', '=', id).execute();
    await trx.deleteFrom('subjectRoomType').where('subjectId', '=', id).execute();
    await trx.deleteFrom('subject').where('id', '=', id).execute();
    await ctx.audit.record(trx, { recordId: id, action: 'delete', changes: { name: [s.name, null] } });
  });
  emitChanged(ctx, 'subject', id);
  return { deleted: true };
}

export async function loadStarter(ctx: HandlerContext): Promise<StarterResult> {
  const result = await ctx.core.db.transaction().execute(async (trx) => {
    const r = await addStarterSubjects(trx, nowIso());
    await ctx.audit.record(trx, { recordId: null, action: 'create', changes: { added: r.added, areasAdded: r.areasAdded }, cause: 'стандартный список предметов' });
    return r;
  });
  emitChanged(ctx, 'subject');
  return result;
}

export async function saveArea(ctx: HandlerContext, id: string | null, area: { name: string; sortOrder: number }, version: number): Promise<SubjectArea> {
  const at = nowIso();
  const savedId = await ctx.core.db
    .transaction()
    .execute(async (trx) => {
      const all = await trx.selectFrom('subjectArea').selectAll().execute();
      if (all.some((a) => a.id !== id && searchKey(a.name) === searchKey(area.name))) throw refusal(`Предметная область «${area.name}» уже есть`);
      if (id === null) {
        if (version !== 0) throw refusal('Предметная область: новая запись сохраняется с версией 0');
        const newAreaId = newId();
        await trx.insertInto('subjectArea').values({ id: newAreaId, ...area, version: 1, updatedAt: at }).execute();
        await ctx.audit.record(trx, { recordId: newAreaId, action: 'create', changes: diffFields(null, area) });
        return newAreaId;
      }
      const before = all.find((a) => a.id === id);
      if (!before) throw notFound('Предметная область');
      expectVersion(before, version, `Предметная область «${before.name}»`);
      await trx.updateTable('subjectArea').set({ ...area, version: before.version + 1, updatedAt: at }).where('id', '=', id).execute();
      await ctx.audit.record(trx, { recordId: id, action: 'update', changes: diffFields({ name: before.name, sortOrder: before.sortOrder }, area) });
      return id;
    })
    .catch((err: unknown) => {
      if (isUniqueViolation(err)) throw refusal(`Предметная область «${area.name}» уже есть`);
      throw err;
    });
  emitChanged(ctx, 'subjectArea', savedId);
  return (await listSubjects(ctx.core.db)).areas.find((a) => a.id === savedId) as SubjectArea;
}

export async function deleteArea(ctx: HandlerContext, id: string, version: number): Promise<{ deleted: boolean }> {
  await ctx.core.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('subjectArea').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('Предметная область');
    expectVersion(row, version, `Предметная область «${row.name}»`);
    const used = await trx.selectFrom('subject').select('name').where('subjectAreaId', '=', id).execute();
    if (used.length) throw refusal(`Предметная область «${row.name}» указана у предметов: ${used.slice(0, 5).map((u) => u.name).join(', ')}`);
    await trx.deleteFrom('subjectArea').where('id', '=', id).execute();
    await ctx.audit.record(trx, { recordId: id, action: 'delete', changes: { name: [row.name, null] } });
  });
  emitChanged(ctx, 'subjectArea', id);
  return { deleted: true };
}

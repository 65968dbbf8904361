import type { Subject, SubjectArea } from '../../../../src-shared/contract/subjects';
import { newId } from '../../../../src-shared/domain/ids';
import { searchKey } from '../../../../src-shared/domain/names';
import { diffFields } from '../../foundation/auditLog';
import type { HandlerContext } from '../../foundation/context';
import { addStarterSubjects, type StarterResult } from './starterSubjects';
import type { Executor } from '../../foundation/executor';
import { nowIso } from '../../foundation/clock';
import { isUniqueViolation } from '../../foundation/dbErrors';
import { expectVersion, flag, notFound, refusal } from '../../foundation/refusals';
import { emitChanged } from '../../foundation/events';
import { createPort } from '../../foundation/port';
import {
  areaRows,
  countRoomTypes,
  deleteAreaRow,
  deleteSubjectRows,
  findArea,
  insertArea,
  insertSubject,
  listSubjects,
  nextSubjectSortOrder,
  subgroupsOfSubjectAcrossClasses,
  subjectNames,
  subjectsOfArea,
  updateArea,
  updateSubject,
} from '../repo/subjects';

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
      const others = await subjectNames(trx);
      const twin = others.find((o) => o.id !== id && searchKey(o.name) === searchKey(s.name));
      if (twin) throw refusal(`${RECORD} «${s.name}» уже есть в списке`);
      if (s.areaId && !(await findArea(trx, s.areaId))) {
        throw refusal(`${RECORD} «${s.name}»: предметная область не найдена`);
      }
      if (s.roomTypeIds.length) {
        if ((await countRoomTypes(trx, s.roomTypeIds)) !== s.roomTypeIds.length) throw refusal(`${RECORD} «${s.name}»: тип кабинета не найден`);
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
        await insertSubject(trx, subjectId, { ...values, sortOrder: await nextSubjectSortOrder(trx) }, s.points, s.roomTypeIds);
      } else {
        before = await one(trx, id);
        expectVersion(before, version, `${RECORD} «${before.name}»`);
        await updateSubject(trx, id, values, version, s.points, s.roomTypeIds);
      }
      const sid = subjectId as string;
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
    const used = await subgroupsOfSubjectAcrossClasses(trx, id);
    if (used.length) {
      const list = used.slice(0, 5).map((u) => `${u.className} (${u.name})`).join(', ');
      throw refusal(`${RECORD} «${s.name}» используется в подгруппах: ${list}${used.length > 5 ? '…' : ''} — отправьте его в архив вместо удаления`);
    }
    for (const usedBy of subjectUsers.plugs) {
      const where = await usedBy(trx, id);
      if (where) throw refusal(`${RECORD} «${s.name}» используется ${where} — отправьте его в архив вместо удаления`);
    }
    await deleteSubjectRows(trx, id);
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
      const all = await areaRows(trx);
      if (all.some((a) => a.id !== id && searchKey(a.name) === searchKey(area.name))) throw refusal(`Предметная область «${area.name}» уже есть`);
      if (id === null) {
        if (version !== 0) throw refusal('Предметная область: новая запись сохраняется с версией 0');
        const newAreaId = newId();
        await insertArea(trx, newAreaId, area, at);
        await ctx.audit.record(trx, { recordId: newAreaId, action: 'create', changes: diffFields(null, area) });
        return newAreaId;
      }
      const before = all.find((a) => a.id === id);
      if (!before) throw notFound('Предметная область');
      expectVersion(before, version, `Предметная область «${before.name}»`);
      await updateArea(trx, id, area, before.version, at);
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
    const row = await findArea(trx, id);
    if (!row) throw notFound('Предметная область');
    expectVersion(row, version, `Предметная область «${row.name}»`);
    const used = await subjectsOfArea(trx, id);
    if (used.length) throw refusal(`Предметная область «${row.name}» указана у предметов: ${used.slice(0, 5).join(', ')}`);
    await deleteAreaRow(trx, id);
    await ctx.audit.record(trx, { recordId: id, action: 'delete', changes: { name: [row.name, null] } });
  });
  emitChanged(ctx, 'subjectArea', id);
  return { deleted: true };
}

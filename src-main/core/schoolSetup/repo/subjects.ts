import type { Insertable } from 'kysely';
import type { Subject, SubjectArea } from '../../../../src-shared/contract/subjects';
import { compareRu } from '../../../../src-shared/domain/names';
import type { SubjectTable } from '../../db/schema';
import type { Executor } from '../../foundation/executor';
import { bool } from '../../foundation/refusals';

/** Subjects with their SanPiN points and room types, and subject areas, as stored. */

type SubjectValues = Omit<Insertable<SubjectTable>, 'id' | 'version' | 'sortOrder'>;
type Points = readonly { grade: number; points: number }[];

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

export async function subjectNames(db: Executor): Promise<{ id: string; name: string }[]> {
  return db.selectFrom('subject').select(['id', 'name']).execute();
}

export async function areaRows(db: Executor) {
  return db.selectFrom('subjectArea').selectAll().execute();
}

export async function findArea(db: Executor, id: string) {
  return db.selectFrom('subjectArea').selectAll().where('id', '=', id).executeTakeFirst();
}

/** How many of the room type ids exist. */
export async function countRoomTypes(db: Executor, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  return (await db.selectFrom('roomType').select('id').where('id', 'in', [...ids]).execute()).length;
}

export async function nextSubjectSortOrder(db: Executor): Promise<number> {
  const max = await db.selectFrom('subject').select((eb) => eb.fn.max('sortOrder').as('m')).executeTakeFirst();
  return Number(max?.m ?? 0) + 10;
}

/** A new subject with its SanPiN points and the room types it needs. */
export async function insertSubject(db: Executor, id: string, values: SubjectValues & { sortOrder: number }, points: Points, roomTypeIds: readonly string[]): Promise<void> {
  await db.insertInto('subject').values({ id, ...values, version: 1 }).execute();
  await writeSubjectLinks(db, id, points, roomTypeIds);
}

/** Rewrites the subject's row, points and room types. */
export async function updateSubject(db: Executor, id: string, values: SubjectValues, version: number, points: Points, roomTypeIds: readonly string[]): Promise<void> {
  await db.updateTable('subject').set({ ...values, version: version + 1 }).where('id', '=', id).where('version', '=', version).execute();
  await db.deleteFrom('subjectSanpinPoints').where('subjectId', '=', id).execute();
  await db.deleteFrom('subjectRoomType').where('subjectId', '=', id).execute();
  await writeSubjectLinks(db, id, points, roomTypeIds);
}

async function writeSubjectLinks(db: Executor, subjectId: string, points: Points, roomTypeIds: readonly string[]): Promise<void> {
  if (points.length) await db.insertInto('subjectSanpinPoints').values(points.map((p) => ({ subjectId, grade: p.grade, points: p.points }))).execute();
  if (roomTypeIds.length) await db.insertInto('subjectRoomType').values(roomTypeIds.map((roomTypeId) => ({ subjectId, roomTypeId }))).execute();
}

/** Subgroups (class name, subgroup name) that teach the subject, by grade, class and ordinal. */
export async function subgroupsOfSubjectAcrossClasses(db: Executor, subjectId: string): Promise<{ className: string; name: string }[]> {
  return db
    .selectFrom('subgroup')
    .innerJoin('schoolClass', 'schoolClass.id', 'subgroup.classId')
    .select(['schoolClass.name as className', 'subgroup.name'])
    .where('subgroup.subjectId', '=', subjectId)
    .orderBy('schoolClass.grade')
    .orderBy('schoolClass.name')
    .orderBy('subgroup.ordinal')
    .execute();
}

export async function deleteSubjectRows(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('subjectSanpinPoints').where('subjectId', '=', id).execute();
  await db.deleteFrom('subjectRoomType').where('subjectId', '=', id).execute();
  await db.deleteFrom('subject').where('id', '=', id).execute();
}

export async function insertArea(db: Executor, id: string, area: { name: string; sortOrder: number }, at: string): Promise<void> {
  await db.insertInto('subjectArea').values({ id, name: area.name, sortOrder: area.sortOrder, version: 1, updatedAt: at }).execute();
}

export async function updateArea(db: Executor, id: string, area: { name: string; sortOrder: number }, version: number, at: string): Promise<void> {
  await db.updateTable('subjectArea').set({ ...area, version: version + 1, updatedAt: at }).where('id', '=', id).execute();
}

export async function subjectsOfArea(db: Executor, areaId: string): Promise<string[]> {
  return (await db.selectFrom('subject').select('name').where('subjectAreaId', '=', areaId).execute()).map((u) => u.name);
}

export async function deleteAreaRow(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('subjectArea').where('id', '=', id).execute();
}

import type { Selectable } from 'kysely';
import { newId } from '../../../../src-shared/domain/ids';
import { normaliseHours } from '../../../../src-shared/domain/curriculum/hours';
import type { ClassRow } from '../../../../src-shared/domain/curriculum/effectivePlan';
import { PART_KEYS, type PlanPart } from '../../../../src-shared/domain/curriculum/parts';
import type { CurriculumPlanTable, CurriculumRowTable } from '../../db/schemaCurriculum';
import type { Executor } from '../../foundation/executor';

/** Plans and their rows as stored: the repository of the curriculum module. */
export interface StoredPlan {
  id: string;
  yearId: string;
  grade: number;
  classId: string | null;
  weeksPerYear: number;
  note: string | null;
  version: number;
  rows: ClassRow[];
}

function parseHours(text: string): number[] {
  try {
    const v = JSON.parse(text) as unknown;
    if (Array.isArray(v) && v.length > 0 && v.every((n) => typeof n === 'number' && Number.isFinite(n))) return v as number[];
  } catch {
    /* a damaged cell reads as 0 hours; the next save rewrites it */
  }
  return [0];
}

function toPart(p: string): PlanPart {
  return (PART_KEYS as string[]).includes(p) ? (p as PlanPart) : 'mandatory';
}

export function rowFromDb(r: Selectable<CurriculumRowTable>): ClassRow {
  return {
    subjectId: r.subjectId,
    part: toPart(r.part),
    hours: normaliseHours(parseHours(r.hours)),
    groups: Number(r.groups),
    doubles: Number(r.doubles),
    assessment: r.assessment,
    excluded: Number(r.excluded) === 1,
  };
}

function planFromDb(p: Selectable<CurriculumPlanTable>, rows: Selectable<CurriculumRowTable>[]): StoredPlan {
  return {
    id: p.id,
    yearId: p.academicYearId,
    grade: Number(p.grade),
    classId: p.classId,
    weeksPerYear: Number(p.weeksPerYear),
    note: p.note,
    version: Number(p.version),
    rows: rows
      .filter((r) => r.planId === p.id)
      .sort((a, b) => Number(a.sortOrder) - Number(b.sortOrder))
      .map(rowFromDb),
  };
}

export async function plansOfYear(db: Executor, yearId: string): Promise<StoredPlan[]> {
  const plans = await db.selectFrom('curriculumPlan').selectAll().where('academicYearId', '=', yearId).execute();
  if (plans.length === 0) return [];
  const rows = await db
    .selectFrom('curriculumRow')
    .selectAll()
    .where(
      'planId',
      'in',
      plans.map((p) => p.id),
    )
    .execute();
  return plans.map((p) => planFromDb(p, rows));
}

export async function planById(db: Executor, id: string): Promise<StoredPlan | undefined> {
  const p = await db.selectFrom('curriculumPlan').selectAll().where('id', '=', id).executeTakeFirst();
  if (!p) return undefined;
  const rows = await db.selectFrom('curriculumRow').selectAll().where('planId', '=', id).execute();
  return planFromDb(p, rows);
}

export async function findPlan(db: Executor, yearId: string, grade: number, classId: string | null): Promise<StoredPlan | undefined> {
  const p = await db
    .selectFrom('curriculumPlan')
    .selectAll()
    .where('academicYearId', '=', yearId)
    .where('grade', '=', grade)
    .where('scopeKey', '=', classId ?? 'grade')
    .executeTakeFirst();
  if (!p) return undefined;
  const rows = await db.selectFrom('curriculumRow').selectAll().where('planId', '=', p.id).execute();
  return planFromDb(p, rows);
}

/** Inserts a plan record (version 1) and returns its id. */
export async function insertPlan(db: Executor, p: { yearId: string; grade: number; classId: string | null; weeksPerYear: number; note: string | null }, at: string): Promise<string> {
  const id = newId();
  await db
    .insertInto('curriculumPlan')
    .values({ id, academicYearId: p.yearId, grade: p.grade, classId: p.classId, scopeKey: p.classId ?? 'grade', weeksPerYear: p.weeksPerYear, note: p.note, version: 1, updatedAt: at })
    .execute();
  return id;
}

/** Replaces all rows of a plan, in the given order. */
export async function writeRows(db: Executor, planId: string, rows: readonly ClassRow[]): Promise<void> {
  await db.deleteFrom('curriculumRow').where('planId', '=', planId).execute();
  const values = rows.map((r, i) => ({
    id: newId(),
    planId,
    subjectId: r.subjectId,
    part: r.part,
    hours: JSON.stringify(normaliseHours(r.hours)),
    groups: r.groups,
    doubles: r.doubles,
    assessment: r.assessment,
    excluded: r.excluded ? 1 : 0,
    sortOrder: (i + 1) * 10,
  }));
  for (let i = 0; i < values.length; i += 100) await db.insertInto('curriculumRow').values(values.slice(i, i + 100)).execute();
}

/** A new heading of an existing plan (its rows are written by `writeRows`); the version goes up by one. */
export async function updatePlanHeader(db: Executor, plan: { id: string; version: number }, p: { weeksPerYear: number; note: string | null }, at: string): Promise<void> {
  await db.updateTable('curriculumPlan').set({ weeksPerYear: p.weeksPerYear, note: p.note, version: plan.version + 1, updatedAt: at }).where('id', '=', plan.id).execute();
}

/** Deletes a plan (its rows go with it by the foreign key). */
export async function deletePlanRecord(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('curriculumPlan').where('id', '=', id).execute();
}

/** Names of the classes of a grade that keep a plan of their own in the year. */
export async function classesWithOwnPlan(db: Executor, yearId: string, grade: number): Promise<string[]> {
  const rows = await db
    .selectFrom('curriculumPlan')
    .innerJoin('schoolClass', 'schoolClass.id', 'curriculumPlan.classId')
    .select('schoolClass.name')
    .where('curriculumPlan.academicYearId', '=', yearId)
    .where('curriculumPlan.grade', '=', grade)
    .where('curriculumPlan.classId', 'is not', null)
    .execute();
  return rows.map((r) => r.name);
}

/** The name of a class, for a plan's name in messages (undefined when the class is gone). */
export async function classNameOf(db: Executor, classId: string): Promise<string | undefined> {
  return (await db.selectFrom('schoolClass').select('name').where('id', '=', classId).executeTakeFirst())?.name;
}

/** Subject ids by name (normalised by `key`), for the starter plans. */
export async function subjectIdsByName(db: Executor, key: (name: string) => string): Promise<Map<string, string>> {
  return new Map((await db.selectFrom('subject').select(['id', 'name']).execute()).map((s) => [key(s.name), s.id]));
}

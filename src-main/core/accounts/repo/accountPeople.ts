import type { Executor } from '../../foundation/executor';
import { validOn } from '../../foundation/validOn';

/**
 * The people behind portal accounts as this domain reads them: pupils on a date, their parents,
 * classes and names (the tables belong to people and the school set-up).
 */

const chunks = <T>(list: readonly T[]) => Array.from({ length: Math.ceil(list.length / 500) }, (_, i) => list.slice(i * 500, i * 500 + 500));

export async function pupilIdsOfClassesOn(db: Executor, classIds: readonly string[], on: string): Promise<string[]> {
  if (classIds.length === 0) return [];
  return (await db.selectFrom('classMembership').select('pupilId').where('classId', 'in', [...classIds]).where(validOn(null, on)).execute()).map((r) => r.pupilId);
}

export async function parentIdsOfPupils(db: Executor, pupilIds: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const c of chunks(pupilIds)) for (const l of await db.selectFrom('pupilParent').select('parentId').where('pupilId', 'in', c).execute()) out.push(l.parentId);
  return out;
}

export async function parentLinksOfParents(db: Executor, parentIds: readonly string[]): Promise<{ pupilId: string; parentId: string }[]> {
  const out: { pupilId: string; parentId: string }[] = [];
  for (const c of chunks(parentIds)) out.push(...(await db.selectFrom('pupilParent').select(['pupilId', 'parentId']).where('parentId', 'in', c).execute()));
  return out;
}

/** Each pupil's class name on the date. */
export async function classNamesOfPupilsOn(db: Executor, pupilIds: readonly string[], on: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const c of chunks(pupilIds)) {
    const rows = await db
      .selectFrom('classMembership as cm')
      .innerJoin('schoolClass as sc', 'sc.id', 'cm.classId')
      .select(['cm.pupilId', 'sc.name'])
      .where('cm.pupilId', 'in', c)
      .where(validOn('cm', on))
      .execute();
    for (const r of rows) out.set(r.pupilId, r.name);
  }
  return out;
}

export async function personNames(db: Executor, kind: 'pupil' | 'parent' | 'staff', ids: readonly string[]) {
  const out: { id: string; lastName: string; firstName: string; middleName: string | null }[] = [];
  for (const c of chunks(ids)) out.push(...(await db.selectFrom(kind).select(['id', 'lastName', 'firstName', 'middleName']).where('id', 'in', c).execute()));
  return out;
}

export async function personExists(db: Executor, kind: 'pupil' | 'parent' | 'staff', id: string): Promise<boolean> {
  return Boolean(await db.selectFrom(kind).select('id').where('id', '=', id).executeTakeFirst());
}

export async function classById(db: Executor, id: string): Promise<{ id: string; name: string } | undefined> {
  return db.selectFrom('schoolClass').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
}

/** A class's pupils on the date, with what a letter needs. */
export async function classRosterOn(db: Executor, classId: string, on: string) {
  return db
    .selectFrom('classMembership as cm')
    .innerJoin('pupil as p', 'p.id', 'cm.pupilId')
    .select(['p.id', 'p.lastName', 'p.firstName', 'p.middleName', 'p.sex'])
    .where('cm.classId', '=', classId)
    .where(validOn('cm', on))
    .execute();
}

import { sql } from 'kysely';
import { insertMany } from '../../db/insertMany';
import type { Executor } from '../../foundation/executor';
import { validOn } from '../../foundation/validOn';

/**
 * The pupil–parent links (relation, legal-representative flag) and the family views built on them:
 * a parent's children with their class on a date, a pupil's parents, the class history of a pupil.
 */

export async function personBrief(db: Executor, table: 'pupil' | 'parent', id: string) {
  return db.selectFrom(table).select(['id', 'lastName', 'firstName', 'middleName', 'birthDate']).where('id', '=', id).executeTakeFirst();
}

export async function linkRelation(db: Executor, pupilId: string, parentId: string): Promise<string | undefined> {
  return (await db.selectFrom('pupilParent').select('relation').where('pupilId', '=', pupilId).where('parentId', '=', parentId).executeTakeFirst())?.relation;
}

export async function insertLinkRow(db: Executor, link: { pupilId: string; parentId: string; relation: string; isLegalRepresentative: boolean }): Promise<void> {
  await db
    .insertInto('pupilParent')
    .values({ pupilId: link.pupilId, parentId: link.parentId, relation: link.relation, isLegalRepresentative: link.isLegalRepresentative ? 1 : 0 })
    .execute();
}

export async function updateLinkRow(db: Executor, link: { pupilId: string; parentId: string; relation: string; isLegalRepresentative: boolean }): Promise<void> {
  await db
    .updateTable('pupilParent')
    .set({ relation: link.relation, isLegalRepresentative: link.isLegalRepresentative ? 1 : 0 })
    .where('pupilId', '=', link.pupilId)
    .where('parentId', '=', link.parentId)
    .execute();
}

export async function deleteLinkRow(db: Executor, pupilId: string, parentId: string): Promise<void> {
  await db.deleteFrom('pupilParent').where('pupilId', '=', pupilId).where('parentId', '=', parentId).execute();
}

/** A pupil's parents and a parent's children, in name order (the text of a link change's history). */
export async function linkSides(db: Executor, pupilId: string, parentId: string) {
  const cols = ['p.lastName', 'p.firstName', 'p.middleName', 'pp.relation', 'pp.isLegalRepresentative'] as const;
  const parents = await db.selectFrom('pupilParent as pp').innerJoin('parent as p', 'p.id', 'pp.parentId').select(cols).where('pp.pupilId', '=', pupilId).orderBy('p.searchKey').execute();
  const children = await db.selectFrom('pupilParent as pp').innerJoin('pupil as p', 'p.id', 'pp.pupilId').select(cols).where('pp.parentId', '=', parentId).orderBy('p.searchKey').execute();
  return { parents, children };
}

/** The other side of each link of a card, with its birth date (the age-gap rule). */
export async function linkedPeople(db: Executor, kind: 'pupil' | 'parent', id: string) {
  const cols = ['o.lastName', 'o.firstName', 'o.middleName', 'o.birthDate', 'pp.relation'] as const;
  return kind === 'pupil'
    ? db.selectFrom('pupilParent as pp').innerJoin('parent as o', 'o.id', 'pp.parentId').select(cols).where('pp.pupilId', '=', id).execute()
    : db.selectFrom('pupilParent as pp').innerJoin('pupil as o', 'o.id', 'pp.pupilId').select(cols).where('pp.parentId', '=', id).execute();
}

/** The children of these parents with the class each is in on `on` (null when in none). */
export async function childrenOfParentsOn(db: Executor, parentIds: readonly string[], on: string) {
  if (parentIds.length === 0) return [];
  return db
    .selectFrom('pupilParent as pp')
    .innerJoin('pupil as p', 'p.id', 'pp.pupilId')
    .leftJoin('classMembership as cm', (j) => j.onRef('cm.pupilId', '=', 'p.id').on(validOn('cm', on)))
    .leftJoin('schoolClass as sc', 'sc.id', 'cm.classId')
    .select(['pp.parentId', 'pp.pupilId', 'pp.relation', 'pp.isLegalRepresentative', 'p.lastName', 'p.firstName', 'p.middleName', 'p.birthDate', 'cm.classId', 'sc.name as className'])
    .where('pp.parentId', 'in', [...parentIds])
    .execute();
}

/** A pupil's parents with what the card shows of them. */
export async function parentsOfPupil(db: Executor, pupilId: string) {
  return db
    .selectFrom('pupilParent as pp')
    .innerJoin('parent as p', 'p.id', 'pp.parentId')
    .select(['pp.parentId', 'p.lastName', 'p.firstName', 'p.middleName', 'p.birthDate', 'p.phoneMobile', 'pp.relation', 'pp.isLegalRepresentative'])
    .where('pp.pupilId', '=', pupilId)
    .execute();
}

/** The parents of these pupils with their names and the relation (the list's «Родители» column, account letters). */
export async function parentNamesOfPupils(db: Executor, pupilIds: readonly string[]) {
  if (pupilIds.length === 0) return [];
  return db
    .selectFrom('pupilParent as pp')
    .innerJoin('parent as pa', 'pa.id', 'pp.parentId')
    .select(['pp.pupilId', 'pp.relation', 'pa.id', 'pa.lastName', 'pa.firstName', 'pa.middleName'])
    .where('pp.pupilId', 'in', [...pupilIds])
    .execute();
}

/** Every class a pupil has been in, with its year, oldest first. */
export async function classHistoryOf(db: Executor, pupilId: string) {
  const rows = await db
    .selectFrom('classMembership as cm')
    .innerJoin('schoolClass as sc', 'sc.id', 'cm.classId')
    .leftJoin('academicYear as y', 'y.id', 'sc.academicYearId')
    .select(['cm.classId', 'sc.name as className', 'y.name as yearName', 'cm.startDate', 'cm.endDate', 'cm.cause'])
    .where('cm.pupilId', '=', pupilId)
    .orderBy('cm.startDate')
    .execute();
  return rows.map((r) => ({ ...r, yearName: r.yearName ?? null }));
}

/** Each pupil's class on `on`. */
export async function classesOfPupilsOn(db: Executor, pupilIds: readonly string[], on: string) {
  if (pupilIds.length === 0) return [];
  return db
    .selectFrom('classMembership as cm')
    .innerJoin('schoolClass as sc', 'sc.id', 'cm.classId')
    .select(['cm.pupilId', 'cm.classId', 'sc.name'])
    .where('cm.pupilId', 'in', [...pupilIds])
    .where(validOn('cm', on))
    .execute();
}

export async function classNameOf(db: Executor, classId: string): Promise<string | undefined> {
  return (await db.selectFrom('schoolClass').select('name').where('id', '=', classId).executeTakeFirst())?.name;
}

/** "In one of these classes on `on`" (any class when `classIds` is undefined), over `pupil.id`. */
export function pupilInClassOn(classIds: readonly string[] | undefined, on: string) {
  const classes = classIds ? sql` and cm.class_id in (${sql.join(classIds.map((c) => sql`${c}`))})` : sql``;
  return sql<boolean>`exists (select 1 from class_membership cm where cm.pupil_id = ${sql.ref('pupil.id')} and cm.start_date <= ${on} and (cm.end_date is null or cm.end_date > ${on})${classes})`;
}

/** "Has a child in one of these classes on `on`", over `parent.id`. */
export function parentWithChildIn(classIds: readonly string[], on: string) {
  return sql<boolean>`exists (select 1 from pupil_parent pp join class_membership cm on cm.pupil_id = pp.pupil_id
    where pp.parent_id = ${sql.ref('parent.id')} and cm.start_date <= ${on} and (cm.end_date is null or cm.end_date > ${on})
    and cm.class_id in (${sql.join(classIds.map((c) => sql`${c}`))}))`;
}

/** "Has any child", over `parent.id`. */
export function parentWithAnyChild() {
  return sql<boolean>`exists (select 1 from pupil_parent pp where pp.parent_id = ${sql.ref('parent.id')})`;
}

export function not(condition: ReturnType<typeof parentWithAnyChild>) {
  return sql<boolean>`not ${condition}`;
}

/** Every pupil–parent link of these pupils, a few statements for many pupils. */
export async function parentLinksOfPupils(db: Executor, pupilIds: readonly string[]): Promise<{ pupilId: string; parentId: string }[]> {
  const out: { pupilId: string; parentId: string }[] = [];
  const list = [...new Set(pupilIds)];
  for (let i = 0; i < list.length; i += 500) out.push(...(await db.selectFrom('pupilParent').select(['pupilId', 'parentId']).where('pupilId', 'in', list.slice(i, i + 500)).execute()));
  return out;
}

/** Names and birth dates of many pupils or parents (the checks and history lines of a bulk link). */
export async function peopleForLinks(db: Executor, table: 'pupil' | 'parent', ids: readonly string[]) {
  const list = [...new Set(ids)];
  const out = [];
  for (let i = 0; i < list.length; i += 500) {
    out.push(...(await db.selectFrom(table).select(['id', 'lastName', 'firstName', 'middleName', 'birthDate', 'searchKey']).where('id', 'in', list.slice(i, i + 500)).execute()));
  }
  return out;
}

/** The current links of many pupils (with their parents' names) or many parents (with their children's). */
export async function linkRowsOf(db: Executor, side: 'pupil' | 'parent', ids: readonly string[]) {
  const list = [...new Set(ids)];
  const cols = ['pp.pupilId', 'pp.parentId', 'p.lastName', 'p.firstName', 'p.middleName', 'p.searchKey', 'pp.relation', 'pp.isLegalRepresentative'] as const;
  const out = [];
  for (let i = 0; i < list.length; i += 500) {
    const chunk = list.slice(i, i + 500);
    out.push(
      ...(side === 'pupil'
        ? await db.selectFrom('pupilParent as pp').innerJoin('parent as p', 'p.id', 'pp.parentId').select(cols).where('pp.pupilId', 'in', chunk).execute()
        : await db.selectFrom('pupilParent as pp').innerJoin('pupil as p', 'p.id', 'pp.pupilId').select(cols).where('pp.parentId', 'in', chunk).execute()),
    );
  }
  return out;
}

/** Many new links, many rows a statement. */
export async function insertLinkRows(db: Executor, links: readonly { pupilId: string; parentId: string; relation: string; isLegalRepresentative: boolean }[]): Promise<void> {
  await insertMany(
    db,
    'pupilParent',
    links.map((l) => ({ pupilId: l.pupilId, parentId: l.parentId, relation: l.relation, isLegalRepresentative: l.isLegalRepresentative ? 1 : 0 })),
  );
}

import { sql } from 'kysely';
import type { Executor } from '../../foundation/executor';
import { validOn } from '../../foundation/validOn';

/**
 * The person lists: the table a list query starts from (filters, search and scope are added by the
 * list services as conditions from repo/family and repo/searchIndex) and the columns of a page.
 */
export function scopeQuery<T extends 'pupil' | 'parent'>(db: Executor, table: T) {
  return db.selectFrom(table);
}

const PUPIL_ROW_COLUMNS = [
  'pupil.id',
  'pupil.lastName',
  'pupil.firstName',
  'pupil.middleName',
  'pupil.sex',
  'pupil.birthDate',
  'pupil.version',
  'pupil.snils',
  'pupil.personalFileNumber',
  'pupil.alphabetBookNumber',
  'pupil.phoneMobile',
  'pupil.email',
  'pupil.healthGroup',
  'pupil.peGroup',
  'pupil.disabilityGroup',
  'pupil.hasOvz',
  'pupil.boarding',
  'pupil.homeSchooling',
  'pupil.needsTransport',
  'pupil.freeMeals',
  'pupil.pdRefusal',
] as const;

export async function pupilListRows(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('pupil').select(PUPIL_ROW_COLUMNS).where('pupil.id', 'in', [...ids]).execute();
}

export async function parentListRows(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('parent').select(['id', 'lastName', 'firstName', 'middleName', 'sex', 'birthDate', 'version', 'snils', 'phoneMobile', 'email', 'workplace']).where('id', 'in', [...ids]).execute();
}

/** The staff list's filters on a date (the search is added by the list service). */
export function staffFilterQuery(db: Executor, filter: { status?: string; department?: string; position?: string }, today: string) {
  let q = db.selectFrom('staff');
  if (filter.status === 'working') q = q.where((eb) => eb.or([eb('staff.dismissalDate', 'is', null), eb('staff.dismissalDate', '>', today)]));
  if (filter.status === 'dismissed') q = q.where('staff.dismissalDate', '<=', today);
  if (filter.status === 'onLeave') {
    q = q
      .where((eb) => eb.or([eb('staff.dismissalDate', 'is', null), eb('staff.dismissalDate', '>', today)]))
      .where('staff.maternityLeaveFrom', '<=', today)
      .where((eb) => eb.or([eb('staff.maternityLeaveTo', 'is', null), eb('staff.maternityLeaveTo', '>=', today)]));
  }
  if (filter.department) q = q.where('staff.department', '=', filter.department);
  if (filter.position) {
    q = q.where(
      sql<boolean>`exists (select 1 from staff_position sp where sp.staff_id = ${sql.ref('staff.id')} and sp.position = ${filter.position}
        and (sp.start_date is null or sp.start_date <= ${today}) and (sp.end_date is null or sp.end_date >= ${today}))`,
    );
  }
  return q;
}

/** What the staff card shows beside the card: the main position, the classes led this year, the login. */
export async function staffCardExtras(db: Executor, id: string) {
  const row = await db.selectFrom('staff').select('position').where('id', '=', id).executeTakeFirstOrThrow();
  const classes = await db
    .selectFrom('schoolClass as sc')
    .leftJoin('academicYear as y', 'y.id', 'sc.academicYearId')
    .select(['sc.id', 'sc.name'])
    .where('sc.classTeacherId', '=', id)
    .where('y.isCurrent', '=', 1)
    .orderBy('sc.grade')
    .orderBy('sc.letter')
    .execute();
  const user = await db.selectFrom('appUser').select('login').where('staffId', '=', id).executeTakeFirst();
  return { position: row.position, classes, login: user?.login ?? null };
}

/** What a duplicate candidate is shown with: a pupil's class, a parent's children, a staff member's position. */
export async function duplicateDetailRows(db: Executor, kind: 'pupil' | 'parent' | 'staff', ids: readonly string[], today: string) {
  if (kind === 'pupil') return { classes: await db.selectFrom('classMembership as cm').innerJoin('schoolClass as sc', 'sc.id', 'cm.classId').select(['cm.pupilId', 'sc.name']).where('cm.pupilId', 'in', [...ids]).where(validOn('cm', today)).execute() };
  if (kind === 'parent') {
    return {
      children: await db
        .selectFrom('pupilParent as pp')
        .innerJoin('pupil as p', 'p.id', 'pp.pupilId')
        .select(['pp.parentId', 'pp.relation', 'p.lastName', 'p.firstName', 'p.middleName'])
        .where('pp.parentId', 'in', [...ids])
        .execute(),
    };
  }
  return { positions: await db.selectFrom('staff').select(['id', 'position']).where('id', 'in', [...ids]).execute() };
}

/** Cards of a kind with this name key and birth date, or with this SNILS (the duplicate check). */
export async function cardsByNameAndBirth(db: Executor, table: 'pupil' | 'parent' | 'staff', key: string, birthDate: string) {
  return db.selectFrom(table).select(['id', 'lastName', 'firstName', 'middleName', 'birthDate', 'snils']).where('searchKey', '=', key).where('birthDate', '=', birthDate).execute();
}

export async function cardsBySnils(db: Executor, table: 'pupil' | 'parent' | 'staff', snils: string) {
  return db.selectFrom(table).select(['id', 'lastName', 'firstName', 'middleName', 'birthDate', 'snils']).where('snils', '=', snils).execute();
}

/** The links of these parents (pupil and parent ids). */
export async function linksOfParents(db: Executor, parentIds: readonly string[]) {
  if (parentIds.length === 0) return [];
  return db.selectFrom('pupilParent').select(['parentId', 'pupilId']).where('parentId', 'in', [...parentIds]).execute();
}

/** Which of these pupils are in one of these classes on `on`. */
export async function pupilsInClassesOn(db: Executor, pupilIds: readonly string[], classIds: readonly string[], on: string): Promise<string[]> {
  if (pupilIds.length === 0) return [];
  const rows = await db
    .selectFrom('classMembership')
    .select('pupilId')
    .where('pupilId', 'in', [...pupilIds])
    .where('classId', 'in', classIds.length ? [...classIds] : ['-'])
    .where(validOn(null, on))
    .execute();
  return rows.map((r) => r.pupilId);
}

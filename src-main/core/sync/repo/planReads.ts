import type { PersonKind } from '../../../../src-shared/domain/personRules';
import type { Executor } from '../../foundation/executor';

/**
 * What a pull is planned against, read from the office's tables in one statement each: the years,
 * classes and memberships, people with their portal ids, links, accounts, set-up records, the
 * numbered orders of the movement book. Reads only: every write of a pull goes through the owning
 * domain (sync/pull/applyPlan.ts).
 */
const YEAR_COLUMNS = ['id', 'name', 'startDate', 'endDate'] as const;

/** The current year, else the year today falls in. */
export async function planYear(db: Executor, today: string): Promise<{ id: string; name: string; startDate: string; endDate: string } | null> {
  return (
    (await db.selectFrom('academicYear').select(YEAR_COLUMNS).where('isCurrent', '=', 1).executeTakeFirst()) ??
    (await db.selectFrom('academicYear').select(YEAR_COLUMNS).where('startDate', '<=', today).where('endDate', '>=', today).executeTakeFirst()) ??
    null
  );
}

export function allYears(db: Executor) {
  return db.selectFrom('academicYear').select(YEAR_COLUMNS).orderBy('startDate').execute();
}

export function classesOfYear(db: Executor, yearId: string) {
  return db.selectFrom('schoolClass').select(['id', 'name']).where('academicYearId', '=', yearId).execute();
}

export function allClasses(db: Executor) {
  return db.selectFrom('schoolClass').select(['id', 'name', 'academicYearId']).execute();
}

/** Every class membership of a year with its class's name, oldest first. */
export function membershipsOfYear(db: Executor, yearId: string) {
  return db
    .selectFrom('classMembership as cm')
    .innerJoin('schoolClass as sc', 'sc.id', 'cm.classId')
    .select(['cm.pupilId', 'sc.name', 'cm.startDate', 'cm.endDate'])
    .where('sc.academicYearId', '=', yearId)
    .orderBy('cm.startDate')
    .execute();
}

/** The pupils in a class of the year on a date, with their names and the class's. */
export function pupilsInClassesOn(db: Executor, yearId: string, date: string) {
  return db
    .selectFrom('classMembership as cm')
    .innerJoin('schoolClass as c', 'c.id', 'cm.classId')
    .innerJoin('pupil as p', 'p.id', 'cm.pupilId')
    .select(['p.id', 'p.lastName', 'p.firstName', 'p.middleName', 'c.name'])
    .where('c.academicYearId', '=', yearId)
    .where('cm.startDate', '<=', date)
    .where((eb) => eb.or([eb('cm.endDate', 'is', null), eb('cm.endDate', '>', date)]))
    .execute();
}

export function allParentLinks(db: Executor) {
  return db.selectFrom('pupilParent').select(['pupilId', 'parentId', 'relation']).execute();
}

export function allPortalAccounts(db: Executor) {
  return db.selectFrom('portalAccount').select(['id', 'personKind', 'personId', 'status', 'login', 'version']).execute();
}

const PEOPLE_TABLES = { pupil: 'pupil', parent: 'parent', staff: 'staff' } as const;

/** Everyone of a kind, with what matching needs. */
export function peopleToMatch(db: Executor, kind: PersonKind) {
  return db.selectFrom(PEOPLE_TABLES[kind]).select(['id', 'lastName', 'firstName', 'middleName', 'birthDate', 'snils']).execute();
}

export function staffNames(db: Executor) {
  return db.selectFrom('staff').select(['id', 'lastName', 'firstName', 'middleName', 'dismissalDate']).execute();
}

/** The portal ids noted for records of an entity (`portal_ref`). */
export function portalIdsOf(db: Executor, entity: string) {
  return db.selectFrom('portalRef').select(['recordId', 'portalId']).where('entity', '=', entity).execute();
}

export function numberedOrders(db: Executor) {
  return db.selectFrom('movementOrder').select(['id', 'academicYearId', 'numberText', 'orderType', 'orderDate', 'source']).where('numberText', 'is not', null).execute();
}

export function pupilsOfOrders(db: Executor, orderIds: readonly string[]) {
  return db.selectFrom('movementOrderItem').select(['orderId', 'pupilId']).where('orderId', 'in', orderIds).execute();
}

export function subjectNames(db: Executor) {
  return db.selectFrom('subject').select(['id', 'name']).execute();
}

export function roomNames(db: Executor) {
  return db.selectFrom('room').select(['id', 'number', 'name']).execute();
}

export function qualifications(db: Executor) {
  return db.selectFrom('staffSubject').select(['staffId', 'subjectId']).execute();
}

/** The shifts that already have a bell schedule in the year. */
export function bellShifts(db: Executor, yearId: string) {
  return db.selectFrom('bellSchedule').select('shift').where('academicYearId', '=', yearId).execute();
}

import type { Executor } from '../../foundation/executor';
import { inChunks } from '../../movement/index';

/**
 * What the year's reports and the личная карта read of the movement book: the year's classes and
 * every membership of them, the order items that started and ended memberships (with their order),
 * a pupil's memberships and parents.
 */
export async function classesOfYear(db: Executor, yearId: string) {
  return db.selectFrom('schoolClass').select(['id', 'grade', 'name']).where('academicYearId', '=', yearId).execute();
}

export async function classGrades(db: Executor, ids: readonly string[]) {
  return inChunks(ids, (chunk) => db.selectFrom('schoolClass').select(['id', 'grade']).where('id', 'in', chunk).execute());
}

export async function membershipsOfClasses(db: Executor, classIds: readonly string[]) {
  return inChunks(classIds, (chunk) =>
    db.selectFrom('classMembership').select(['pupilId', 'classId', 'startDate', 'endDate', 'orderItemId', 'endOrderItemId', 'cause']).where('classId', 'in', chunk).execute(),
  );
}

export async function itemsWithOrders(db: Executor, itemIds: readonly string[]) {
  return inChunks(itemIds, (chunk) =>
    db
      .selectFrom('movementOrderItem as i')
      .innerJoin('movementOrder as o', 'o.id', 'i.orderId')
      .select(['i.id', 'o.orderType', 'o.numberText', 'o.orderDate', 'i.fromClassId', 'i.toClassId', 'i.originSchool', 'i.destinationKind', 'i.destinationSchool', 'i.reason'])
      .where('i.id', 'in', chunk)
      .execute(),
  );
}

export async function membershipsOfPupil(db: Executor, pupilId: string) {
  return db
    .selectFrom('classMembership as m')
    .innerJoin('schoolClass as sc', 'sc.id', 'm.classId')
    .leftJoin('academicYear as y', 'y.id', 'sc.academicYearId')
    .select(['m.startDate', 'm.endDate', 'm.cause', 'm.orderItemId', 'm.endOrderItemId', 'sc.name as className', 'y.name as yearName'])
    .where('m.pupilId', '=', pupilId)
    .orderBy('m.startDate')
    .execute();
}

export async function parentsOfPupil(db: Executor, pupilId: string) {
  return db
    .selectFrom('pupilParent as pp')
    .innerJoin('parent as p', 'p.id', 'pp.parentId')
    .select(['pp.relation', 'p.lastName', 'p.firstName', 'p.middleName', 'p.phoneMobile', 'p.phoneHome', 'p.workplace', 'p.jobTitle'])
    .where('pp.pupilId', '=', pupilId)
    .execute();
}

/** Every order with its year and the pupils of its items (the builder's «приказы»). */
export async function ordersWithPupils(db: Executor) {
  const orders = await db
    .selectFrom('movementOrder as o')
    .innerJoin('academicYear as y', 'y.id', 'o.academicYearId')
    .select(['o.id', 'o.numberText', 'o.orderDate', 'o.orderType', 'o.status', 'o.title', 'o.signatoryName', 'y.name as yearName'])
    .execute();
  const items = await db.selectFrom('movementOrderItem as i').innerJoin('pupil as p', 'p.id', 'i.pupilId').select(['i.orderId', 'i.ordinal', 'p.lastName', 'p.firstName', 'p.middleName']).execute();
  return { orders, items };
}

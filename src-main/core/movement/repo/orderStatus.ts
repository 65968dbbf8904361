import type { Executor } from '../../foundation/executor';
import type { OrderRowDb } from './years';

/** An order's row with its year's name (numbering), or undefined. */
export async function orderWithYear(db: Executor, orderId: string) {
  return db
    .selectFrom('movementOrder as o')
    .innerJoin('academicYear as y', 'y.id', 'o.academicYearId')
    .selectAll('o')
    .select('y.name as yearName')
    .where('o.id', '=', orderId)
    .executeTakeFirst();
}

export async function orderRow(db: Executor, orderId: string): Promise<OrderRowDb | undefined> {
  return db.selectFrom('movementOrder').selectAll().where('id', '=', orderId).executeTakeFirst();
}

/** Writes the given columns of an order (sign, cancel, printed); the caller raises the version. */
export async function patchOrder(db: Executor, orderId: string, set: Partial<OrderRowDb>): Promise<void> {
  await db.updateTable('movementOrder').set(set).where('id', '=', orderId).execute();
}

/** The order template the secretary uploaded (one row by key), or undefined for the default. */
export async function templateRow(db: Executor, key: string) {
  return db.selectFrom('documentTemplate').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function writeTemplateRow(db: Executor, key: string, exists: boolean, values: { fileName: string; contentBase64: string; version: number; updatedAt: string; updatedBy: string | null }): Promise<void> {
  if (exists) await db.updateTable('documentTemplate').set(values).where('key', '=', key).execute();
  else await db.insertInto('documentTemplate').values({ key, ...values }).execute();
}

export async function deleteTemplateRow(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('documentTemplate').where('key', '=', key).execute();
}

/** A pupil card with this name key and birth date (the portal's rule for «the same person»). */
export async function pupilByNameAndBirth(db: Executor, key: string, birthDate: string): Promise<{ id: string } | undefined> {
  return db.selectFrom('pupil').select(['id']).where('searchKey', '=', key).where('birthDate', '=', birthDate).executeTakeFirst();
}

export async function pupilRow(db: Executor, pupilId: string) {
  return db.selectFrom('pupil').selectAll().where('id', '=', pupilId).executeTakeFirst();
}

/** Whether anything but the given order item refers to the pupil (another item, a class, a parent, the book, a subgroup). */
export async function pupilUsedElsewhere(db: Executor, pupilId: string, exceptItemId: string): Promise<boolean> {
  const usedBy = await Promise.all([
    db.selectFrom('movementOrderItem').select('id').where('pupilId', '=', pupilId).where('id', '!=', exceptItemId).executeTakeFirst(),
    db.selectFrom('classMembership').select('id').where('pupilId', '=', pupilId).executeTakeFirst(),
    db.selectFrom('pupilParent').select('parentId').where('pupilId', '=', pupilId).executeTakeFirst(),
    db.selectFrom('alphabetBookEntry').select('id').where('pupilId', '=', pupilId).executeTakeFirst(),
    db.selectFrom('subgroupMember').select('id').where('pupilId', '=', pupilId).executeTakeFirst(),
  ]);
  return usedBy.some(Boolean);
}

export async function deletePupilRow(db: Executor, pupilId: string): Promise<void> {
  await db.deleteFrom('pupil').where('id', '=', pupilId).execute();
}

import type { Insertable, Selectable, Updateable } from 'kysely';
import type { MovementOrderItemTable, MovementOrderTable } from '../../db/schema';
import type { Executor } from '../../foundation/executor';

/** The rows the draft editor reads and writes: an order, its items, and the cards they name. */

export type OrderRecord = Selectable<MovementOrderTable>;
export type ItemRecord = Selectable<MovementOrderItemTable>;
type ItemValues = Omit<Insertable<MovementOrderItemTable>, 'id'>;

export async function findOrderRow(db: Executor, id: string): Promise<OrderRecord | undefined> {
  return db.selectFrom('movementOrder').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateOrderRow(db: Executor, id: string, values: Updateable<MovementOrderTable>): Promise<void> {
  await db.updateTable('movementOrder').set(values).where('id', '=', id).execute();
}

export async function deleteOrderRow(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('movementOrder').where('id', '=', id).execute();
}

export async function itemRowsOf(db: Executor, orderId: string): Promise<ItemRecord[]> {
  return db.selectFrom('movementOrderItem').selectAll().where('orderId', '=', orderId).execute();
}

export async function insertItemRow(db: Executor, id: string, values: ItemValues): Promise<void> {
  await db.insertInto('movementOrderItem').values({ id, ...values }).execute();
}

export async function updateItemRow(db: Executor, id: string, values: Updateable<MovementOrderItemTable>): Promise<void> {
  await db.updateTable('movementOrderItem').set(values).where('id', '=', id).execute();
}

export async function deleteItemRow(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('movementOrderItem').where('id', '=', id).execute();
}

export async function deleteItemsOf(db: Executor, orderId: string): Promise<void> {
  await db.deleteFrom('movementOrderItem').where('orderId', '=', orderId).execute();
}

/** An item with the names of its pupil's card, for the ФИО forms. */
export async function itemWithPupil(db: Executor, orderId: string, itemId: string) {
  return db
    .selectFrom('movementOrderItem as i')
    .innerJoin('pupil as p', 'p.id', 'i.pupilId')
    .selectAll('i')
    .select(['p.lastName', 'p.firstName', 'p.middleName', 'p.sex'])
    .where('i.id', '=', itemId)
    .where('i.orderId', '=', orderId)
    .executeTakeFirst();
}

export async function pupilNames(db: Executor, pupilId: string) {
  return db.selectFrom('pupil').select(['id', 'lastName', 'firstName', 'middleName', 'sex']).where('id', '=', pupilId).executeTakeFirst();
}

export async function classExists(db: Executor, classId: string): Promise<boolean> {
  return Boolean(await db.selectFrom('schoolClass').select('id').where('id', '=', classId).executeTakeFirst());
}

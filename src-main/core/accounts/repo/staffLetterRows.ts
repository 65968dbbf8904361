import type { Executor } from '../../foundation/executor';

/** The staff cards asked for and their portal accounts, for HR's letters. */
export async function staffLetterRows(db: Executor, ids: readonly string[]) {
  const people = await db.selectFrom('staff').select(['id', 'lastName', 'firstName', 'middleName', 'position']).where('id', 'in', ids).execute();
  const accounts = await db.selectFrom('portalAccount').selectAll().where('personKind', '=', 'staff').where('personId', 'in', ids).execute();
  return { people, accounts };
}

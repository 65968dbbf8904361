import type { Executor } from '../../foundation/executor';

/** The school's short name for report titles (the card's «Краткое наименование»). */
export async function schoolShortName(db: Executor): Promise<string> {
  const row = await db.selectFrom('schoolCard').select(['shortName', 'fullName']).where('id', '=', 'main').executeTakeFirst();
  return row?.shortName || row?.fullName || 'Школа (карточка ОО не заполнена)';
}

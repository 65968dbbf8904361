import type { Executor } from '../../foundation/executor';
import { schoolCardNames } from '../repo/lookups';

/** The school's short name for report titles (the card's «Краткое наименование»). */
export async function schoolShortName(db: Executor): Promise<string> {
  const card = await schoolCardNames(db);
  return card.shortName || card.fullName || 'Школа (карточка ОО не заполнена)';
}

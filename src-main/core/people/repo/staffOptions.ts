import { compareRu, fullName, shortName } from '../../../../src-shared/domain/names';
import type { Executor } from '../../foundation/executor';

/** Every staff card as a choice in a list (class teacher, a user's card), sorted the Russian way. */
export async function staffOptions(db: Executor): Promise<{ id: string; fullName: string; shortName: string; position: string | null }[]> {
  const rows = await db.selectFrom('staff').select(['id', 'lastName', 'firstName', 'middleName', 'position']).execute();
  return rows
    .map((r) => ({ id: r.id, fullName: fullName(r), shortName: shortName(r), position: r.position }))
    .sort((a, b) => compareRu(a.fullName, b.fullName));
}

import type { SchoolCardTable } from '../../db/schema';
import type { SchoolCard } from '../../../../src-shared/contract/school';
import type { Executor } from '../../foundation/executor';

const CARD_ID = 'main';

export type SchoolCardRow = SchoolCardTable;

export async function findSchoolCard(db: Executor): Promise<SchoolCardRow | undefined> {
  return db.selectFrom('schoolCard').selectAll().where('id', '=', CARD_ID).executeTakeFirst();
}

export async function insertSchoolCard(db: Executor, card: SchoolCard, at: string, by: string | null): Promise<void> {
  await db
    .insertInto('schoolCard')
    .values({ id: CARD_ID, ...card, version: 1, updatedAt: at, updatedBy: by })
    .execute();
}

/** Returns false when the row's version is no longer `expectedVersion` (someone saved first). */
export async function updateSchoolCard(
  db: Executor,
  card: SchoolCard,
  expectedVersion: number,
  at: string,
  by: string | null,
): Promise<boolean> {
  const r = await db
    .updateTable('schoolCard')
    .set({ ...card, version: expectedVersion + 1, updatedAt: at, updatedBy: by })
    .where('id', '=', CARD_ID)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function rowToCard(row: SchoolCardRow): SchoolCard {
  const { id: _id, version: _v, updatedAt: _u, updatedBy: _b, ...card } = row;
  return card as SchoolCard;
}

export { CARD_ID };

/** The school's short name for file titles («МБОУ «СОШ № 6»»), empty before the card is filled in. */
export async function schoolShortName(db: Executor): Promise<string> {
  return (await db.selectFrom('schoolCard').select('shortName').where('id', '=', CARD_ID).executeTakeFirst())?.shortName ?? '';
}

import type { PersonKind } from '../../../src-shared/domain/personRules';
import type { Executor } from '../foundation/executor';
import { accountOf } from './ports';
import type { StoredCard } from './repo/cards';
import { mergedIds } from './repo/history';
import { readPhoto } from './repo/personChildren';

/**
 * What every card view (pupil, parent, staff) starts with: the stored fields, the version and times
 * a save names, the photo, the portal account and the cards merged into this one. Each kind adds its own.
 */
export async function cardViewBase<V>(db: Executor, kind: PersonKind, stored: StoredCard): Promise<V> {
  const id = stored.id;
  return {
    ...(stored.card as unknown as V),
    id,
    version: stored.version,
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
    photo: await readPhoto(db, kind, id),
    account: await accountOf(db, kind, id),
    mergedFrom: await mergedIds(db, kind, id),
  };
}

import { insertMany } from '../../db/insertMany';
import type { Executor } from '../../foundation/executor';

/**
 * The pull's own records: `portal_ref` (a record of ours ↔ its id in the portal) and `portal_seen`
 * (whom the last pull found, and what the portal lacked of them). Many rows per statement: a whole
 * school's pull writes thousands.
 */

export interface PortalRefRow {
  entity: string;
  recordId: string;
  portalId: string;
}

/** Sets the portal id of each record, leaving alone those that already have it. */
export async function savePortalRefs(db: Executor, refs: readonly PortalRefRow[], now: string): Promise<void> {
  // The last word for a record wins, as when they were written one by one.
  const wanted = new Map(refs.map((r) => [`${r.entity}|${r.recordId}`, r]));
  const byEntity = new Map<string, PortalRefRow[]>();
  for (const r of wanted.values()) byEntity.set(r.entity, [...(byEntity.get(r.entity) ?? []), r]);
  for (const [entity, list] of byEntity) {
    for (let i = 0; i < list.length; i += 500) {
      const chunk = list.slice(i, i + 500);
      const ids = chunk.map((r) => r.recordId);
      const current = new Map((await db.selectFrom('portalRef').select(['recordId', 'portalId']).where('entity', '=', entity).where('recordId', 'in', ids).execute()).map((r) => [r.recordId, r.portalId]));
      const changed = chunk.filter((r) => current.get(r.recordId) !== r.portalId);
      if (changed.length === 0) continue;
      await db.deleteFrom('portalRef').where('entity', '=', entity).where('recordId', 'in', changed.map((r) => r.recordId)).execute();
      await db.insertInto('portalRef').values(changed.map((r) => ({ entity, recordId: r.recordId, portalId: r.portalId, updatedAt: now }))).execute();
    }
  }
}

export interface SeenRow {
  personKind: string;
  personId: string;
  exchangeId: string;
  seenAt: string;
  differs: string;
}

/**
 * Replaces what earlier pulls saw of these people. `fresh` rows are of people this same pull
 * created (a new id): no earlier pull saw them, so there is nothing of theirs to delete — most of a
 * district's rows, a hundred delete statements fewer.
 */
export async function saveSeen(db: Executor, rows: readonly SeenRow[], fresh: readonly SeenRow[] = []): Promise<void> {
  for (let i = 0; i < rows.length; i += 400) {
    const chunk = rows.slice(i, i + 400);
    for (const kind of ['pupil', 'parent', 'staff'] as const) {
      const ids = chunk.filter((r) => r.personKind === kind).map((r) => r.personId);
      if (ids.length) await db.deleteFrom('portalSeen').where('personKind', '=', kind).where('personId', 'in', ids).execute();
    }
  }
  await insertMany(db, 'portalSeen', [...rows, ...fresh]);
}

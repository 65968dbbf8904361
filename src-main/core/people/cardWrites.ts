import { newId } from '../../../src-shared/domain/ids';
import { diffFields } from '../foundation/auditLog';
import type { HandlerContext } from '../foundation/context';
import { auditView, bumpCardVersion, insertCard, patchCard, patchPhoto, type Card } from './repo/cards';
import type { CardSpec } from './cardSpec';
import type { Executor } from '../foundation/executor';

/**
 * The one write path of a person card (pupil, parent, staff): one transaction that stores the card,
 * audits it field by field and runs the kind's own follow-ups (links, account tasks) inside it, then
 * tells the open windows. The services keep only what differs between the kinds.
 */
export async function createCardRecord(
  ctx: HandlerContext,
  spec: CardSpec,
  card: Card,
  photo: string | null | undefined,
  within?: (trx: Executor, id: string) => Promise<void>,
): Promise<string> {
  const id = newId();
  const now = new Date().toISOString();
  await ctx.core.db.transaction().execute(async (trx) => {
    await insertCard(trx, spec, id, card, now, photo ?? null);
    await ctx.audit.record(trx, { entity: spec.table, recordId: id, action: 'create', changes: diffFields(null, { ...auditView(card), photo: photo ? 'есть' : null }) });
    await within?.(trx, id);
  });
  ctx.core.events.emit({ type: 'dataChanged', entity: spec.table, recordId: id });
  return id;
}

export interface CardUpdate {
  id: string;
  version: number;
  patch: Record<string, unknown>;
  photo: string | null | undefined;
  labels: Record<string, string>;
  /** The kind's own consequences of an edit, applied before the diff (see patchCard). */
  adjust?: (after: Card, before: Card) => void;
  /** Checks and follow-ups inside the transaction, after the card is written. */
  within?: (trx: Executor, changes: Record<string, [unknown, unknown]>, after: Card) => Promise<void>;
}

export async function updateCardRecord(ctx: HandlerContext, spec: CardSpec, u: CardUpdate): Promise<void> {
  const now = new Date().toISOString();
  await ctx.core.db.transaction().execute(async (trx) => {
    const { changes, after } = await patchCard(trx, spec, u.id, u.version, u.patch, u.labels, now, u.adjust);
    await u.within?.(trx, changes, after);
    const photoChange = await patchPhoto(trx, spec, u.id, u.photo, now);
    // A new photo alone is still an edit: the version moves so a stale window notices.
    if (Object.keys(changes).length === 0 && Object.keys(photoChange).length > 0) {
      await bumpCardVersion(trx, spec, u.id, u.version + 1, now);
    }
    const all = { ...changes, ...photoChange };
    if (Object.keys(all).length > 0) await ctx.audit.record(trx, { entity: spec.table, recordId: u.id, action: 'update', changes: all });
  });
  ctx.core.events.emit({ type: 'dataChanged', entity: spec.table, recordId: u.id });
}

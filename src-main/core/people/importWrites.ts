import type { PersonKind } from '../../../src-shared/domain/personRules';
import type { HandlerContext } from '../foundation/context';
import type { Executor } from '../foundation/executor';
import { CARD_SPECS } from './cardSpec';
import { insertCards } from './repo/cardBatch';
import { auditView, completeCard } from './repo/cards';

/**
 * Cards an import creates many at a time inside the caller's transaction (the portal pull): each
 * card completed with the kind's empty values, written with its children and search tokens, and
 * audited with the import as its cause — what `createCardRecord` does for one card, in a few
 * statements. The caller has checked the card rules (the pull's preview rejects a failing row).
 */
export async function createImportedCards(ctx: HandlerContext, trx: Executor, kind: PersonKind, items: readonly { id: string; parts: Record<string, unknown> }[], cause: string, now: string): Promise<void> {
  const spec = CARD_SPECS[kind];
  const cards = items.map((i) => ({ id: i.id, card: completeCard(spec, i.parts) }));
  await insertCards(trx, spec, cards, now);
  for (const { id, card } of cards) {
    // What `auditView` gives, field by field: a card is mostly empty fields, so no copy of it whole.
    const changes: Record<string, [null, unknown]> = {};
    for (const k in card) {
      const v = card[k];
      if (v === null || (Array.isArray(v) && v.length === 0)) continue;
      changes[k] = [null, Array.isArray(v) ? auditView({ [k]: v })[k] : v];
    }
    await ctx.audit.record(trx, { entity: kind, recordId: id, action: 'create', changes, cause });
  }
}

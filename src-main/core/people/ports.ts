import type { AccountBrief } from '../../../src-shared/contract/peopleViews';
import type { PersonKind } from '../../../src-shared/domain/personRules';
import type { HandlerContext } from '../foundation/context';
import type { Executor } from '../foundation/executor';
import { createPort } from '../foundation/port';

/**
 * What people asks of and tells the floors above it (plugged in at src-main/core/wiring.ts): the
 * portal account shown on a card, and the two moments the work order starts an account deadline
 * from a card (a parent linked to an enrolled child, a hire date recorded).
 */

/** The brief of a person's portal account for the card, or null when there is none. */
export const personAccount = createPort<(db: Executor, kind: PersonKind, personId: string) => Promise<AccountBrief | null>>('personAccount');

/** Parents were linked to pupils, inside the linking transaction (one link from a card, many from an import). */
export const parentLinked = createPort<(ctx: HandlerContext, trx: Executor, links: readonly { parentId: string; pupilId: string }[]) => Promise<void>>('parentLinked');

/** A hire date was recorded on a staff card still employed, inside the saving transaction. */
export const staffHired = createPort<
  (ctx: HandlerContext, trx: Executor, hire: { staffId: string; hireDate: string; orderDate: string | null; orderNumber: string | null }) => Promise<void>
>('staffHired');

/** The account brief through whichever floor keeps accounts; null when none is plugged in. */
export async function accountOf(db: Executor, kind: PersonKind, personId: string): Promise<AccountBrief | null> {
  for (const ask of personAccount.plugs) {
    const brief = await ask(db, kind, personId);
    if (brief) return brief;
  }
  return null;
}

import type { HistoryRow } from '../../../src-shared/contract/peopleViews';
import type { HandlerContext } from '../foundation/context';
import { createCardRecord, updateCardRecord } from './cardWrites';
import type { CardSpec } from './cardSpec';
import { assertNoDuplicate } from './duplicates';
import { assertLinkedAgesAfterBirthDate, insertLink, type LinkInput } from './links';
import { assertNewCardValid, completeCard, notFound, readCard } from './repo/cards';
import { cardHistory } from './repo/history';

/**
 * The flows the pupil's and the parent's cards share: both are linked to each other, so a create
 * stores the links with the card and an edit of the birth date re-checks every link's age gap.
 * Each service passes its own scope check and the links' other side.
 */
type FamilyKind = 'pupil' | 'parent';
type ScopeCheck = (ctx: HandlerContext, id: string) => Promise<void>;

export async function createFamilyCard(
  ctx: HandlerContext,
  spec: CardSpec,
  labels: Record<string, string>,
  fields: Record<string, unknown>,
  opts: { photo: string | null | undefined; allowDuplicate?: boolean; links: readonly LinkInput[] },
): Promise<string> {
  const card = completeCard(spec, fields);
  assertNewCardValid(spec, card, labels);
  if (!opts.allowDuplicate) await assertNoDuplicate(ctx, spec.kind as FamilyKind, card);
  return createCardRecord(ctx, spec, card, opts.photo, async (trx, id) => {
    for (const link of opts.links) await insertLink(ctx, trx, { ...link, [spec.kind === 'pupil' ? 'pupilId' : 'parentId']: id });
  });
}

export async function updateFamilyCard(
  ctx: HandlerContext,
  spec: CardSpec,
  labels: Record<string, string>,
  input: { id: string; version: number; photo?: string | null } & Record<string, unknown>,
  assertCanEdit: ScopeCheck,
): Promise<void> {
  const { id, version, photo, ...patch } = input;
  // Scope first: a refused call writes nothing, not even an audit row.
  if (!(await readCard(ctx.core.db, spec, id))) throw notFound(spec);
  await assertCanEdit(ctx, id);
  await updateCardRecord(ctx, spec, {
    id,
    version,
    patch,
    photo,
    labels,
    within: async (trx, changes, after) => {
      if ('birthDate' in changes) await assertLinkedAgesAfterBirthDate(trx, spec.kind as FamilyKind, id, after.birthDate, spec.record, labels.birthDate);
    },
  });
}

export async function familyCardHistory(ctx: HandlerContext, spec: CardSpec, id: string, assertCanSee: ScopeCheck): Promise<HistoryRow[]> {
  if (!(await readCard(ctx.core.db, spec, id))) throw notFound(spec);
  await assertCanSee(ctx, id);
  return cardHistory(ctx.core.db, spec.kind, id);
}

import type { ParentCreateInput, ParentUpdateInput } from '../../../src-shared/contract/peopleParents';
import { PARENT_LABELS } from '../../../src-shared/contract/peopleParents';
import type { HistoryRow, ParentView } from '../../../src-shared/contract/peopleViews';
import { comparePersons, fullName } from '../../../src-shared/domain/names';
import { AppError } from '../../../src-shared/errors';
import { assertCanEditParent, assertCanEditPupil, assertCanSeeParent, editableClassIds, visibleClassIds } from '../access/index';
import type { HandlerContext } from '../foundation/context';
import { accountOf } from './ports';
import { CARD_SPECS, assertNewCardValid, completeCard, notFound, readCard } from './repo/cards';
import { createCardRecord, updateCardRecord } from './cardWrites';
import { assertNoDuplicate } from './duplicates';
import { cardHistory, mergedIds } from './repo/history';
import { assertLinkedAgesAfterBirthDate, insertLink } from './links';
import { readPhoto } from './repo/personChildren';
import { schoolToday } from '../foundation/clock';
import { validOn } from '../foundation/validOn';

/** The parent's card: the view with children and account, create (with links) and update. */
const spec = CARD_SPECS.parent;

export async function getParent(ctx: HandlerContext, id: string): Promise<ParentView> {
  const db = ctx.core.db;
  const stored = await readCard(db, spec, id);
  if (!stored) throw notFound(spec);
  await assertCanSeeParent(ctx, id);
  const today = schoolToday();
  const rows = await db
    .selectFrom('pupilParent as pp')
    .innerJoin('pupil as p', 'p.id', 'pp.pupilId')
    .leftJoin('classMembership as cm', (j) =>
      j.onRef('cm.pupilId', '=', 'p.id').on(validOn('cm', today)),
    )
    .leftJoin('schoolClass as sc', 'sc.id', 'cm.classId')
    .select(['pp.pupilId', 'pp.relation', 'pp.isLegalRepresentative', 'p.lastName', 'p.firstName', 'p.middleName', 'p.birthDate', 'cm.classId', 'sc.name as className'])
    .where('pp.parentId', '=', id)
    .execute();
  const visible = await visibleClassIds(ctx);
  rows.sort(comparePersons);
  return {
    ...(stored.card as unknown as ParentView),
    id,
    version: stored.version,
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
    photo: await readPhoto(db, 'parent', id),
    account: await accountOf(db, 'parent', id),
    mergedFrom: await mergedIds(db, 'parent', id),
    children: rows
      .filter((r) => !visible || (r.classId !== null && visible.has(r.classId)))
      .map((r) => ({
        pupilId: r.pupilId,
        name: fullName(r),
        birthDate: r.birthDate,
        className: r.className ?? null,
        relation: r.relation,
        isLegalRepresentative: Number(r.isLegalRepresentative) === 1,
      })),
  };
}

export async function createParent(ctx: HandlerContext, input: ParentCreateInput & Record<string, unknown>): Promise<ParentView> {
  const { photo, children, allowDuplicate, ...fields } = input;
  const editable = await editableClassIds(ctx);
  if (editable && (!children || children.length === 0)) {
    throw new AppError('FORBIDDEN', 'Недостаточно прав: классный руководитель добавляет родителя только к обучающемуся своего класса.');
  }
  for (const c of children ?? []) await assertCanEditPupil(ctx, c.pupilId);
  const card = completeCard(spec, fields);
  assertNewCardValid(spec, card, PARENT_LABELS);
  if (!allowDuplicate) await assertNoDuplicate(ctx, 'parent', card);
  const id = await createCardRecord(ctx, spec, card, photo, async (trx, parentId) => {
    for (const link of children ?? []) await insertLink(ctx, trx, { ...link, parentId });
  });
  return getParent(ctx, id);
}

export async function updateParent(ctx: HandlerContext, input: ParentUpdateInput & Record<string, unknown>): Promise<ParentView> {
  const { id, version, photo, ...patch } = input;
  if (!(await readCard(ctx.core.db, spec, id))) throw notFound(spec);
  await assertCanEditParent(ctx, id);
  await updateCardRecord(ctx, spec, {
    id,
    version,
    patch,
    photo,
    labels: PARENT_LABELS,
    within: async (trx, changes, after) => {
      if ('birthDate' in changes) await assertLinkedAgesAfterBirthDate(trx, 'parent', id, after.birthDate, spec.record, PARENT_LABELS.birthDate);
    },
  });
  return getParent(ctx, id);
}

export async function parentHistory(ctx: HandlerContext, id: string): Promise<HistoryRow[]> {
  if (!(await readCard(ctx.core.db, spec, id))) throw notFound(spec);
  await assertCanSeeParent(ctx, id);
  return cardHistory(ctx.core.db, 'parent', id);
}

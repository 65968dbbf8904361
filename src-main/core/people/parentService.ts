import type { ParentCreateInput, ParentUpdateInput } from '../../../src-shared/contract/peopleParents';
import { PARENT_LABELS } from '../../../src-shared/contract/peopleParents';
import type { HistoryRow, ParentView } from '../../../src-shared/contract/peopleViews';
import { comparePersons, fullName } from '../../../src-shared/domain/names';
import { AppError } from '../../../src-shared/errors';
import { assertCanEditParent, assertCanEditPupil, assertCanSeeParent, editableClassIds, visibleClassIds } from '../access/index';
import type { HandlerContext } from '../foundation/context';
import { CARD_SPECS, notFound, readCard } from './repo/cards';
import { cardViewBase } from './cardView';
import { schoolToday } from '../foundation/clock';
import { childrenOfParentsOn } from './repo/family';
import { createFamilyCard, familyCardHistory, updateFamilyCard } from './familyCards';

/** The parent's card: the view with children and account, create (with links) and update. */
const spec = CARD_SPECS.parent;

export async function getParent(ctx: HandlerContext, id: string): Promise<ParentView> {
  const db = ctx.core.db;
  const stored = await readCard(db, spec, id);
  if (!stored) throw notFound(spec);
  await assertCanSeeParent(ctx, id);
  const today = schoolToday();
  const rows = await childrenOfParentsOn(db, [id], today);
  const visible = await visibleClassIds(ctx);
  rows.sort(comparePersons);
  return {
    ...(await cardViewBase<ParentView>(db, 'parent', stored)),
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
  const links = (children ?? []).map((c) => ({ ...c, parentId: '' }));
  return getParent(ctx, await createFamilyCard(ctx, spec, PARENT_LABELS, fields, { photo, allowDuplicate, links }));
}

export async function updateParent(ctx: HandlerContext, input: ParentUpdateInput & Record<string, unknown>): Promise<ParentView> {
  await updateFamilyCard(ctx, spec, PARENT_LABELS, input, assertCanEditParent);
  return getParent(ctx, input.id);
}

export async function parentHistory(ctx: HandlerContext, id: string): Promise<HistoryRow[]> {
  return familyCardHistory(ctx, spec, id, assertCanSeeParent);
}

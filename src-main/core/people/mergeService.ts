import type { AddressInput, DocumentInput } from '../../../src-shared/contract/peopleFields';
import type { EducationInput, FamilyMemberInput, PositionInput, TrainingInput } from '../../../src-shared/contract/peopleStaffCard';
import { fullName, searchKey } from '../../../src-shared/domain/names';
import type { PersonKind } from '../../../src-shared/domain/personRules';
import { newId } from '../../../src-shared/domain/ids';
import { AppError } from '../../../src-shared/errors';
import { assertCanEditParent, assertCanEditPupil, hasRight } from '../access/index';
import { diffFields } from '../foundation/auditLog';
import type { HandlerContext } from '../foundation/context';
import { CARD_SPECS, auditView, notFound, readCard, staleError, type Card, type StoredCard } from './repo/cards';
import { deleteCardRow, deleteStaffLists, moveReferences, recordMerge, writeMergedCard } from './repo/mergeReferences';
import { scalarColumns } from './cardSpec';
import { deleteChildren, readPhoto, writeAddresses, writeDocuments, writePhoto } from './repo/personChildren';
import { writeSearchTokens } from './repo/searchIndex';
import { writeEducations, writeFamilyMembers, writePositions, writeTrainings } from './repo/staffChildren';
import type { Executor } from '../foundation/executor';

/**
 * Merging two cards of one person: the main card keeps its values, fills its gaps from the other
 * card (or takes the values the user chose), joins document, address, position and education lists,
 * and receives every link and record that pointed at the other card; the other card is deleted and
 * its id is recorded so its history stays on the main card's «История изменений».
 */
type Choice = 'keep' | 'remove' | 'same' | 'both';

const EDIT_RIGHT = { pupil: 'pupils.edit', parent: 'parents.edit', staff: 'staff.edit' } as const;

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === '' || v === false || (Array.isArray(v) && v.length === 0);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function docKey(d: DocumentInput): string {
  return `${d.type}|${d.series ?? ''}|${d.number ?? ''}`;
}

/** The joined list of a child field; `null` when one side's list is simply kept. */
function joinLists(field: string, keep: unknown[], remove: unknown[]): unknown[] {
  if (field === 'documents') {
    const seen = new Set((keep as DocumentInput[]).map(docKey));
    return [...keep, ...(remove as DocumentInput[]).filter((d) => !seen.has(docKey(d))).map((d) => ({ ...d, id: null }))];
  }
  if (field === 'addresses') {
    const kinds = new Set((keep as AddressInput[]).map((a) => a.kind));
    return [...keep, ...(remove as AddressInput[]).filter((a) => !kinds.has(a.kind))];
  }
  const texts = new Set(keep.map((x) => JSON.stringify({ ...(x as object), id: null })));
  return [...keep, ...remove.filter((x) => !texts.has(JSON.stringify({ ...(x as object), id: null }))).map((x) => ({ ...(x as object), id: null }))];
}

interface Plan {
  keep: StoredCard;
  remove: StoredCard;
  fields: { field: string; label: string; keep: unknown; remove: unknown; result: Choice }[];
  merged: Card;
}

function plan(kind: PersonKind, keep: StoredCard, remove: StoredCard, takeFromRemoved: readonly string[]): Plan {
  const spec = CARD_SPECS[kind];
  const merged = { ...keep.card } as Card;
  const fields: Plan['fields'] = [];
  for (const field of [...Object.keys(spec.scalars), ...spec.children]) {
    const a = keep.card[field];
    const b = remove.card[field];
    let result: Choice;
    if (same(a, b)) result = 'same';
    else if (takeFromRemoved.includes(field)) result = 'remove';
    else if (spec.children.includes(field)) result = isEmpty(a) ? 'remove' : isEmpty(b) ? 'keep' : 'both';
    else result = isEmpty(a) && !isEmpty(b) ? 'remove' : 'keep';
    if (result === 'remove') merged[field] = b;
    if (result === 'both') merged[field] = joinLists(field, a as unknown[], b as unknown[]);
    if (result !== 'same') {
      const view = (c: Record<string, unknown>) => auditView({ [field]: c[field] })[field];
      fields.push({ field, label: spec.labels[field] ?? field, keep: view(keep.card), remove: view(remove.card), result });
    }
  }
  return { keep, remove, fields, merged };
}

/** Rights and scope, checked before any transaction (the scope reads through `ctx.core.db`). */
async function assertMayMerge(ctx: HandlerContext, kind: PersonKind, keepId: string, removeId: string): Promise<void> {
  for (const id of [keepId, removeId]) {
    if (kind === 'pupil') await assertCanEditPupil(ctx, id);
    if (kind === 'parent') await assertCanEditParent(ctx, id);
  }
}

async function load(ctx: HandlerContext, db: Executor, kind: PersonKind, keepId: string, removeId: string) {
  if (!hasRight(ctx.caller.user, EDIT_RIGHT[kind])) {
    throw new AppError('FORBIDDEN', `Недостаточно прав: объединять можно только карточки, которые вы ведёте (${CARD_SPECS[kind].record.toLowerCase()}).`);
  }
  if (keepId === removeId) throw new AppError('VALIDATION', 'Объединение карточек: выбрана одна и та же карточка. Ничего не сохранено.');
  const spec = CARD_SPECS[kind];
  const cards = await readCard(db, spec, keepId);
  const other = await readCard(db, spec, removeId);
  if (!cards || !other) throw notFound(spec);
  return { keep: cards, remove: other };
}

export async function previewMerge(ctx: HandlerContext, kind: PersonKind, keepId: string, removeId: string, takeFromRemoved: readonly string[] = []) {
  const db = ctx.core.db;
  const { keep, remove } = await load(ctx, db, kind, keepId, removeId);
  await assertMayMerge(ctx, kind, keepId, removeId);
  const p = plan(kind, keep, remove, takeFromRemoved);
  return {
    keepName: fullName(keep.card),
    removeName: fullName(remove.card),
    keepVersion: keep.version,
    removeVersion: remove.version,
    fields: p.fields,
    moves: await moveReferences(db, kind, keepId, removeId, { dryRun: true }),
  };
}

export async function applyMerge(
  ctx: HandlerContext,
  input: { kind: PersonKind; keepId: string; removeId: string; keepVersion: number; removeVersion: number; takeFromRemoved?: string[] },
): Promise<{ keepId: string; moved: string[] }> {
  const { kind, keepId, removeId } = input;
  const spec = CARD_SPECS[kind];
  const now = new Date().toISOString();
  await load(ctx, ctx.core.db, kind, keepId, removeId);
  await assertMayMerge(ctx, kind, keepId, removeId);
  const moved = await ctx.core.db.transaction().execute(async (trx) => {
    const { keep, remove } = await load(ctx, trx, kind, keepId, removeId);
    if (keep.version !== input.keepVersion) throw staleError(spec, fullName(keep.card));
    if (remove.version !== input.removeVersion) throw staleError(spec, fullName(remove.card));
    const p = plan(kind, keep, remove, input.takeFromRemoved ?? []);
    const changes = diffFields(auditView(keep.card), auditView(p.merged));
    const moves = await moveReferences(trx, kind, keepId, removeId, { dryRun: false });

    const scalars: Record<string, unknown> = {};
    for (const f of p.fields) if (f.field in spec.scalars && f.result !== 'keep') scalars[f.field] = p.merged[f.field];
    await writeMergedCard(trx, spec.table, keepId, { ...scalarColumns(spec, scalars), searchKey: searchKey(p.merged.lastName, p.merged.firstName, p.merged.middleName), version: keep.version + 1, updatedAt: now });
    // The removed card's child rows go first: the merged lists reuse some of their ids.
    const removedPhoto = await readPhoto(trx, kind, removeId);
    await deleteChildren(trx, kind, removeId);
    if (kind === 'staff') await deleteStaffLists(trx, removeId);
    await writeDocuments(trx, kind, keepId, p.merged.documents);
    await writeAddresses(trx, kind, keepId, p.merged.addresses);
    if (kind === 'staff') {
      await writePositions(trx, keepId, p.merged.positions as PositionInput[]);
      await writeEducations(trx, keepId, p.merged.educations as EducationInput[]);
      await writeFamilyMembers(trx, keepId, p.merged.familyMembers as FamilyMemberInput[]);
      await writeTrainings(trx, keepId, p.merged.trainings as TrainingInput[]);
    }
    if (removedPhoto && !(await readPhoto(trx, kind, keepId))) await writePhoto(trx, kind, keepId, removedPhoto, now);
    await writeSearchTokens(trx, kind, keepId, p.merged);
    try {
      await deleteCardRow(trx, spec.table, removeId);
    } catch (err) {
      ctx.core.logger.error('merge: the removed card is still referenced', { kind, removeId, error: String((err as Error)?.message ?? err) });
      throw new AppError('CONFLICT', `Карточку «${fullName(remove.card)}» нельзя удалить после объединения: на неё ещё ссылаются записи, которые программа не умеет переносить. Ничего не изменено; сообщите администратору.`);
    }
    await recordMerge(trx, { id: newId(), kind, keptId: keepId, removedId: removeId, removedName: fullName(remove.card), at: now, userName: ctx.caller.user?.name ?? null });
    await ctx.audit.record(trx, { entity: kind, recordId: keepId, action: 'merge', changes: { ...changes, mergedFrom: [null, `${fullName(remove.card)} (${removeId})`], moved: [null, moves] } });
    await ctx.audit.record(trx, { entity: kind, recordId: removeId, action: 'delete', changes: diffFields(auditView(remove.card), null), cause: `Объединена с карточкой ${fullName(keep.card)} (${keepId})` });
    return moves;
  });
  ctx.core.events.emit({ type: 'dataChanged', entity: kind, recordId: keepId });
  return { keepId, moved };
}

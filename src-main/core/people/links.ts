import { fullName } from '../../../src-shared/domain/names';
import { checkParentChildAges } from '../../../src-shared/domain/personRules';
import { AppError } from '../../../src-shared/errors';
import { assertCanEditPupil } from '../access/index';
import type { HandlerContext } from '../foundation/context';
import { parentLinked } from './ports';
import type { Executor } from '../foundation/executor';
import { deleteLinkRow, insertLinkRow, insertLinkRows, linkedPeople, linkRelation, linkRowsOf, linkSides, parentLinksOfPupils, peopleForLinks, personBrief, updateLinkRow } from './repo/family';

/**
 * Many-to-many links between pupils and their parents or legal representatives (relation and the
 * legal-representative flag). A link change is written to the history of both cards.
 */
export interface LinkInput {
  pupilId: string;
  parentId: string;
  relation: string;
  isLegalRepresentative?: boolean;
}

export interface LinkRow {
  pupilId: string;
  parentId: string;
  relation: string;
  isLegalRepresentative: boolean;
}

async function person(db: Executor, table: 'pupil' | 'parent', id: string) {
  const p = await personBrief(db, table, id);
  if (!p) throw new AppError('NOT_FOUND', `${table === 'pupil' ? 'Карточка обучающегося' : 'Карточка родителя'} не найдена: обновите список.`);
  return p;
}

function linkText(relation: string, isLegal: boolean, name: string): string {
  return `${name} (${relation}${isLegal ? '' : ', не законный представитель'})`;
}

async function sideLists(db: Executor, pupilId: string, parentId: string) {
  const { parents, children } = await linkSides(db, pupilId, parentId);
  return {
    parents: parents.map((p) => linkText(p.relation, Number(p.isLegalRepresentative) === 1, fullName(p))),
    children: children.map((c) => linkText(c.relation, Number(c.isLegalRepresentative) === 1, fullName(c))),
  };
}

/** Runs a link change and writes the before → after lists to both cards' history. */
async function withLinkAudit(ctx: HandlerContext, trx: Executor, pupilId: string, parentId: string, change: () => Promise<void>, cause?: string): Promise<void> {
  const before = await sideLists(trx, pupilId, parentId);
  await change();
  const after = await sideLists(trx, pupilId, parentId);
  await ctx.audit.record(trx, { entity: 'pupil', recordId: pupilId, action: 'update', changes: { parents: [before.parents, after.parents] }, cause: cause ?? null });
  await ctx.audit.record(trx, { entity: 'parent', recordId: parentId, action: 'update', changes: { children: [before.children, after.children] }, cause: cause ?? null });
}

/** Adds a link inside the caller's transaction (create flows and `people.links.add`). */
export async function insertLink(ctx: HandlerContext, trx: Executor, link: LinkInput, cause?: string): Promise<void> {
  const pupil = await person(trx, 'pupil', link.pupilId);
  const parent = await person(trx, 'parent', link.parentId);
  const existing = await linkRelation(trx, link.pupilId, link.parentId);
  if (existing !== undefined) {
    throw new AppError('CONFLICT', `«${fullName(parent)}» уже связан(а) с обучающимся «${fullName(pupil)}» (${existing}). Измените существующую связь.`);
  }
  const gap = checkParentChildAges(parent.birthDate, pupil.birthDate);
  if (gap) {
    throw new AppError('VALIDATION', `Связь родителя и обучающегося, «${fullName(parent)}» и «${fullName(pupil)}»: ${gap}. Ничего не сохранено.`, {
      issues: [{ path: 'parentId', message: gap }],
    });
  }
  await withLinkAudit(
    ctx,
    trx,
    link.pupilId,
    link.parentId,
    () => insertLinkRow(trx, { ...link, isLegalRepresentative: link.isLegalRepresentative !== false }),
    cause,
  );
  for (const tell of parentLinked.plugs) await tell(ctx, trx, [{ parentId: link.parentId, pupilId: link.pupilId }]);
}

type Named = { id: string; lastName: string; firstName: string; middleName: string | null; birthDate: string | null; searchKey: string };

async function named(db: Executor, table: 'pupil' | 'parent', ids: readonly string[]): Promise<Map<string, Named>> {
  return new Map((await peopleForLinks(db, table, ids)).map((p) => [p.id, p]));
}

/** Each side's current links as the history lists them: `id` → [sort key, line]. */
async function linkLines(db: Executor, side: 'pupil' | 'parent', ids: readonly string[]): Promise<Map<string, [string, string][]>> {
  const out = new Map<string, [string, string][]>();
  for (const r of await linkRowsOf(db, side, ids)) {
    const id = side === 'pupil' ? r.pupilId : r.parentId;
    const lines = out.get(id) ?? [];
    lines.push([r.searchKey, linkText(r.relation, Number(r.isLegalRepresentative) === 1, fullName(r))]);
    out.set(id, lines);
  }
  return out;
}

function pushLine(lines: Map<string, [string, string][]>, id: string, line: [string, string]): void {
  const list = lines.get(id);
  if (list) list.push(line);
  else lines.set(id, [line]);
}

const sortedLines = (lines: readonly [string, string][] | undefined) => [...(lines ?? [])].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map((l) => l[1]);

/**
 * Many links at once inside the caller's transaction (an import naming a whole school's families):
 * the rules of `insertLink` — both cards exist, no second link of the same pair, the parent at
 * least 14 years older — the same history lines on both cards (one row per card for the whole
 * batch, its list before → after) and the same follow-ups (account tasks), in a few statements.
 * Any failing link refuses them all.
 */
export async function insertLinks(ctx: HandlerContext, trx: Executor, links: readonly LinkInput[], cause?: string): Promise<void> {
  if (links.length === 0) return;
  const pupils = await named(trx, 'pupil', links.map((l) => l.pupilId));
  const parents = await named(trx, 'parent', links.map((l) => l.parentId));
  const parentsOf = await linkLines(trx, 'pupil', [...pupils.keys()]);
  const childrenOf = await linkLines(trx, 'parent', [...parents.keys()]);
  const linked = await parentLinksOfPupils(
    trx,
    links.map((l) => l.pupilId),
  );
  const existing = new Set(linked.map((r) => `${r.pupilId}|${r.parentId}`));
  for (const link of links) {
    const pupil = pupils.get(link.pupilId);
    const parent = parents.get(link.parentId);
    if (!pupil || !parent) throw new AppError('NOT_FOUND', `${pupil ? 'Карточка родителя' : 'Карточка обучающегося'} не найдена: обновите список.`);
    const pair = `${link.pupilId}|${link.parentId}`;
    if (existing.has(pair)) throw new AppError('CONFLICT', `«${fullName(parent)}» уже связан(а) с обучающимся «${fullName(pupil)}». Измените существующую связь.`);
    existing.add(pair);
    const gap = checkParentChildAges(parent.birthDate, pupil.birthDate);
    if (gap) {
      throw new AppError('VALIDATION', `Связь родителя и обучающегося, «${fullName(parent)}» и «${fullName(pupil)}»: ${gap}. Ничего не сохранено.`, { issues: [{ path: 'parentId', message: gap }] });
    }
  }
  await insertLinkRows(
    trx,
    links.map((l) => ({ ...l, isLegalRepresentative: l.isLegalRepresentative !== false })),
  );
  // One history row per card the links touch, its list before and after them all (a pupil given
  // two parents by one import reads «→ мать, отец» once, not once per parent).
  const pupilsBefore = new Map<string, string[]>();
  const parentsBefore = new Map<string, string[]>();
  for (const link of links) {
    const pupil = pupils.get(link.pupilId)!;
    const parent = parents.get(link.parentId)!;
    const isLegal = link.isLegalRepresentative !== false;
    if (!pupilsBefore.has(link.pupilId)) pupilsBefore.set(link.pupilId, sortedLines(parentsOf.get(link.pupilId)));
    if (!parentsBefore.has(link.parentId)) parentsBefore.set(link.parentId, sortedLines(childrenOf.get(link.parentId)));
    pushLine(parentsOf, link.pupilId, [parent.searchKey, linkText(link.relation, isLegal, fullName(parent))]);
    pushLine(childrenOf, link.parentId, [pupil.searchKey, linkText(link.relation, isLegal, fullName(pupil))]);
  }
  for (const [id, before] of pupilsBefore) await ctx.audit.record(trx, { entity: 'pupil', recordId: id, action: 'update', changes: { parents: [before, sortedLines(parentsOf.get(id))] }, cause: cause ?? null });
  for (const [id, before] of parentsBefore) await ctx.audit.record(trx, { entity: 'parent', recordId: id, action: 'update', changes: { children: [before, sortedLines(childrenOf.get(id))] }, cause: cause ?? null });
  for (const tell of parentLinked.plugs) await tell(ctx, trx, links);
}

/**
 * A birth date changed on a linked card: every link must still keep a parent at least 14 years older
 * than the child, or the whole save is refused (inside the caller's transaction).
 */
export async function assertLinkedAgesAfterBirthDate(trx: Executor, kind: 'pupil' | 'parent', id: string, birthDate: string | null, record: string, label: string): Promise<void> {
  if (!birthDate) return;
  const rows = await linkedPeople(trx, kind, id);
  for (const r of rows) {
    const gap = kind === 'pupil' ? checkParentChildAges(r.birthDate, birthDate) : checkParentChildAges(birthDate, r.birthDate);
    if (gap) {
      const message = `${gap} (${kind === 'pupil' ? `${r.relation} — ${fullName(r)}` : `ребёнок — ${fullName(r)}`})`;
      throw new AppError('VALIDATION', `${record}, поле «${label}»: ${message}. Ничего не сохранено.`, { issues: [{ path: 'birthDate', message: `поле «${label}»: ${message}` }] });
    }
  }
}

export async function addLink(ctx: HandlerContext, link: LinkInput): Promise<LinkRow> {
  await assertCanEditPupil(ctx, link.pupilId);
  await ctx.core.db.transaction().execute((trx) => insertLink(ctx, trx, link));
  emitLinkChange(ctx, link.pupilId, link.parentId);
  return { pupilId: link.pupilId, parentId: link.parentId, relation: link.relation, isLegalRepresentative: link.isLegalRepresentative !== false };
}

export async function updateLink(ctx: HandlerContext, link: LinkInput & { isLegalRepresentative: boolean }): Promise<LinkRow> {
  await assertCanEditPupil(ctx, link.pupilId);
  await ctx.core.db.transaction().execute(async (trx) => {
    if ((await linkRelation(trx, link.pupilId, link.parentId)) === undefined) throw new AppError('NOT_FOUND', 'Связь родителя и обучающегося не найдена: её уже убрали. Обновите карточку.');
    await withLinkAudit(ctx, trx, link.pupilId, link.parentId, () => updateLinkRow(trx, link));
  });
  emitLinkChange(ctx, link.pupilId, link.parentId);
  return link;
}

export async function removeLink(ctx: HandlerContext, pupilId: string, parentId: string): Promise<{ removed: boolean }> {
  await assertCanEditPupil(ctx, pupilId);
  const removed = await ctx.core.db.transaction().execute(async (trx) => {
    if ((await linkRelation(trx, pupilId, parentId)) === undefined) return false;
    await withLinkAudit(ctx, trx, pupilId, parentId, () => deleteLinkRow(trx, pupilId, parentId));
    return true;
  });
  emitLinkChange(ctx, pupilId, parentId);
  return { removed };
}

function emitLinkChange(ctx: HandlerContext, pupilId: string, parentId: string): void {
  ctx.core.events.emit({ type: 'dataChanged', entity: 'pupil', recordId: pupilId });
  ctx.core.events.emit({ type: 'dataChanged', entity: 'parent', recordId: parentId });
}

import type { PupilCreateInput, PupilUpdateInput } from '../../../src-shared/contract/people';
import { PUPIL_LABELS } from '../../../src-shared/contract/people';
import type { HistoryRow, PupilParentLink, PupilView } from '../../../src-shared/contract/peopleViews';
import { fullName } from '../../../src-shared/domain/names';
import { RELATIONS } from '../../../src-shared/domain/peopleDictionaries';
import { assertCanEditPupil, assertCanSeePupil, hasRight, visibleClassIds } from '../access/index';
import type { HandlerContext } from '../foundation/context';
import { CARD_SPECS, notFound, readCard } from './repo/cards';
import { cardViewBase } from './cardView';
import type { Executor } from '../foundation/executor';
import { schoolToday } from '../foundation/clock';
import { childrenOfParentsOn, classHistoryOf, parentsOfPupil } from './repo/family';
import { createFamilyCard, familyCardHistory, updateFamilyCard } from './familyCards';

/** The pupil's card: the view with class, family and account, and its create/update flows. */
const spec = CARD_SPECS.pupil;

async function parentsOf(db: Executor, pupilId: string): Promise<PupilParentLink[]> {
  return (await parentsOfPupil(db, pupilId))
    .map((r) => ({ ...r, isLegalRepresentative: Number(r.isLegalRepresentative) === 1 }))
    .sort((a, b) => RELATIONS.indexOf(a.relation as never) - RELATIONS.indexOf(b.relation as never));
}

async function siblingsOf(ctx: HandlerContext, pupilId: string, parentIds: string[]) {
  if (parentIds.length === 0) return [];
  const db = ctx.core.db;
  const today = schoolToday();
  const rows = (await childrenOfParentsOn(db, parentIds, today)).filter((r) => r.pupilId !== pupilId);
  const visible = await visibleClassIds(ctx);
  const seen = new Set<string>();
  const out = [];
  for (const r of rows) {
    if (seen.has(r.pupilId) || (visible && (!r.classId || !visible.has(r.classId)))) continue;
    seen.add(r.pupilId);
    out.push({ pupilId: r.pupilId, name: fullName(r), className: r.className ?? null });
  }
  return out;
}

/** The history without the changes of the pupil's parents list (it names the parents). */
function withoutParents(rows: HistoryRow[]): HistoryRow[] {
  const out: HistoryRow[] = [];
  for (const r of rows) {
    if (r.changes === null || typeof r.changes !== 'object' || !('parents' in r.changes)) {
      out.push(r);
      continue;
    }
    const { parents: _hidden, ...rest } = r.changes as Record<string, unknown>;
    if (Object.keys(rest).length > 0) out.push({ ...r, changes: rest });
  }
  return out;
}

export async function getPupil(ctx: HandlerContext, id: string): Promise<PupilView> {
  const db = ctx.core.db;
  const stored = await readCard(db, spec, id);
  if (!stored) throw notFound(spec);
  await assertCanSeePupil(ctx, id);
  const history = await classHistoryOf(db, id);
  const today = schoolToday();
  const current = history.find((h) => h.startDate <= today && (h.endDate === null || h.endDate > today));
  // Parents' names, birth dates and phones are parents' data: without «parents.read» (a subject
  // teacher) the card comes without them (issue 19, item 4).
  const parents = await parentsOf(db, id);
  const seesParents = hasRight(ctx.caller.user, 'parents.read');
  return {
    ...(await cardViewBase<PupilView>(db, 'pupil', stored)),
    classId: current?.classId ?? null,
    className: current?.className ?? null,
    classHistory: history,
    parents: seesParents ? parents : [],
    siblings: await siblingsOf(ctx, id, parents.map((p) => p.parentId)),
  };
}

export async function createPupil(ctx: HandlerContext, input: PupilCreateInput & Record<string, unknown>): Promise<PupilView> {
  const { photo, parents, allowDuplicate, ...fields } = input;
  const links = (parents ?? []).map((p) => ({ ...p, pupilId: '' }));
  return getPupil(ctx, await createFamilyCard(ctx, spec, PUPIL_LABELS, fields, { photo, allowDuplicate, links }));
}

export async function updatePupil(ctx: HandlerContext, input: PupilUpdateInput & Record<string, unknown>): Promise<PupilView> {
  await updateFamilyCard(ctx, spec, PUPIL_LABELS, input, assertCanEditPupil);
  return getPupil(ctx, input.id);
}

export async function pupilHistory(ctx: HandlerContext, id: string): Promise<HistoryRow[]> {
  const rows = await familyCardHistory(ctx, spec, id, assertCanSeePupil);
  return hasRight(ctx.caller.user, 'parents.read') ? rows : withoutParents(rows);
}

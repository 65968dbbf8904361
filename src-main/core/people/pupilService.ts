import type { PupilCreateInput, PupilUpdateInput } from '../../../src-shared/contract/people';
import { PUPIL_LABELS } from '../../../src-shared/contract/people';
import type { HistoryRow, PupilParentLink, PupilView } from '../../../src-shared/contract/peopleViews';
import { fullName } from '../../../src-shared/domain/names';
import { RELATIONS } from '../../../src-shared/domain/peopleDictionaries';
import { assertCanEditPupil, assertCanSeePupil, hasRight, visibleClassIds } from '../access/index';
import type { HandlerContext } from '../foundation/context';
import { accountOf } from './ports';
import { CARD_SPECS, assertNewCardValid, completeCard, notFound, readCard } from './repo/cards';
import { createCardRecord, updateCardRecord } from './cardWrites';
import { assertNoDuplicate } from './duplicates';
import { cardHistory, mergedIds } from './repo/history';
import { readPhoto } from './repo/personChildren';
import { assertLinkedAgesAfterBirthDate, insertLink } from './links';
import type { Executor } from '../foundation/executor';
import { schoolToday } from '../foundation/clock';
import { validOn } from '../foundation/validOn';

/** The pupil's card: the view with class, family and account, and its create/update flows. */
const spec = CARD_SPECS.pupil;

async function classHistory(db: Executor, pupilId: string) {
  const rows = await db
    .selectFrom('classMembership as cm')
    .innerJoin('schoolClass as sc', 'sc.id', 'cm.classId')
    .leftJoin('academicYear as y', 'y.id', 'sc.academicYearId')
    .select(['cm.classId', 'sc.name as className', 'y.name as yearName', 'cm.startDate', 'cm.endDate', 'cm.cause'])
    .where('cm.pupilId', '=', pupilId)
    .orderBy('cm.startDate')
    .execute();
  return rows.map((r) => ({ ...r, yearName: r.yearName ?? null }));
}

async function parentsOf(db: Executor, pupilId: string): Promise<PupilParentLink[]> {
  const rows = await db
    .selectFrom('pupilParent as pp')
    .innerJoin('parent as p', 'p.id', 'pp.parentId')
    .select(['pp.parentId', 'p.lastName', 'p.firstName', 'p.middleName', 'p.birthDate', 'p.phoneMobile', 'pp.relation', 'pp.isLegalRepresentative'])
    .where('pp.pupilId', '=', pupilId)
    .execute();
  return rows
    .map((r) => ({ ...r, isLegalRepresentative: Number(r.isLegalRepresentative) === 1 }))
    .sort((a, b) => RELATIONS.indexOf(a.relation as never) - RELATIONS.indexOf(b.relation as never));
}

async function siblingsOf(ctx: HandlerContext, pupilId: string, parentIds: string[]) {
  if (parentIds.length === 0) return [];
  const db = ctx.core.db;
  const today = schoolToday();
  const rows = await db
    .selectFrom('pupilParent as pp')
    .innerJoin('pupil as p', 'p.id', 'pp.pupilId')
    .leftJoin('classMembership as cm', (j) =>
      j.onRef('cm.pupilId', '=', 'p.id').on(validOn('cm', today)),
    )
    .leftJoin('schoolClass as sc', 'sc.id', 'cm.classId')
    .select(['p.id', 'p.lastName', 'p.firstName', 'p.middleName', 'sc.name as className', 'cm.classId'])
    .where('pp.parentId', 'in', parentIds)
    .where('p.id', '!=', pupilId)
    .execute();
  const visible = await visibleClassIds(ctx);
  const seen = new Set<string>();
  const out = [];
  for (const r of rows) {
    if (seen.has(r.id) || (visible && (!r.classId || !visible.has(r.classId)))) continue;
    seen.add(r.id);
    out.push({ pupilId: r.id, name: fullName(r), className: r.className ?? null });
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
  const history = await classHistory(db, id);
  const today = schoolToday();
  const current = history.find((h) => h.startDate <= today && (h.endDate === null || h.endDate > today));
  // Parents' names, birth dates and phones are parents' data: without «parents.read» (a subject
  // teacher) the card comes without them (issue 19, item 4).
  const parents = await parentsOf(db, id);
  const seesParents = hasRight(ctx.caller.user, 'parents.read');
  return {
    ...(stored.card as unknown as PupilView),
    id,
    version: stored.version,
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
    photo: await readPhoto(db, 'pupil', id),
    account: await accountOf(db, 'pupil', id),
    mergedFrom: await mergedIds(db, 'pupil', id),
    classId: current?.classId ?? null,
    className: current?.className ?? null,
    classHistory: history,
    parents: seesParents ? parents : [],
    siblings: await siblingsOf(ctx, id, parents.map((p) => p.parentId)),
  };
}

export async function createPupil(ctx: HandlerContext, input: PupilCreateInput & Record<string, unknown>): Promise<PupilView> {
  const { photo, parents, allowDuplicate, ...fields } = input;
  const card = completeCard(spec, fields);
  assertNewCardValid(spec, card, PUPIL_LABELS);
  if (!allowDuplicate) await assertNoDuplicate(ctx, 'pupil', card);
  const id = await createCardRecord(ctx, spec, card, photo, async (trx, pupilId) => {
    for (const link of parents ?? []) await insertLink(ctx, trx, { ...link, pupilId });
  });
  return getPupil(ctx, id);
}

export async function updatePupil(ctx: HandlerContext, input: PupilUpdateInput & Record<string, unknown>): Promise<PupilView> {
  const { id, version, photo, ...patch } = input;
  // Scope first: a refused call writes nothing, not even an audit row.
  if (!(await readCard(ctx.core.db, spec, id))) throw notFound(spec);
  await assertCanEditPupil(ctx, id);
  await updateCardRecord(ctx, spec, {
    id,
    version,
    patch,
    photo,
    labels: PUPIL_LABELS,
    within: async (trx, changes, after) => {
      if ('birthDate' in changes) await assertLinkedAgesAfterBirthDate(trx, 'pupil', id, after.birthDate, spec.record, PUPIL_LABELS.birthDate);
    },
  });
  return getPupil(ctx, id);
}

export async function pupilHistory(ctx: HandlerContext, id: string): Promise<HistoryRow[]> {
  if (!(await readCard(ctx.core.db, spec, id))) throw notFound(spec);
  await assertCanSeePupil(ctx, id);
  const rows = await cardHistory(ctx.core.db, 'pupil', id);
  return hasRight(ctx.caller.user, 'parents.read') ? rows : withoutParents(rows);
}

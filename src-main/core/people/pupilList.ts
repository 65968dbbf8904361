import type { PupilFilter } from '../../../src-shared/contract/people';
import { PUPIL_COLUMNS, pickColumns } from '../../../src-shared/contract/peopleColumns';
import type { ExportedFile } from '../../../src-shared/contract/files';
import type { PupilRow } from '../../../src-shared/contract/peopleViews';
import { shortName } from '../../../src-shared/domain/names';
import { RELATIONS } from '../../../src-shared/domain/peopleDictionaries';
import { assertCanSeeClass, hasRight, visibleClassIds } from '../access/index';
import { searchWordsOf } from '../../../src-shared/domain/personSearch';
import type { HandlerContext } from '../foundation/context';
import { listWorkbook } from '../foundation/listWorkbook';
import { indexPendingCards, MATCHES_NOBODY, planSearch, searchCondition } from './repo/searchIndex';
import type { Executor } from '../foundation/executor';
import { schoolToday } from '../foundation/clock';
import { classesOfPupilsOn, classNameOf, not, parentNamesOfPupils, pupilInClassOn } from './repo/family';
import { pupilListRows, scopeQuery } from './repo/listRows';
import { sortedPage } from '../foundation/sortedPage';
import type { ListSort } from '../../../src-shared/domain/listSort';

/**
 * The pupil list: filters, instant search and scoping in one query, sorted by name and paged for
 * the virtual table; the same query feeds the count and the Excel export.
 */
/** The filtered, scoped query over `pupil`, or null when the caller may see nobody. */
export async function pupilQuery(ctx: HandlerContext, filter: PupilFilter = {}) {
  const db = ctx.core.db;
  const today = schoolToday();
  if (filter.classId) await assertCanSeeClass(ctx, filter.classId);
  const visible = await visibleClassIds(ctx);
  if (visible && visible.size === 0) return null;
  let q = scopeQuery(db, 'pupil');
  if (filter.classId) q = q.where(pupilInClassOn([filter.classId], today));
  else if (visible) q = q.where(pupilInClassOn([...visible], today));
  if (filter.status === 'studying') q = q.where(pupilInClassOn(undefined, today));
  if (filter.status === 'notStudying') q = q.where(not(pupilInClassOn(undefined, today)));
  for (const flag of filter.flags ?? []) {
    q = flag === 'disability' ? q.where('pupil.disabilityGroup', 'is not', null) : q.where(`pupil.${flag}`, '=', 1);
  }
  const words = searchWordsOf(filter.search);
  if (words === null) q = q.where(MATCHES_NOBODY);
  else if (words.length > 0) {
    await indexPendingCards(db, 'pupil');
    q = q.where(searchCondition(db, 'pupil', 'pupil', await planSearch(db, 'pupil', words)));
  }
  return q;
}

type RawRow = Omit<PupilRow, 'classId' | 'className' | 'parentsText' | 'hasOvz' | 'boarding' | 'homeSchooling' | 'needsTransport' | 'freeMeals' | 'pdRefusal'> &
  Record<'hasOvz' | 'boarding' | 'homeSchooling' | 'needsTransport' | 'freeMeals' | 'pdRefusal', number>;

function chunks<T>(list: readonly T[], size = 500): T[][] {
  return Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, i * size + size));
}

/** Current class and parents of listed pupils (parents only for callers who may read parents' data). */
async function decorate(db: Executor, raw: RawRow[], withParents: boolean): Promise<PupilRow[]> {
  const today = schoolToday();
  const classOf = new Map<string, { classId: string; className: string }>();
  const parentsOf = new Map<string, { text: string; order: number }[]>();
  for (const ids of chunks(raw.map((r) => r.id))) {
    const classes = await classesOfPupilsOn(db, ids, today);
    for (const c of classes) classOf.set(c.pupilId, { classId: c.classId, className: c.name });
    if (!withParents) continue;
    const links = await parentNamesOfPupils(db, ids);
    for (const l of links) {
      const list = parentsOf.get(l.pupilId) ?? [];
      list.push({ text: `${shortName(l)} (${l.relation})`, order: RELATIONS.indexOf(l.relation as never) });
      parentsOf.set(l.pupilId, list);
    }
  }
  return raw.map((r) => ({
    ...r,
    version: Number(r.version),
    hasOvz: Number(r.hasOvz) === 1,
    boarding: Number(r.boarding) === 1,
    homeSchooling: Number(r.homeSchooling) === 1,
    needsTransport: Number(r.needsTransport) === 1,
    freeMeals: Number(r.freeMeals) === 1,
    pdRefusal: Number(r.pdRefusal) === 1,
    classId: classOf.get(r.id)?.classId ?? null,
    className: classOf.get(r.id)?.className ?? null,
    parentsText: (parentsOf.get(r.id) ?? [])
      .sort((a, b) => a.order - b.order)
      .map((p) => p.text)
      .join('; '),
  }));
}

export async function listPupils(ctx: HandlerContext, input: PupilFilter & { offset?: number; limit?: number; sort?: ListSort } = {}): Promise<PupilRow[]> {
  const { sort, offset, limit, ...filter } = input;
  if (sort) return sortedPage(await listPupils(ctx, filter), PUPIL_COLUMNS, sort, { offset, limit });
  const q = await pupilQuery(ctx, input);
  if (!q) return [];
  // Two steps: the ids of the page in name order (narrow rows sort fast), then their columns.
  let page = q.select('pupil.id').orderBy('pupil.searchKey').orderBy('pupil.id');
  if (input.limit !== undefined) page = page.limit(input.limit);
  if (input.offset) page = input.limit === undefined ? page.limit(1_000_000_000).offset(input.offset) : page.offset(input.offset);
  const ids = (await page.execute()).map((r) => r.id);
  const byId = new Map<string, RawRow>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const r of (await pupilListRows(ctx.core.db, ids.slice(i, i + 500))) as RawRow[]) byId.set(r.id, r);
  }
  const rows = ids.map((id) => byId.get(id)).filter((r): r is RawRow => r !== undefined);
  return decorate(ctx.core.db, rows, hasRight(ctx.caller.user, 'parents.read'));
}

export async function countPupils(ctx: HandlerContext, filter: PupilFilter = {}): Promise<{ total: number }> {
  const q = await pupilQuery(ctx, filter);
  if (!q) return { total: 0 };
  const r = await q.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst();
  return { total: Number(r?.n ?? 0) };
}

export async function filterNote(db: Executor, filter: PupilFilter): Promise<string | null> {
  const parts: string[] = [];
  if (filter.classId) {
    parts.push(`класс ${(await classNameOf(db, filter.classId)) ?? '?'}`);
  }
  if (filter.search) parts.push(`поиск «${filter.search}»`);
  if (filter.status === 'studying') parts.push('обучаются');
  if (filter.status === 'notStudying') parts.push('без класса');
  if (filter.flags?.length) parts.push(filter.flags.join(', '));
  return parts.length ? parts.join('; ') : null;
}

export async function exportPupils(ctx: HandlerContext, input: PupilFilter & { columns?: string[] } = {}): Promise<ExportedFile> {
  const { columns, ...filter } = input;
  const rows = await listPupils(ctx, filter);
  // Without «parents.read» the file has no parents column at all, not an empty one to fill in later.
  const cols = pickColumns(PUPIL_COLUMNS, columns).filter((c) => c.key !== 'parentsText' || hasRight(ctx.caller.user, 'parents.read'));
  const className = filter.classId ? (rows[0]?.className ?? (await classNameOf(ctx.core.db, filter.classId)) ?? null) : null;
  const file = await listWorkbook('Обучающиеся', `Обучающиеся${className ? ` ${className}` : ''}.xlsx`, cols, rows, await filterNote(ctx.core.db, filter));
  await ctx.audit.record(ctx.core.db, {
    entity: 'pupil',
    recordId: null,
    action: 'export',
    changes: { format: 'xlsx', rows: rows.length, classId: filter.classId ?? null, className, search: filter.search ?? null, columns: cols.map((c) => c.key) },
  });
  return file;
}

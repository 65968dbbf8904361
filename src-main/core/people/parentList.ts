import type { ParentFilter } from '../../../src-shared/contract/peopleParents';
import { sortedPage } from '../foundation/sortedPage';
import type { ListSort } from '../../../src-shared/domain/listSort';
import { PARENT_COLUMNS, pickColumns } from '../../../src-shared/contract/peopleColumns';
import type { ExportedFile } from '../../../src-shared/contract/files';
import type { ParentRow } from '../../../src-shared/contract/peopleViews';
import { comparePersons, fullName } from '../../../src-shared/domain/names';
import { assertCanSeeClass, visibleClassIds } from '../access/index';
import { searchWordsOf } from '../../../src-shared/domain/personSearch';
import type { HandlerContext } from '../foundation/context';
import { listWorkbook } from '../foundation/listWorkbook';
import { indexPendingCards, MATCHES_NOBODY, planSearch, searchCondition } from './repo/searchIndex';
import type { Executor } from '../foundation/executor';
import { schoolToday } from '../foundation/clock';
import { childrenOfParentsOn, classNameOf, not, parentWithAnyChild, parentWithChildIn } from './repo/family';
import { parentListRows, scopeQuery } from './repo/listRows';

/**
 * The parent list: parents and legal representatives, scoped like pupils (a class teacher sees the
 * parents of their classes' pupils, and only those children), searchable, paged, exportable.
 */
export async function parentQuery(ctx: HandlerContext, filter: ParentFilter = {}) {
  const db = ctx.core.db;
  const today = schoolToday();
  if (filter.classId) await assertCanSeeClass(ctx, filter.classId);
  const visible = await visibleClassIds(ctx);
  if (visible && visible.size === 0) return { q: null, visible };
  let q = scopeQuery(db, 'parent');
  if (filter.classId) q = q.where(parentWithChildIn([filter.classId], today));
  else if (visible) q = q.where(parentWithChildIn([...visible], today));
  if (filter.hasChildren === true) q = q.where(parentWithAnyChild());
  if (filter.hasChildren === false) q = q.where(not(parentWithAnyChild()));
  const words = searchWordsOf(filter.search);
  if (words === null) q = q.where(MATCHES_NOBODY);
  else if (words.length > 0) {
    await indexPendingCards(db, 'parent');
    q = q.where(searchCondition(db, 'parent', 'parent', await planSearch(db, 'parent', words)));
  }
  return { q, visible };
}

async function childrenOf(db: Executor, parentIds: string[], visible: Set<string> | null) {
  const today = schoolToday();
  const out = new Map<string, ParentRow['children']>();
  for (let i = 0; i < parentIds.length; i += 500) {
    const rows = await childrenOfParentsOn(db, parentIds.slice(i, i + 500), today);
    rows.sort(comparePersons);
    for (const r of rows) {
      if (visible && (!r.classId || !visible.has(r.classId))) continue;
      const list = out.get(r.parentId) ?? [];
      list.push({ pupilId: r.pupilId, pupilName: fullName(r), relation: r.relation, className: r.className ?? null });
      out.set(r.parentId, list);
    }
  }
  return out;
}

export async function listParents(ctx: HandlerContext, input: ParentFilter & { offset?: number; limit?: number; sort?: ListSort } = {}): Promise<ParentRow[]> {
  const { sort, offset, limit, ...filter } = input;
  if (sort) return sortedPage(await listParents(ctx, filter), PARENT_COLUMNS, sort, { offset, limit });
  const { q, visible } = await parentQuery(ctx, input);
  if (!q) return [];
  // Two steps: the ids of the page in name order (narrow rows sort fast), then their columns.
  let page = q.select('parent.id').orderBy('parent.searchKey').orderBy('parent.id');
  if (input.limit !== undefined) page = page.limit(input.limit);
  if (input.offset) page = input.limit === undefined ? page.limit(1_000_000_000).offset(input.offset) : page.offset(input.offset);
  const ids = (await page.execute()).map((r) => r.id);
  const found = new Map<string, Awaited<ReturnType<typeof parentListRows>>[number]>();
  for (let i = 0; i < ids.length; i += 500) for (const r of await parentListRows(ctx.core.db, ids.slice(i, i + 500))) found.set(r.id, r);
  const rows = ids.map((id) => found.get(id)).filter((r): r is NonNullable<typeof r> => r !== undefined);
  const children = await childrenOf(ctx.core.db, rows.map((r) => r.id), visible);
  return rows.map((r) => ({ ...r, version: Number(r.version), children: children.get(r.id) ?? [] }));
}

export async function countParents(ctx: HandlerContext, filter: ParentFilter = {}): Promise<{ total: number }> {
  const { q } = await parentQuery(ctx, filter);
  if (!q) return { total: 0 };
  const r = await q.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst();
  return { total: Number(r?.n ?? 0) };
}

export async function exportParents(ctx: HandlerContext, input: ParentFilter & { columns?: string[] } = {}): Promise<ExportedFile> {
  const { columns, ...filter } = input;
  const rows = await listParents(ctx, filter);
  const cols = pickColumns(PARENT_COLUMNS, columns);
  const clsName = filter.classId ? await classNameOf(ctx.core.db, filter.classId) : undefined;
  const note = [clsName ? `класс ${clsName}` : null, filter.search ? `поиск «${filter.search}»` : null].filter(Boolean).join('; ') || null;
  const file = await listWorkbook('Родители', `Родители${clsName ? ` ${clsName}` : ''}.xlsx`, cols, rows, note);
  await ctx.audit.record(ctx.core.db, {
    entity: 'parent',
    recordId: null,
    action: 'export',
    changes: { format: 'xlsx', rows: rows.length, classId: filter.classId ?? null, search: filter.search ?? null, columns: cols.map((c) => c.key) },
  });
  return file;
}

import type { StaffFilter } from '../../../../src-shared/contract/staff';
import { sortedPage } from '../../foundation/sortedPage';
import type { ListSort } from '../../../../src-shared/domain/listSort';
import { STAFF_COLUMNS, pickColumns } from '../../../../src-shared/contract/peopleColumns';
import type { ExportedFile } from '../../../../src-shared/contract/files';
import type { StaffRow } from '../../../../src-shared/contract/peopleViews';
import { searchWordsOf } from '../../../../src-shared/domain/personSearch';
import type { HandlerContext } from '../../foundation/context';
import { listWorkbook } from '../../foundation/listWorkbook';
import { indexPendingCards, MATCHES_NOBODY, planSearch, searchCondition } from '../repo/searchIndex';
import { positionActiveOn, readPositions } from '../repo/staffChildren';
import { schoolToday } from '../../foundation/clock';
import { staffFilterQuery } from '../repo/listRows';

/** The staff list for HR: working or dismissed, by position or department, searchable, exportable. */
export async function staffQuery(ctx: HandlerContext, filter: StaffFilter = {}) {
  const db = ctx.core.db;
  const today = schoolToday();
  let q = staffFilterQuery(db, filter, today);
  const words = searchWordsOf(filter.search);
  if (words === null) q = q.where(MATCHES_NOBODY);
  else if (words.length > 0) {
    await indexPendingCards(db, 'staff');
    q = q.where(searchCondition(db, 'staff', 'staff', await planSearch(db, 'staff', words)));
  }
  return q;
}

export async function listStaff(ctx: HandlerContext, input: StaffFilter & { offset?: number; limit?: number; sort?: ListSort } = {}): Promise<StaffRow[]> {
  const { sort, offset, limit, ...filter } = input;
  if (sort) return sortedPage(await listStaff(ctx, filter), STAFF_COLUMNS, sort, { offset, limit });
  let page = (await staffQuery(ctx, input))
    .select([
      'staff.id',
      'staff.lastName',
      'staff.firstName',
      'staff.middleName',
      'staff.sex',
      'staff.birthDate',
      'staff.version',
      'staff.position',
      'staff.department',
      'staff.qualificationCategory',
      'staff.nextAttestationDate',
      'staff.hireDate',
      'staff.dismissalDate',
      'staff.maternityLeaveFrom',
      'staff.maternityLeaveTo',
      'staff.personnelNumber',
      'staff.snils',
      'staff.phoneMobile',
      'staff.email',
    ])
    .orderBy('staff.searchKey')
    .orderBy('staff.id');
  if (input.limit !== undefined) page = page.limit(input.limit);
  if (input.offset) page = input.limit === undefined ? page.limit(1_000_000_000).offset(input.offset) : page.offset(input.offset);
  const rows = await page.execute();
  const positions = await readPositions(ctx.core.db, rows.map((r) => r.id));
  const today = schoolToday();
  return rows.map((r) => ({
    ...r,
    version: Number(r.version),
    additionalPositions: (positions.get(r.id) ?? [])
      .filter((p) => p.kind === 'additional' && positionActiveOn(p, today))
      .map((p) => `${p.position}${p.rate !== null ? ` (${String(p.rate).replace('.', ',')} ст.)` : ''}`)
      .join('; '),
  }));
}

export async function countStaff(ctx: HandlerContext, filter: StaffFilter = {}): Promise<{ total: number }> {
  const r = await (await staffQuery(ctx, filter)).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst();
  return { total: Number(r?.n ?? 0) };
}

export async function exportStaff(ctx: HandlerContext, input: StaffFilter & { columns?: string[] } = {}): Promise<ExportedFile> {
  const { columns, ...filter } = input;
  const rows = await listStaff(ctx, filter);
  const cols = pickColumns(STAFF_COLUMNS, columns);
  const status = { all: null, working: 'работают', onLeave: 'в отпуске по уходу за ребёнком', dismissed: 'уволены' }[filter.status ?? 'all'];
  const note = [status, filter.position, filter.department, filter.search ? `поиск «${filter.search}»` : null]
    .filter(Boolean)
    .join('; ');
  const file = await listWorkbook('Сотрудники', 'Сотрудники.xlsx', cols, rows, note || null);
  await ctx.audit.record(ctx.core.db, {
    entity: 'staff',
    recordId: null,
    action: 'export',
    changes: { format: 'xlsx', rows: rows.length, status: filter.status ?? null, position: filter.position ?? null, department: filter.department ?? null, search: filter.search ?? null, columns: cols.map((c) => c.key) },
  });
  return file;
}

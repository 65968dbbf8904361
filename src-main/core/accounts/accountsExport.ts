import { ACCOUNT_COLUMNS } from '../../../src-shared/contract/accountColumns';
import type { AccountFilter } from '../../../src-shared/contract/accounts';
import type { ExportedFile } from '../../../src-shared/contract/files';
import { pickColumns } from '../../../src-shared/contract/peopleColumns';
import { ACCOUNT_KIND_TITLES, ACCOUNT_STATUSES } from '../../../src-shared/domain/portalAccounts';
import type { HandlerContext } from '../foundation/context';
import { listWorkbook } from '../foundation/listWorkbook';
import { listAccounts } from './accountsService';
import { classById } from './repo/accountPeople';

/**
 * «Учётные записи портала» as an Excel sheet: the rows the filters select, the columns on screen,
 * and the export written to the log (names and logins are personal data; passwords never leave).
 */
export async function exportAccounts(ctx: HandlerContext, input: AccountFilter & { columns?: string[] } = {}): Promise<ExportedFile> {
  const { columns, ...filter } = input;
  const rows = await listAccounts(ctx, filter);
  const cols = pickColumns(ACCOUNT_COLUMNS, columns);
  const cls = filter.classId ? await classById(ctx.core.db, filter.classId) : undefined;
  const note =
    [
      filter.personKind ? ACCOUNT_KIND_TITLES[filter.personKind] : null,
      filter.status ? ACCOUNT_STATUSES[filter.status] : null,
      cls ? `класс ${cls.name}` : null,
      filter.overdueOnly ? 'только просроченные' : null,
      filter.search ? `поиск «${filter.search}»` : null,
    ]
      .filter(Boolean)
      .join('; ') || null;
  const file = await listWorkbook('Учётные записи', `Учётные записи портала${cls ? ` ${cls.name}` : ''}.xlsx`, cols, rows, note);
  await ctx.audit.record(ctx.core.db, {
    entity: 'portalAccount',
    recordId: null,
    action: 'export',
    changes: { format: 'xlsx', rows: rows.length, personKind: filter.personKind ?? null, status: filter.status ?? null, classId: filter.classId ?? null, search: filter.search ?? null, columns: cols.map((c) => c.key) },
  });
  return file;
}

import type { ExportedFile } from '../../../src-shared/contract/files';
import { comparePersons, fullName } from '../../../src-shared/domain/names';
import { ACCOUNT_STATUSES, type AccountStatus } from '../../../src-shared/domain/portalAccounts';
import { AppError } from '../../../src-shared/errors';
import type { HandlerContext } from '../foundation/context';
import { kindsFor } from './accountScope';
import { LETTER_MIME, letterFile } from './accountLetters';
import type { Letter } from './letterDocuments';
import { openVault } from './passwordVault';
import { staffLetterRows } from './repo/staffLetterRows';

/**
 * Account letters of chosen staff for HR to hand out (work order 3.8, issue 24 item 3): the same
 * letter as a class's, addressed by position. Staff without a printable password are listed as
 * skipped, by name and reason, so nobody is forgotten silently.
 */
export async function staffLetters(ctx: HandlerContext, staffIds: readonly string[], format: 'pdf' | 'docx'): Promise<ExportedFile & { skipped: string[] }> {
  if (!kindsFor(ctx, 'handOver').has('staff')) {
    throw new AppError('FORBIDDEN', 'Недостаточно прав: письма с учётными записями сотрудников печатает специалист по кадрам (порядок работы, п. 3.8).');
  }
  const db = ctx.core.db;
  const ids = [...new Set(staffIds)];
  const { people, accounts } = await staffLetterRows(db, ids);
  if (people.length !== ids.length) throw new AppError('NOT_FOUND', `Сотрудник не найден (${ids.length - people.length} из ${ids.length}): обновите список сотрудников.`);
  people.sort(comparePersons);
  const vault = openVault(ctx.core.config.portalKeyDir, ctx.core.config.dataDir);
  const letters: Letter[] = [];
  const skipped: string[] = [];
  const printed: string[] = [];
  for (const p of people) {
    const name = fullName(p);
    const a = accounts.find((x) => x.personId === p.id);
    if (!a) skipped.push(`${name} — задача на учётную запись не поставлена`);
    else if (a.status !== 'created' || !a.login) skipped.push(`${name} — ${ACCOUNT_STATUSES[a.status as AccountStatus].toLowerCase()}`);
    else if (!a.passwordEnc) skipped.push(`${name} — начальный пароль не записан`);
    else {
      letters.push({ name, role: p.position?.trim() || 'сотрудник', login: a.login, password: vault.open(a.passwordEnc) });
      printed.push(a.id);
    }
  }
  const { content } = await letterFile(ctx, 'сотрудники', letters, format, true);
  await ctx.audit.record(db, {
    entity: 'portalAccount',
    recordId: null,
    action: 'export',
    changes: { format, staff: true, rows: letters.length, letters: letters.map((l) => l.name), accounts: printed, skipped: skipped.length },
  });
  return { fileName: `Учётные записи портала, сотрудники.${format}`, mimeType: LETTER_MIME[format], contentBase64: content.toString('base64'), rows: letters.length, skipped };
}

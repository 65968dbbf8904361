import type { AccountFilter, AccountRow } from '../../../src-shared/contract/accounts';
import { searchKey } from '../../../src-shared/domain/names';
import { searchWordsOf } from '../../../src-shared/domain/personSearch';
import { ACCOUNT_STATUSES, DEFAULT_PORTAL_URL, parsePrintout, portalInitialPassword, type AccountStatus } from '../../../src-shared/domain/portalAccounts';
import type { PersonKind } from '../../../src-shared/domain/personRules';
import { AppError } from '../../../src-shared/errors';
import { diffFields } from '../foundation/auditLog';
import type { HandlerContext } from '../foundation/context';
import { accountScope, inScope, outOfScope, type AccountScope } from './accountScope';
import { openAccountTask, personLabels, productionCalendar, toAccountRow, type AccountRecord } from './accountTasks';
import { openVault } from './passwordVault';
import type { Executor } from '../foundation/executor';
import { schoolToday } from '../foundation/clock';
import { accountRecordById, accountRecordsByIds, accountRecordsOfKinds, updateAccountAt } from './repo/accounts';
import { readAppSetting, writeAppSetting } from '../foundation/appSettings';
import { classById, personExists } from './repo/accountPeople';

/** The life of portal accounts after the task is opened: sent, created, handed over. */

const PORTAL_URL_KEY = 'accounts.portalUrl';

async function rowsFor(ctx: HandlerContext, db: Executor, records: AccountRecord[]): Promise<AccountRow[]> {
  const labels = await personLabels(db, records);
  const cal = await productionCalendar(ctx, db);
  return records.map((r) => toAccountRow(r, labels.get(`${r.personKind}:${r.personId}`), cal));
}

export async function listAccounts(ctx: HandlerContext, filter: AccountFilter = {}): Promise<AccountRow[]> {
  const scope = await accountScope(ctx, 'read');
  const kinds = [...scope.kinds].filter((k) => !filter.personKind || k === filter.personKind);
  if (kinds.length === 0) return [];
  const records = (await accountRecordsOfKinds(ctx.core.db, kinds, filter.status)).filter((r) => inScope(scope, r.personKind, r.personId));
  let rows = await rowsFor(ctx, ctx.core.db, records);
  if (filter.classId) {
    const cls = await classById(ctx.core.db, filter.classId);
    rows = rows.filter((r) => cls && (r.className ?? '').split(', ').includes(cls.name));
  }
  if (filter.overdueOnly) rows = rows.filter((r) => r.overdue);
  const words = searchWordsOf(filter.search);
  if (words === null) rows = [];
  else if (words.length > 0) {
    rows = rows.filter((r) => {
      const key = ` ${searchKey(r.personName)} ${(r.login ?? '').toLowerCase()}`;
      return words.every((w) => key.includes(` ${w}`));
    });
  }
  const order: Record<AccountStatus, number> = { toCreate: 0, sentToPortal: 1, created: 2, handedOver: 3 };
  return rows.sort((a, b) => order[a.status] - order[b.status] || (a.dueDate ?? '').localeCompare(b.dueDate ?? '') || a.personName.localeCompare(b.personName, 'ru'));
}

export async function overdueAccounts(ctx: HandlerContext): Promise<{ overdue: AccountRow[]; dueToday: number; open: number }> {
  const rows = (await listAccounts(ctx)).filter((r) => r.status !== 'handedOver');
  const today = schoolToday();
  return { overdue: rows.filter((r) => r.overdue), dueToday: rows.filter((r) => r.dueDate === today).length, open: rows.length };
}

/**
 * The record, checked against a scope computed before the transaction: the scope reads through
 * `ctx.core.db`, which on SQLite would wait forever for the connection the transaction holds.
 */
async function recordFor(db: Executor, id: string, scope: AccountScope): Promise<AccountRecord> {
  const r = await accountRecordById(db, id);
  if (!r) throw new AppError('NOT_FOUND', 'Учётная запись портала не найдена: обновите список.');
  if (!inScope(scope, r.personKind, r.personId)) throw outOfScope(r.personKind, 'эта учётная запись не в вашем ведении');
  return r;
}

function stale(name: string): AppError {
  return new AppError('CONFLICT', `Учётную запись «${name}» только что изменил другой пользователь. Обновите список и повторите; ничего не сохранено.`);
}

async function nameOf(db: Executor, r: AccountRecord): Promise<string> {
  return (await personLabels(db, [r])).get(`${r.personKind}:${r.personId}`)?.name ?? r.personId;
}

async function save(ctx: HandlerContext, trx: Executor, r: AccountRecord, version: number, set: Partial<AccountRecord>, cause?: string): Promise<void> {
  const now = new Date().toISOString();
  if (!(await updateAccountAt(trx, r.id, version, set, now))) throw stale(await nameOf(trx, r));
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(set)) {
    // Never a password in the log: only whether one is stored.
    if (k === 'passwordEnc') {
      before.password = r.passwordEnc ? 'хранится' : null;
      after.password = v ? 'хранится' : r.passwordEnc ? 'удалён' : null;
      continue;
    }
    // The log is read by people: states in words, not codes.
    before[k] = k === 'status' ? ACCOUNT_STATUSES[r.status as AccountStatus] : r[k as keyof AccountRecord];
    after[k] = k === 'status' ? ACCOUNT_STATUSES[v as AccountStatus] : v;
  }
  await ctx.audit.record(trx, { entity: 'portalAccount', recordId: r.id, action: 'update', changes: diffFields(before, after), cause: cause ?? null });
}

export async function openTask(ctx: HandlerContext, input: { personKind: PersonKind; personId: string; orderDate: string; orderNumber?: string | null }): Promise<AccountRow> {
  const scope = await accountScope(ctx, 'edit');
  if (!inScope(scope, input.personKind, input.personId)) throw outOfScope(input.personKind, 'вы не ведёте учётные записи этого вида');
  if (!(await personExists(ctx.core.db, input.personKind, input.personId))) throw new AppError('NOT_FOUND', 'Карточка человека не найдена: обновите список.');
  const id = await ctx.core.db.transaction().execute(async (trx) => {
    const cal = await productionCalendar(ctx, trx);
    return openAccountTask(ctx, trx, cal, { personKind: input.personKind, personId: input.personId, orderDate: input.orderDate, orderNumber: input.orderNumber ?? null });
  });
  if (!id) throw new AppError('CONFLICT', 'У этого человека уже есть учётная запись портала: найдите её в списке.');
  return (await rowsFor(ctx, ctx.core.db, await accountRecordsByIds(ctx.core.db, [id])))[0];
}

export async function markSent(ctx: HandlerContext, ids: string[], fileName: string, date: string): Promise<AccountRow[]> {
  const scope = await accountScope(ctx, 'edit');
  await ctx.core.db.transaction().execute(async (trx) => {
    for (const id of ids) {
      const r = await recordFor(trx, id, scope);
      if (r.status === 'created' || r.status === 'handedOver') {
        throw new AppError('VALIDATION', `Учётная запись «${await nameOf(trx, r)}» уже ${ACCOUNT_STATUSES[r.status as AccountStatus].toLowerCase()}: передавать её в портал не нужно. Ничего не сохранено.`);
      }
      await save(ctx, trx, r, Number(r.version), { status: 'sentToPortal', exportFile: fileName, sentOn: date }, `Файл выгрузки «${fileName}»`);
    }
  });
  return rowsFor(ctx, ctx.core.db, await accountRecordsByIds(ctx.core.db, ids));
}

/**
 * A push file carries these people to the portal: each one's account waiting to be created there
 * («нужно создать») moves to «передано в портал» with the file's name, in the caller's transaction.
 */
export async function carryToPortal(ctx: HandlerContext, trx: Executor, people: readonly { kind: PersonKind; id: string }[], fileName: string, date: string): Promise<void> {
  if (people.length === 0) return;
  const wanted = new Set(people.map((p) => `${p.kind}|${p.id}`));
  const waiting = (await accountRecordsOfKinds(trx, [...new Set(people.map((p) => p.kind))], 'toCreate')).filter((r) => wanted.has(`${r.personKind}|${r.personId}`));
  for (const r of waiting) await save(ctx, trx, r, Number(r.version), { status: 'sentToPortal', exportFile: fileName, sentOn: date }, `Файл для портала «${fileName}»`);
}

export async function recordCreated(ctx: HandlerContext, entries: { id: string; version: number; login: string; password: string | null }[], date: string): Promise<AccountRow[]> {
  const vault = openVault(ctx.core.config.portalKeyDir, ctx.core.config.dataDir);
  const scope = await accountScope(ctx, 'edit');
  await ctx.core.db.transaction().execute(async (trx) => {
    for (const [i, e] of entries.entries()) {
      const r = await recordFor(trx, e.id, scope);
      if (r.status === 'handedOver') {
        throw new AppError('VALIDATION', `Строка ${i + 1}: учётная запись «${await nameOf(trx, r)}» уже выдана — начальный пароль после выдачи не хранится. Ничего не сохранено.`);
      }
      if (Number(r.version) !== e.version) throw stale(await nameOf(trx, r));
      await save(ctx, trx, r, e.version, { status: 'created', login: e.login, passwordEnc: e.password ? vault.seal(e.password) : r.passwordEnc, createdOn: date });
    }
  });
  return rowsFor(ctx, ctx.core.db, await accountRecordsByIds(ctx.core.db, entries.map((e) => e.id)));
}

export async function handOver(ctx: HandlerContext, id: string, version: number, date: string, to: string): Promise<AccountRow> {
  const scope = await accountScope(ctx, 'handOver');
  await ctx.core.db.transaction().execute(async (trx) => {
    const r = await recordFor(trx, id, scope);
    const name = await nameOf(trx, r);
    if (r.status !== 'created') {
      throw new AppError('VALIDATION', `Учётная запись «${name}» ещё не создана в портале (статус «${ACCOUNT_STATUSES[r.status as AccountStatus]}»): выдавать пока нечего. Ничего не сохранено.`);
    }
    if (Number(r.version) !== version) throw stale(name);
    // The initial password is erased as soon as the person has it (152-ФЗ: keep no more than needed).
    await save(ctx, trx, r, version, { status: 'handedOver', handedOverOn: date, handedOverTo: to, handedOverBy: ctx.caller.user?.name ?? null, passwordEnc: null });
  });
  return (await rowsFor(ctx, ctx.core.db, await accountRecordsByIds(ctx.core.db, [id])))[0];
}

export async function parsePrintoutText(ctx: HandlerContext, text: string, code: string | undefined) {
  const parsed = parsePrintout(text);
  const open = (await listAccounts(ctx)).filter((r) => r.status !== 'handedOver');
  const editable = await accountScope(ctx, 'edit');
  const byName = new Map<string, AccountRow[]>();
  for (const r of open) {
    if (!inScope(editable, r.personKind, r.personId)) continue;
    const key = searchKey(r.personName);
    byName.set(key, [...(byName.get(key) ?? []), r]);
  }
  const matched = [];
  const unmatched = parsed.problems.map((p) => ({ ...p, reason: 'не видно ФИО и логина' }));
  for (const line of parsed.lines) {
    const candidates = byName.get(searchKey(line.name)) ?? [];
    if (candidates.length !== 1) {
      unmatched.push({ line: line.line, text: `${line.name} ${line.login}`, reason: candidates.length === 0 ? 'нет такой незакрытой учётной записи' : 'несколько людей с таким ФИО — введите вручную' });
      continue;
    }
    const r = candidates[0];
    const lastName = r.personName.split(' ')[0];
    matched.push({ line: line.line, id: r.id, version: r.version, personName: r.personName, login: line.login, password: line.password ?? (code ? portalInitialPassword(lastName, code.trim()) : null) });
  }
  return { matched, unmatched };
}

export async function readPortalUrl(db: Executor): Promise<string> {
  return (await readAppSetting(db, PORTAL_URL_KEY)) || DEFAULT_PORTAL_URL;
}

export async function savePortalUrl(ctx: HandlerContext, portalUrl: string): Promise<{ portalUrl: string }> {
  await ctx.core.db.transaction().execute(async (trx) => {
    const before = await readPortalUrl(trx);
    const now = new Date().toISOString();
    await writeAppSetting(trx, PORTAL_URL_KEY, portalUrl, now);
    await ctx.audit.record(trx, { entity: 'portalAccountSettings', recordId: PORTAL_URL_KEY, action: 'update', changes: diffFields({ portalUrl: before }, { portalUrl }) });
  });
  return { portalUrl };
}

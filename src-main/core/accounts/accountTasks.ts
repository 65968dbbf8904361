import type { Insertable } from 'kysely';
import { AppError } from '../../../src-shared/errors';
import type { AccountRow } from '../../../src-shared/contract/accounts';
import type { AccountBrief } from '../../../src-shared/contract/peopleViews';
import type { ProductionCalendar } from '../../../src-shared/domain/calendar';
import { fullName } from '../../../src-shared/domain/names';
import { ACCOUNT_KIND_TITLES, ACCOUNT_STATUSES, accountDueDate, isOverdue, workingDaysLeft, type AccountStatus } from '../../../src-shared/domain/portalAccounts';
import type { PersonKind } from '../../../src-shared/domain/personRules';
import { newId } from '../../../src-shared/domain/ids';
import type { HandlerContext } from '../foundation/context';
import type { PortalAccountTable } from '../db/schemaPeople';
import { loadEffectiveProductionCalendar } from '../schoolSetup/index';
import type { Executor } from '../foundation/executor';
import { schoolToday } from '../foundation/clock';
import { ruleDueDate } from './accountDeadlines';
import { accountRecordOf, accountRecordsOfKindPersons, insertAccountRows, insertAccountTask, updateAccountAt, type AccountRecord } from './repo/accounts';
import { classNamesOfPupilsOn, parentIdsOfPupils, parentLinksOfParents, personNames } from './repo/accountPeople';

/**
 * The portal-account task of a person: opened when the person is enrolled or hired, due 3 working
 * days after the order (work order 3.6). The movement book calls `openAccountTasksForEnrolment`
 * when it signs an enrolment order; the staff card opens the task when a hire date is recorded.
 */
export type { AccountRecord };

export async function productionCalendar(ctx: Pick<HandlerContext, 'core'>, db: Executor = ctx.core.db): Promise<ProductionCalendar> {
  return loadEffectiveProductionCalendar(db, ctx.core.logger);
}

export interface OpenTask {
  personKind: PersonKind;
  personId: string;
  orderDate: string;
  orderNumber: string | null;
}

/**
 * Opens the task unless the person already has an account record (a parent of a second child, a
 * re-hired teacher): returns the new record's id or null. Audited inside the caller's transaction.
 */
export async function openAccountTask(ctx: HandlerContext, trx: Executor, cal: ProductionCalendar, task: OpenTask, cause?: string): Promise<string | null> {
  const existing = await accountRecordOf(trx, task.personKind, task.personId);
  if (existing) return null;
  const id = newId();
  const now = new Date().toISOString();
  // The deadline monitor's rule decides (the administrator may have changed it); 3 working days otherwise.
  const dueDate = (await ruleDueDate(trx, task.personKind, task.orderDate)) ?? accountDueDate(cal, task.orderDate);
  await insertAccountTask(trx, { id, personKind: task.personKind, personId: task.personId, orderNumber: task.orderNumber, orderDate: task.orderDate, dueDate, now });
  await ctx.audit.record(trx, {
    entity: 'portalAccount',
    recordId: id,
    action: 'create',
    changes: { personKind: [null, ACCOUNT_KIND_TITLES[task.personKind]], personId: [null, task.personId], status: [null, ACCOUNT_STATUSES.toCreate], orderDate: [null, task.orderDate], orderNumber: [null, task.orderNumber], dueDate: [null, dueDate] },
    cause: cause ?? (task.orderNumber ? `Приказ № ${task.orderNumber}` : null),
  });
  return id;
}

/**
 * Many tasks at once (the catch-up after a pull that brought a whole school's enrolment orders):
 * what `openAccountTask` does for each — a person who already has a record, or got one earlier in
 * the list, gets none — in a few statements. Returns how many were opened.
 */
export async function openAccountTasks(ctx: HandlerContext, trx: Executor, tasks: readonly (OpenTask & { cause: string })[]): Promise<number> {
  if (tasks.length === 0) return 0;
  const cal = await productionCalendar(ctx, trx);
  const have = new Set<string>();
  for (const kind of ['pupil', 'parent', 'staff'] as const) {
    const ids = tasks.filter((t) => t.personKind === kind).map((t) => t.personId);
    for (const r of await accountRecordsOfKindPersons(trx, kind, ids)) have.add(`${kind}|${r.personId}`);
  }
  const now = new Date().toISOString();
  // Most of a school's tasks share a few order dates: each due date is counted once.
  const dues = new Map<string, string>();
  const rows: Insertable<PortalAccountTable>[] = [];
  for (const task of tasks) {
    const who = `${task.personKind}|${task.personId}`;
    if (have.has(who)) continue;
    have.add(who);
    const dueKey = `${task.personKind}|${task.orderDate}`;
    let dueDate = dues.get(dueKey);
    if (dueDate === undefined) dues.set(dueKey, (dueDate = (await ruleDueDate(trx, task.personKind, task.orderDate)) ?? accountDueDate(cal, task.orderDate)));
    const id = newId();
    rows.push({ id, personKind: task.personKind, personId: task.personId, status: 'toCreate', orderNumber: task.orderNumber, orderDate: task.orderDate, dueDate, version: 1, createdAt: now, updatedAt: now });
    await ctx.audit.record(trx, {
      entity: 'portalAccount',
      recordId: id,
      action: 'create',
      changes: { personKind: [null, ACCOUNT_KIND_TITLES[task.personKind]], personId: [null, task.personId], status: [null, ACCOUNT_STATUSES.toCreate], orderDate: [null, task.orderDate], orderNumber: [null, task.orderNumber], dueDate: [null, dueDate] },
      cause: task.cause,
    });
  }
  await insertAccountRows(trx, rows);
  return rows.length;
}

/** The cause an enrolment's tasks are audited with. */
export function enrolmentCause(orderNumber: string | null): string {
  return orderNumber ? `Приказ о зачислении № ${orderNumber}` : 'Зачисление';
}

/**
 * For the movement book: an enrolled pupil and every parent linked to them get their tasks, due
 * 3 working days after the enrolment order. Call inside the signing transaction.
 */
export async function openAccountTasksForEnrolment(
  ctx: HandlerContext,
  trx: Executor,
  enrolment: { pupilId: string; orderDate: string; orderNumber: string | null },
): Promise<string[]> {
  const cal = await productionCalendar(ctx, trx);
  const cause = enrolmentCause(enrolment.orderNumber);
  const opened: string[] = [];
  const pupil = await openAccountTask(ctx, trx, cal, { personKind: 'pupil', personId: enrolment.pupilId, orderDate: enrolment.orderDate, orderNumber: enrolment.orderNumber }, cause);
  if (pupil) opened.push(pupil);
  for (const parentId of await parentIdsOfPupils(trx, [enrolment.pupilId])) {
    const id = await openAccountTask(ctx, trx, cal, { personKind: 'parent', personId: parentId, orderDate: enrolment.orderDate, orderNumber: enrolment.orderNumber }, cause);
    if (id) opened.push(id);
  }
  return opened;
}

/** Work order 3.6 for staff: the account is due 3 working days after the hiring order. */
export async function openHireTask(ctx: HandlerContext, trx: Executor, hire: { staffId: string; hireDate: string; orderDate: string | null; orderNumber: string | null }): Promise<void> {
  const cal = await productionCalendar(ctx, trx);
  const cause = hire.orderNumber ? `Приказ о приёме № ${hire.orderNumber}` : 'Приём на работу';
  await openAccountTask(ctx, trx, cal, { personKind: 'staff', personId: hire.staffId, orderDate: hire.orderDate ?? hire.hireDate, orderNumber: hire.orderNumber }, cause);
}

/**
 * A parent linked to a child who already has an account record (an enrolled child) gets a task from
 * the day of linking. Exported for the portal pull's preview, which lists these tasks.
 */
export const PARENT_TASK_ON_LINK_CAUSE = 'Родитель связан с зачисленным обучающимся';

export async function openParentTaskOnLink(ctx: HandlerContext, trx: Executor, links: readonly { parentId: string; pupilId: string }[]): Promise<void> {
  const tasks = new Map<string, string | null>();
  for (const r of await accountRecordsOfKindPersons(
    trx,
    'pupil',
    links.map((l) => l.pupilId),
  ))
    tasks.set(r.personId, r.orderNumber);
  if (tasks.size === 0) return;
  const cal = await productionCalendar(ctx, trx);
  for (const { parentId, pupilId } of links) {
    if (!tasks.has(pupilId)) continue;
    await openAccountTask(ctx, trx, cal, { personKind: 'parent', personId: parentId, orderDate: schoolToday(), orderNumber: tasks.get(pupilId) ?? null }, PARENT_TASK_ON_LINK_CAUSE);
  }
}

/**
 * Logins the portal reports (a pulled list with logins): the person's account becomes «создана»
 * with that login — a record handed over or already created keeps its status and takes the login —
 * or a new record «создана» when the person had none. Inside the caller's transaction, audited.
 */
export async function recordPortalLogins(ctx: HandlerContext, trx: Executor, items: readonly { personKind: PersonKind; personId: string; login: string }[], today: string, cause: string): Promise<void> {
  const now = new Date().toISOString();
  for (const kind of ['pupil', 'parent', 'staff'] as const) {
    const mine = items.filter((i) => i.personKind === kind);
    const records = await accountRecordsOfKindPersons(
      trx,
      kind,
      mine.map((m) => m.personId),
    );
    const current = new Map<string, AccountRecord>(records.map((r) => [r.personId, r]));
    const fresh: Insertable<PortalAccountTable>[] = [];
    for (const item of mine) {
      const r = current.get(item.personId);
      if (!r) {
        const id = newId();
        fresh.push({ id, personKind: kind, personId: item.personId, status: 'created', orderNumber: null, orderDate: null, dueDate: null, login: item.login, createdOn: today, version: 1, createdAt: now, updatedAt: now });
        await ctx.audit.record(trx, { entity: 'portalAccount', recordId: id, action: 'create', changes: { personId: [null, item.personId], status: [null, 'created'], login: [null, item.login] }, cause });
        continue;
      }
      const keep = r.status === 'created' || r.status === 'handedOver';
      const version = Number(r.version);
      const done = await updateAccountAt(trx, r.id, version, { login: item.login, ...(keep ? {} : { status: 'created', createdOn: today }) }, now);
      if (!done) throw new AppError('CONFLICT', 'Учётную запись портала только что изменил другой пользователь. Откройте предпросмотр заново; ничего не сохранено.');
      await ctx.audit.record(trx, { entity: 'portalAccount', recordId: r.id, action: 'update', changes: keep ? { login: [r.login, item.login] } : { status: [r.status, 'created'], login: [r.login, item.login] }, cause });
    }
    await insertAccountRows(trx, fresh);
  }
}

export function accountBrief(r: AccountRecord | undefined, today = schoolToday()): AccountBrief | null {
  if (!r) return null;
  const status = r.status as AccountStatus;
  return { id: r.id, status, dueDate: r.dueDate, login: r.login, handedOverOn: r.handedOverOn, overdue: isOverdue(status, r.dueDate, today) };
}

export async function accountOf(db: Executor, kind: PersonKind, personId: string): Promise<AccountBrief | null> {
  return accountBrief(await accountRecordOf(db, kind, personId));
}

export interface PersonLabel {
  name: string;
  lastName: string;
  className: string | null;
}

export function toAccountRow(r: AccountRecord, person: PersonLabel | undefined, cal: ProductionCalendar, today = schoolToday()): AccountRow {
  const status = r.status as AccountStatus;
  return {
    id: r.id,
    personKind: r.personKind as PersonKind,
    personId: r.personId,
    personName: person?.name ?? '(карточка удалена)',
    className: person?.className ?? null,
    status,
    orderNumber: r.orderNumber,
    orderDate: r.orderDate,
    dueDate: r.dueDate,
    overdue: isOverdue(status, r.dueDate, today),
    daysLeft: status === 'handedOver' || !r.dueDate ? null : workingDaysLeft(cal, r.dueDate, today),
    exportFile: r.exportFile,
    sentOn: r.sentOn,
    login: r.login,
    hasPassword: r.passwordEnc !== null,
    createdOn: r.createdOn,
    handedOverOn: r.handedOverOn,
    handedOverTo: r.handedOverTo,
    handedOverBy: r.handedOverBy,
    version: Number(r.version),
  };
}

/** Names and classes of the people behind a set of account records. */
export async function personLabels(db: Executor, records: readonly AccountRecord[], today = schoolToday()): Promise<Map<string, PersonLabel>> {
  const out = new Map<string, PersonLabel>();
  const ids = (kind: string) => [...new Set(records.filter((r) => r.personKind === kind).map((r) => r.personId))];
  const pupilIds = ids('pupil');
  const parentIds = ids('parent');
  const links = await parentLinksOfParents(db, parentIds);
  const classOf = await classNamesOfPupilsOn(db, [...new Set([...pupilIds, ...links.map((l) => l.pupilId)])], today);
  for (const [kind, list] of [['pupil', pupilIds], ['parent', parentIds], ['staff', ids('staff')]] as const) {
    for (const p of await personNames(db, kind, list)) {
      let className: string | null = null;
      if (kind === 'pupil') className = classOf.get(p.id) ?? null;
      if (kind === 'parent') {
        const names = [...new Set(links.filter((l) => l.parentId === p.id).map((l) => classOf.get(l.pupilId)).filter((n): n is string => Boolean(n)))];
        className = names.length ? names.join(', ') : null;
      }
      out.set(`${kind}:${p.id}`, { name: fullName(p), lastName: p.lastName, className });
    }
  }
  return out;
}

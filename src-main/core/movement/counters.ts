import type { Numbering } from '../../../src-shared/contract/movement';
import { ORDER_TYPES, ORDER_TYPE_INFO, SUFFIX_RE, formatOrderNumber, type OrderType } from '../../../src-shared/domain/movement/orderTypes';
import { diffFields } from '../foundation/auditLog';
import type { HandlerContext } from '../foundation/context';
import { refuse, staleOrder, yearOfDate } from './common';
import type { Executor } from '../foundation/executor';
import { schoolToday, nowIso } from '../foundation/clock';

/**
 * Numbers that are handed out once: order numbers per year and suffix, the alphabet book and the
 * personal files per letter. A counter row is updated in place inside the caller's transaction, so
 * two office PCs signing at the same moment queue on the row and never get the same number.
 */
export async function nextNumber(db: Executor, key: string): Promise<number> {
  // UPDATE … RETURNING (SQLite ≥ 3.35 and PostgreSQL) takes the row lock and reads in one step.
  const bumped = await db
    .updateTable('movementCounter')
    .set((eb) => ({ lastNumber: eb('lastNumber', '+', 1) }))
    .where('key', '=', key)
    .returning('lastNumber')
    .executeTakeFirst();
  if (bumped) return Number(bumped.lastNumber);
  await db.insertInto('movementCounter').values({ key, lastNumber: 0 }).onConflict((oc) => oc.column('key').doNothing()).execute();
  return nextNumber(db, key);
}

export async function peekCounter(db: Executor, key: string): Promise<number> {
  const row = await db.selectFrom('movementCounter').select('lastNumber').where('key', '=', key).executeTakeFirst();
  return row ? Number(row.lastNumber) : 0;
}

export async function suffixOf(db: Executor, type: OrderType): Promise<string> {
  const row = await db.selectFrom('movementOrderSeries').select('suffix').where('orderType', '=', type).executeTakeFirst();
  return row ? row.suffix : ORDER_TYPE_INFO[type].defaultSuffix;
}

function orderKey(yearId: string, suffix: string): string {
  return `order:${yearId}:${suffix}`;
}

async function numberTaken(db: Executor, yearId: string, text: string): Promise<boolean> {
  return Boolean(await db.selectFrom('movementOrder').select('id').where('academicYearId', '=', yearId).where('numberText', '=', text).executeTakeFirst());
}

/**
 * An order numbered elsewhere (read from the portal with its own number, «12-з» or «12»): the
 * series of that suffix continues after it, so the next order signed here neither reuses nor goes
 * back below the numbers the portal already gave this year. A suffix no series uses only reserves
 * the text (numberTaken skips it anyway).
 */
export async function raiseOrderCounter(db: Executor, yearId: string, numberText: string): Promise<void> {
  const m = /^(\d+)(?:-([А-ЯЁа-яёA-Za-z0-9/]{1,6}))?$/.exec(numberText.trim());
  if (!m) return;
  const n = Number(m[1]);
  const key = orderKey(yearId, m[2] ?? '');
  await db.insertInto('movementCounter').values({ key, lastNumber: 0 }).onConflict((oc) => oc.column('key').doNothing()).execute();
  await db.updateTable('movementCounter').set({ lastNumber: n }).where('key', '=', key).where('lastNumber', '<', n).execute();
}

/**
 * The number of an order being signed: the next of its series, skipping numbers typed by hand
 * earlier, or the one typed from the paper order (refused when the year already has it).
 */
export async function assignOrderNumber(db: Executor, yearId: string, yearName: string, type: OrderType, typed: string | null): Promise<{ number: number | null; numberText: string }> {
  if (typed) {
    if (await numberTaken(db, yearId, typed)) throw refuse(`Номер приказа «${typed}» в ${yearName} учебном году уже есть — укажите другой или оставьте поле пустым`);
    const lead = /^(\d+)/.exec(typed);
    return { number: lead ? Number(lead[1]) : null, numberText: typed };
  }
  const suffix = await suffixOf(db, type);
  for (;;) {
    const n = await nextNumber(db, orderKey(yearId, suffix));
    const text = formatOrderNumber(n, suffix);
    if (!(await numberTaken(db, yearId, text))) return { number: n, numberText: text };
  }
}

export async function getNumbering(db: Executor, yearId: string | null): Promise<Numbering> {
  const year = yearId
    ? await db.selectFrom('academicYear').selectAll().where('id', '=', yearId).executeTakeFirst()
    : ((await db.selectFrom('academicYear').selectAll().where('isCurrent', '=', 1).executeTakeFirst()) ?? (await yearOfDate(db, schoolToday())));
  const rows = await db.selectFrom('movementOrderSeries').selectAll().execute();
  const series = [];
  for (const type of ORDER_TYPES) {
    const row = rows.find((r) => r.orderType === type);
    const suffix = row ? row.suffix : ORDER_TYPE_INFO[type].defaultSuffix;
    const next = year ? (await peekCounter(db, orderKey(year.id, suffix))) + 1 : 1;
    series.push({ type, suffix, version: row ? Number(row.version) : 0, nextNumberText: formatOrderNumber(next, suffix) });
  }
  return { series, alphabetNext: (await peekCounter(db, 'alphabet')) + 1, yearName: year?.name ?? null };
}

export async function saveNumbering(
  ctx: HandlerContext,
  input: { series: { type: OrderType; suffix: string; version: number }[]; alphabetNext: number },
): Promise<Numbering> {
  await ctx.core.db.transaction().execute(async (trx) => {
    const changes: Record<string, [unknown, unknown]> = {};
    for (const s of input.series) {
      if (!SUFFIX_RE.test(s.suffix)) throw refuse(`Нумерация, «${ORDER_TYPE_INFO[s.type].label}»: суффикс — до 6 букв или цифр без пробелов, например «з» или «уч»`);
      const row = await trx.selectFrom('movementOrderSeries').selectAll().where('orderType', '=', s.type).executeTakeFirst();
      const before = row ? row.suffix : ORDER_TYPE_INFO[s.type].defaultSuffix;
      if ((row ? Number(row.version) : 0) !== s.version) throw staleOrder(`Нумерация «${ORDER_TYPE_INFO[s.type].label}»`, row ? Number(row.version) : 0);
      if (before === s.suffix) continue;
      if (row) await trx.updateTable('movementOrderSeries').set({ suffix: s.suffix, version: Number(row.version) + 1, updatedAt: nowIso() }).where('orderType', '=', s.type).execute();
      else await trx.insertInto('movementOrderSeries').values({ orderType: s.type, suffix: s.suffix, version: 1, updatedAt: nowIso() }).execute();
      Object.assign(changes, diffFields({ [`suffix.${s.type}`]: before }, { [`suffix.${s.type}`]: s.suffix }));
    }
    const current = await peekCounter(trx, 'alphabet');
    if (input.alphabetNext !== current + 1) {
      const max = await trx.selectFrom('alphabetBookEntry').select((eb) => eb.fn.max('number').as('n')).executeTakeFirst();
      const used = Number(max?.n ?? 0);
      if (input.alphabetNext <= used) {
        throw refuse(`Нумерация: номер ${input.alphabetNext} в алфавитной книге уже выдан (последний — ${used}); номера не используются повторно`);
      }
      await trx.insertInto('movementCounter').values({ key: 'alphabet', lastNumber: 0 }).onConflict((oc) => oc.column('key').doNothing()).execute();
      await trx.updateTable('movementCounter').set({ lastNumber: input.alphabetNext - 1 }).where('key', '=', 'alphabet').execute();
      changes.alphabetNext = [current + 1, input.alphabetNext];
    }
    if (Object.keys(changes).length > 0) await ctx.audit.record(trx, { recordId: null, action: 'update', changes });
  });
  return getNumbering(ctx.core.db, null);
}

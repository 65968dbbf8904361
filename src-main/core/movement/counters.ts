import type { Numbering } from '../../../src-shared/contract/movement';
import { ORDER_TYPES, ORDER_TYPE_INFO, SUFFIX_RE, formatOrderNumber, type OrderType } from '../../../src-shared/domain/movement/orderTypes';
import { diffFields } from '../foundation/auditLog';
import type { HandlerContext } from '../foundation/context';
import { refuse, staleOrder, yearOfDate } from './common';
import type { Executor } from '../foundation/executor';
import { currentYearRow, lastAlphabetNumber, nextNumber, orderNumberTaken, peekCounter, raiseCounter, seriesRow, seriesRows, setCounter, writeSeries, yearById } from './repo/counters';
import { schoolToday, nowIso } from '../foundation/clock';

/**
 * Numbers that are handed out once: order numbers per year and suffix, the alphabet book and the
 * personal files per letter (the counter rows: repo/counters.ts).
 */
export { nextNumber, peekCounter };

export async function suffixOf(db: Executor, type: OrderType): Promise<string> {
  const row = await seriesRow(db, type);
  return row ? row.suffix : ORDER_TYPE_INFO[type].defaultSuffix;
}

function orderKey(yearId: string, suffix: string): string {
  return `order:${yearId}:${suffix}`;
}

const numberTaken = orderNumberTaken;

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
  await raiseCounter(db, key, n);
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
    ? await yearById(db, yearId)
    : ((await currentYearRow(db)) ?? (await yearOfDate(db, schoolToday())));
  const rows = await seriesRows(db);
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
      const row = await seriesRow(trx, s.type);
      const before = row ? row.suffix : ORDER_TYPE_INFO[s.type].defaultSuffix;
      if ((row ? Number(row.version) : 0) !== s.version) throw staleOrder(`Нумерация «${ORDER_TYPE_INFO[s.type].label}»`, row ? Number(row.version) : 0);
      if (before === s.suffix) continue;
      await writeSeries(trx, s.type, Boolean(row), s.suffix, row ? Number(row.version) + 1 : 1, nowIso());
      Object.assign(changes, diffFields({ [`suffix.${s.type}`]: before }, { [`suffix.${s.type}`]: s.suffix }));
    }
    const current = await peekCounter(trx, 'alphabet');
    if (input.alphabetNext !== current + 1) {
      const used = await lastAlphabetNumber(trx);
      if (input.alphabetNext <= used) {
        throw refuse(`Нумерация: номер ${input.alphabetNext} в алфавитной книге уже выдан (последний — ${used}); номера не используются повторно`);
      }
      await setCounter(trx, 'alphabet', input.alphabetNext - 1);
      changes.alphabetNext = [current + 1, input.alphabetNext];
    }
    if (Object.keys(changes).length > 0) await ctx.audit.record(trx, { recordId: null, action: 'update', changes });
  });
  return getNumbering(ctx.core.db, null);
}

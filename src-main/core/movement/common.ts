import { diffDays, formatRu } from '../../../src-shared/domain/calendar/dates';
import { ORDER_TYPE_INFO, type OrderType } from '../../../src-shared/domain/movement/orderTypes';
import { AppError } from '../../../src-shared/errors';
import { allYears, classInfo, yearOfDate, type ClassInfo, type OrderRowDb, type YearRow } from './repo/years';
import type { HandlerContext } from '../foundation/context';
import type { Executor } from '../foundation/executor';

/** Shared habits of the movement book: refusals that say «ничего не изменено», years by date. */

export const NOTHING_CHANGED = 'Ничего не изменено.';

export function refuse(message: string, details?: Record<string, unknown>): AppError {
  return new AppError('VALIDATION', `${message.trim().replace(/[.;:,]+$/, '')}. ${NOTHING_CHANGED}`, details);
}

export function conflict(message: string, details?: Record<string, unknown>): AppError {
  return new AppError('CONFLICT', `${message.trim().replace(/[.;:,]+$/, '')}. ${NOTHING_CHANGED}`, details);
}

export function orderNotFound(): AppError {
  return new AppError('NOT_FOUND', 'Приказ не найден: возможно, черновик удалил другой пользователь. Обновите список приказов.');
}

export function staleOrder(what: string, current: number): AppError {
  return new AppError('CONFLICT', `${what}: его уже изменил другой пользователь. Ваши изменения не записаны — обновите приказ и повторите.`, {
    currentVersion: current,
  });
}

export type { ClassInfo, OrderRowDb, YearRow };
export { classInfo, yearOfDate };

/**
 * The year an order is numbered in: the one containing its date, or — for the August orders that
 * enrol pupils from 1 September — the year that starts within three months after it.
 */
export async function yearForOrder(db: Executor, orderDate: string): Promise<YearRow | undefined> {
  return orderYearAmong(await allYears(db), orderDate);
}

/** The same rule over years already read (sorted by start date). */
export function orderYearAmong<Y extends { startDate: string; endDate: string }>(years: readonly Y[], orderDate: string): Y | undefined {
  const containing = years.filter((y) => y.startDate <= orderDate && y.endDate >= orderDate).pop();
  if (containing) return containing;
  const next = years.find((y) => y.startDate > orderDate);
  return next && diffDays(orderDate, next.startDate) <= 92 ? next : undefined;
}

/** «Приказ № 12-з от 01.09.2026» (a draft: «Черновик приказа от …»). */
export function orderLabel(o: { numberText: string | null; orderDate: string }): string {
  return o.numberText ? `Приказ № ${o.numberText} от ${formatRu(o.orderDate)}` : `Черновик приказа от ${formatRu(o.orderDate)}`;
}

export function typeLabel(type: string): string {
  return ORDER_TYPE_INFO[type as OrderType]?.label ?? type;
}

export function callerName(ctx: Pick<HandlerContext, 'caller'>): string | null {
  return ctx.caller.user?.name ?? null;
}

export function emitMovementChanged(ctx: HandlerContext, recordId?: string): void {
  ctx.core.events.emit({ type: 'dataChanged', entity: 'movementOrder', recordId });
  ctx.core.events.emit({ type: 'dataChanged', entity: 'classMembership' });
}

/** Runs `fn` over `ids` in chunks that keep SQLite under its bound-parameter limit. */
export async function inChunks<T>(ids: readonly string[], fn: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 500) out.push(...(await fn(ids.slice(i, i + 500))));
  return out;
}


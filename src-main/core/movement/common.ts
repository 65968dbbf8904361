import type { Selectable } from 'kysely';
import { diffDays, formatRu } from '../../../src-shared/domain/calendar/dates';
import { ORDER_TYPE_INFO, type OrderType } from '../../../src-shared/domain/movement/orderTypes';
import { AppError } from '../../../src-shared/errors';
import type { AcademicYearTable, MovementOrderTable } from '../db/schema';
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

export type YearRow = Selectable<AcademicYearTable>;
export type OrderRowDb = Selectable<MovementOrderTable>;

/** The academic year whose dates contain `date`, or undefined. */
export async function yearOfDate(db: Executor, date: string): Promise<YearRow | undefined> {
  return db.selectFrom('academicYear').selectAll().where('startDate', '<=', date).where('endDate', '>=', date).orderBy('startDate', 'desc').executeTakeFirst();
}

/**
 * The year an order is numbered in: the one containing its date, or — for the August orders that
 * enrol pupils from 1 September — the year that starts within three months after it.
 */
export async function yearForOrder(db: Executor, orderDate: string): Promise<YearRow | undefined> {
  return orderYearAmong(await db.selectFrom('academicYear').selectAll().orderBy('startDate').execute(), orderDate);
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

export interface ClassInfo {
  id: string;
  name: string;
  grade: number;
  academicYearId: string;
  yearName: string;
  yearStart: string;
  yearEnd: string;
  yearClosed: boolean;
  classTeacherId: string | null;
}

export async function classInfo(db: Executor, classIds: readonly (string | null)[]): Promise<Map<string, ClassInfo>> {
  const ids = [...new Set(classIds.filter((c): c is string => Boolean(c)))];
  const out = new Map<string, ClassInfo>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('schoolClass as c')
      .innerJoin('academicYear as y', 'y.id', 'c.academicYearId')
      .select(['c.id', 'c.name', 'c.grade', 'c.academicYearId', 'c.classTeacherId', 'y.name as yearName', 'y.startDate', 'y.endDate', 'y.isClosed'])
      .where('c.id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) {
      out.set(r.id, {
        id: r.id,
        name: r.name,
        grade: Number(r.grade),
        academicYearId: r.academicYearId,
        yearName: r.yearName,
        yearStart: r.startDate,
        yearEnd: r.endDate,
        yearClosed: Number(r.isClosed) === 1,
        classTeacherId: r.classTeacherId,
      });
    }
  }
  return out;
}

/** Runs `fn` over `ids` in chunks that keep SQLite under its bound-parameter limit. */
export async function inChunks<T>(ids: readonly string[], fn: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 500) out.push(...(await fn(ids.slice(i, i + 500))));
  return out;
}


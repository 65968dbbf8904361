import type { Selectable } from 'kysely';
import { AppError } from '../../../src-shared/errors';
import { describeRange } from '../../../src-shared/domain/schoolSetup/studyPeriods';
import type { Executor } from '../audit/auditRepo';
import type { AcademicYearTable } from '../db/schema';
import type { HandlerContext } from '../context';
import type { DomainEntity } from '../../../src-shared/events';

/** Shared habits of the school set-up services: refusals, versions, closed years, events. */

export const NOTHING_SAVED = 'Ничего не сохранено.';

/** A rule refused the write: VALIDATION with a Russian message naming the record and the conflict. */
export function refusal(message: string, details?: Record<string, unknown>): AppError {
  const text = message.trim().replace(/[.;:,]+$/, '');
  return new AppError('VALIDATION', `${text}. ${NOTHING_SAVED}`, details);
}

/** Several problems at once: the first few in the message, all of them in `details.problems`. */
export function refusalOf(record: string, problems: string[]): AppError {
  const shown = problems.slice(0, 3).join('; ');
  const more = problems.length > 3 ? ` (и ещё ${problems.length - 3})` : '';
  return refusal(`${record}: ${shown}${more}`, { problems, issues: problems.map((message) => ({ path: '', message })) });
}

export function notFound(what: string): AppError {
  return new AppError('NOT_FOUND', `${what} не найден(а): возможно, запись удалил другой пользователь. Обновите страницу.`);
}

export function stale(what: string, current: number): AppError {
  return new AppError(
    'CONFLICT',
    `${what}: запись уже изменил другой пользователь (версия ${current}). Ваши изменения не записаны — обновите данные и повторите.`,
    { currentVersion: current },
  );
}

/** Throws CONFLICT unless the row still has the version the caller read. */
export function expectVersion(row: { version: number }, version: number, what: string): void {
  if (row.version !== version) throw stale(what, row.version);
}

export function nowIso(): string {
  return new Date().toISOString();
}

export const bool = (n: number | null | undefined): boolean => n === 1;
export const flag = (b: boolean): number => (b ? 1 : 0);

export type YearRow = Selectable<AcademicYearTable>;

export async function findYear(db: Executor, id: string): Promise<YearRow | undefined> {
  return db.selectFrom('academicYear').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The year of a write: it must exist and be open (closed years are read-only). */
export async function writableYear(db: Executor, id: string): Promise<YearRow> {
  const year = await findYear(db, id);
  if (!year) throw notFound('Учебный год');
  if (year.isClosed === 1) {
    throw refusal(`Учебный год ${year.name} закрыт: его данные только для чтения. Администратор может открыть год заново`);
  }
  return year;
}

export function yearBounds(year: YearRow): { name: string; startDate: string; endDate: string } {
  return { name: year.name, startDate: year.startDate, endDate: year.endDate };
}

export function describeYear(year: YearRow): string {
  return `${year.name} (${describeRange(year.startDate, year.endDate)})`;
}

/** A unique index refused the row (SQLite and PostgreSQL codes), e.g. a second writer won the race. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string } | null;
  return e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || e?.code === '23505';
}

export function emitChanged(ctx: HandlerContext, entity: DomainEntity, recordId?: string): void {
  ctx.core.events.emit({ type: 'dataChanged', entity, recordId });
}

/** Today in the office's local time. */
export function today(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

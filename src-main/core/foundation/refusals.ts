import { AppError } from '../../../src-shared/errors';

/**
 * How a service refuses: a Russian message that names the record and the conflict and ends with
 * what happened to the data («Ничего не сохранено.»), as the dispatcher passes it to the user.
 */

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

export const bool = (n: number | null | undefined): boolean => n === 1;
export const flag = (b: boolean): number => (b ? 1 : 0);

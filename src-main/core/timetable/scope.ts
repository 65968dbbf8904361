import { AppError } from '../../../src-shared/errors';
import { hasRight } from '../access/index';
import type { HandlerContext } from '../foundation/context';
import { classesLedBy } from './repo/setup';

/**
 * Who sees what of the timetable (work order §2, §7.1): with «Расписание всей школы» everything,
 * drafts included; otherwise only approved versions, the classes the caller leads and the lessons
 * they teach themselves.
 */
export interface TimetableScope {
  all: boolean;
  classIds: Set<string>;
  staffId: string | null;
}

type ScopeCtx = Pick<HandlerContext, 'core' | 'caller'>;

export async function timetableScope(ctx: ScopeCtx): Promise<TimetableScope> {
  const user = ctx.caller.user;
  if (hasRight(user, 'timetable.all')) return { all: true, classIds: new Set(), staffId: user?.staffId ?? null };
  const staffId = user?.staffId ?? null;
  if (!staffId) return { all: false, classIds: new Set(), staffId: null };
  return { all: false, classIds: new Set(await classesLedBy(ctx.core.db, staffId)), staffId };
}

export function forbiddenWhole(what: string): AppError {
  return new AppError(
    'FORBIDDEN',
    `Недостаточно прав: ${what} доступно с правом «Расписание всей школы». Классный руководитель видит расписание своего класса, учитель — свои уроки.`,
  );
}

/** A lesson is visible when one of its classes is the caller's or they teach it. */
export function seesLesson(scope: TimetableScope, classIds: readonly string[], teacherIds: readonly string[]): boolean {
  if (scope.all) return true;
  if (scope.staffId && teacherIds.includes(scope.staffId)) return true;
  return classIds.some((c) => scope.classIds.has(c));
}

export function canSeeStatus(scope: TimetableScope, status: string): boolean {
  return scope.all || status !== 'draft';
}

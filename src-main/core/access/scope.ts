import { AppError } from '../../../src-shared/errors';
import type { HandlerContext } from '../foundation/context';
import { hasRight } from './authorize';
import { schoolToday } from '../foundation/clock';
import { createPort } from '../foundation/port';
import type { Executor } from '../foundation/executor';
import { validOn } from '../foundation/validOn';

/**
 * Row scoping (work order §2, §7.1): a user without «все классы» sees only their own classes — the
 * ones they lead as class teacher (schoolSetup) and the ones they teach (curriculum's load), each a
 * source plugged into `classScopeSources` at src-main/core/wiring.ts. With no source plugged in a
 * user without the right sees no class at all. Services call these helpers; the dispatcher checks
 * only the right.
 */
export type ClassScopeSource = (db: Executor, staffId: string) => Promise<string[]>;

export const classScopeSources = createPort<ClassScopeSource>('classScopeSources');

type ScopeCtx = Pick<HandlerContext, 'core' | 'caller'>;

/** The classes the caller may see, or `null` for all of them. */
export async function visibleClassIds(ctx: ScopeCtx): Promise<Set<string> | null> {
  const user = ctx.caller.user;
  if (hasRight(user, 'classes.all')) return null;
  const out = new Set<string>();
  if (!user?.staffId) return out;
  for (const source of classScopeSources.plugs) for (const id of await source(ctx.core.db, user.staffId)) out.add(id);
  return out;
}

function refused(what: string): AppError {
  return new AppError('FORBIDDEN', `Недостаточно прав: ${what} не относится к вашим классам. Классный руководитель и учитель видят только свои классы.`);
}

export async function assertCanSeeClass(ctx: ScopeCtx, classId: string): Promise<void> {
  const visible = await visibleClassIds(ctx);
  if (visible && !visible.has(classId)) throw refused('этот класс');
}

/** Class ids a pupil is in today (dated membership: from start_date until the day before end_date). */
export async function currentClassIdsOfPupils(db: Executor, pupilIds: readonly string[], today = schoolToday()): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (pupilIds.length === 0) return out;
  const rows = await db
    .selectFrom('classMembership')
    .select(['pupilId', 'classId'])
    .where('pupilId', 'in', [...pupilIds])
    .where(validOn(null, today))
    .execute();
  for (const r of rows) out.set(r.pupilId, r.classId);
  return out;
}

export async function assertCanSeePupil(ctx: ScopeCtx, pupilId: string): Promise<void> {
  const visible = await visibleClassIds(ctx);
  if (!visible) return;
  const classId = (await currentClassIdsOfPupils(ctx.core.db, [pupilId])).get(pupilId);
  if (!classId || !visible.has(classId)) throw refused('этот обучающийся');
}

export async function assertCanSeeParent(ctx: ScopeCtx, parentId: string): Promise<void> {
  const visible = await visibleClassIds(ctx);
  if (!visible) return;
  const children = await ctx.core.db.selectFrom('pupilParent').select('pupilId').where('parentId', '=', parentId).execute();
  const classes = await currentClassIdsOfPupils(ctx.core.db, children.map((c) => c.pupilId));
  if (![...classes.values()].some((c) => visible.has(c))) throw refused('этот родитель');
}

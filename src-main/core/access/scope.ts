import { AppError } from '../../../src-shared/errors';
import type { HandlerContext } from '../foundation/context';
import { hasRight } from './authorize';
import { createPort } from '../foundation/port';
import type { Executor } from '../foundation/executor';
import { childIdsOfParent, currentClassIdsOfPupils } from './repo/pupilClasses';

export { currentClassIdsOfPupils };

/**
 * Row scoping (work order §2, §7.1): a user without «все классы» sees only their own classes — the
 * ones they lead as class teacher (schoolSetup) and the ones they teach (curriculum's load), each a
 * source plugged into `classScopeSources` at src-main/core/wiring.ts. With no source plugged in a
 * user without the right sees no class at all. Services call these helpers; the dispatcher checks
 * only the right.
 */
export type ClassScopeSource = (db: Executor, staffId: string) => Promise<string[]>;

export const classScopeSources = createPort<ClassScopeSource>('classScopeSources');

/**
 * The classes a staff member leads (class teacher): the only ones whose cards they may change
 * (issue 19, item 4). Plugged at src-main/core/wiring.ts like the sight sources above.
 */
export const classLeadSources = createPort<ClassScopeSource>('classLeadSources');

type ScopeCtx = Pick<HandlerContext, 'core' | 'caller'>;

/** The classes the sources give the caller, or `null` («все классы») for all of them. */
async function classesOf(ctx: ScopeCtx, sources: readonly ClassScopeSource[]): Promise<Set<string> | null> {
  const user = ctx.caller.user;
  if (hasRight(user, 'classes.all')) return null;
  const out = new Set<string>();
  if (!user?.staffId) return out;
  for (const source of sources) for (const id of await source(ctx.core.db, user.staffId)) out.add(id);
  return out;
}

/** The classes the caller may see, or `null` for all of them. */
export function visibleClassIds(ctx: ScopeCtx): Promise<Set<string> | null> {
  return classesOf(ctx, classScopeSources.plugs);
}

/**
 * The classes whose cards the caller may change, or `null` for all of them: only the classes they
 * lead (issue 19, item 4). Teaching a class lets a teacher see it (classScopeSources), but its
 * pupils' cards, parents and account letters stay with its class teacher and the secretary.
 */
export function editableClassIds(ctx: ScopeCtx): Promise<Set<string> | null> {
  return classesOf(ctx, classLeadSources.plugs);
}

function notLed(what: string): AppError {
  return new AppError(
    'FORBIDDEN',
    `Недостаточно прав: ${what} не из класса, которым вы руководите. Изменять карточки может классный руководитель этого класса или секретарь; ` +
      'в классах, где вы только ведёте уроки, карточки доступны для просмотра. Ничего не изменено.',
  );
}

export async function assertCanEditClass(ctx: ScopeCtx, classId: string): Promise<void> {
  await assertCanSeeClass(ctx, classId);
  const editable = await editableClassIds(ctx);
  if (editable && !editable.has(classId)) throw notLed('этот класс');
}

export async function assertCanEditPupil(ctx: ScopeCtx, pupilId: string): Promise<void> {
  await assertCanSeePupil(ctx, pupilId);
  const editable = await editableClassIds(ctx);
  if (!editable) return;
  const classId = (await currentClassIdsOfPupils(ctx.core.db, [pupilId])).get(pupilId);
  if (!classId || !editable.has(classId)) throw notLed('этот обучающийся');
}

export async function assertCanEditParent(ctx: ScopeCtx, parentId: string): Promise<void> {
  await assertCanSeeParent(ctx, parentId);
  const editable = await editableClassIds(ctx);
  if (!editable) return;
  const children = await childIdsOfParent(ctx.core.db, parentId);
  const classes = await currentClassIdsOfPupils(ctx.core.db, children);
  if (![...classes.values()].some((c) => editable.has(c))) throw notLed('этот родитель');
}

function refused(what: string): AppError {
  return new AppError('FORBIDDEN', `Недостаточно прав: ${what} не относится к вашим классам. Классный руководитель и учитель видят только свои классы.`);
}

export async function assertCanSeeClass(ctx: ScopeCtx, classId: string): Promise<void> {
  const visible = await visibleClassIds(ctx);
  if (visible && !visible.has(classId)) throw refused('этот класс');
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
  const children = await childIdsOfParent(ctx.core.db, parentId);
  const classes = await currentClassIdsOfPupils(ctx.core.db, children);
  if (![...classes.values()].some((c) => visible.has(c))) throw refused('этот родитель');
}

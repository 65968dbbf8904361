import type { PersonKind } from '../../../src-shared/domain/personRules';
import { AppError } from '../../../src-shared/errors';
import { editableClassIds, hasRight, visibleClassIds } from '../access/index';
import type { HandlerContext } from '../foundation/context';
import type { Executor } from '../foundation/executor';
import { schoolToday } from '../foundation/clock';
import { parentIdsOfPupils, pupilIdsOfClassesOn } from './repo/accountPeople';

/**
 * Whose portal accounts a caller looks after (work order 3.5–3.8): the secretary — pupils' and
 * parents'; HR — staff; a class teacher — those of their classes' pupils and parents (to hand out
 * letters). The dispatcher checks the `accounts.*` right; this narrows it to kinds and classes.
 */
export interface AccountScope {
  kinds: Set<PersonKind>;
  /** Pupils and parents the caller may see, or null for all of them. */
  pupilIds: Set<string> | null;
  parentIds: Set<string> | null;
}

export type AccountAction = 'read' | 'edit' | 'handOver';

export function kindsFor(ctx: HandlerContext, action: AccountAction): Set<PersonKind> {
  const u = ctx.caller.user;
  const out = new Set<PersonKind>();
  const family = action === 'edit' ? hasRight(u, 'pupils.edit') && hasRight(u, 'classes.all') : hasRight(u, 'pupils.read');
  if (family) {
    out.add('pupil');
    out.add('parent');
  }
  if (action === 'read' ? hasRight(u, 'staff.read') : hasRight(u, 'staff.edit')) out.add('staff');
  return out;
}

async function scopedPeople(db: Executor, classIds: ReadonlySet<string>): Promise<{ pupils: Set<string>; parents: Set<string> }> {
  const today = schoolToday();
  const pupils = new Set<string>();
  const parents = new Set<string>();
  if (classIds.size === 0) return { pupils, parents };
  for (const id of await pupilIdsOfClassesOn(db, [...classIds], today)) pupils.add(id);
  for (const id of await parentIdsOfPupils(db, [...pupils])) parents.add(id);
  return { pupils, parents };
}

export async function accountScope(ctx: HandlerContext, action: AccountAction): Promise<AccountScope> {
  const kinds = kindsFor(ctx, action);
  // Reading follows sight; changing accounts and handing out letters (initial passwords) only the
  // classes one leads.
  const scopeOf = action === 'read' ? visibleClassIds : editableClassIds;
  const visible = kinds.has('pupil') ? await scopeOf(ctx) : null;
  if (!visible) return { kinds, pupilIds: null, parentIds: null };
  const { pupils, parents } = await scopedPeople(ctx.core.db, visible);
  return { kinds, pupilIds: pupils, parentIds: parents };
}

export function inScope(scope: AccountScope, kind: string, personId: string): boolean {
  if (!scope.kinds.has(kind as PersonKind)) return false;
  if (kind === 'pupil' && scope.pupilIds) return scope.pupilIds.has(personId);
  if (kind === 'parent' && scope.parentIds) return scope.parentIds.has(personId);
  return true;
}

const KIND_OWNER: Record<PersonKind, string> = {
  pupil: 'секретарь и классный руководитель своего класса',
  parent: 'секретарь и классный руководитель своего класса',
  staff: 'специалист по кадрам',
};

export function outOfScope(kind: string, what: string): AppError {
  return new AppError(
    'FORBIDDEN',
    `Недостаточно прав: ${what}. Учётными записями этого вида занимается ${KIND_OWNER[kind as PersonKind] ?? 'другой сотрудник'} (порядок работы, п. 3.5–3.8).`,
  );
}

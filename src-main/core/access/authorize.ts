import type { MethodName } from '../../../src-shared/contract/index';
import type { MethodDef } from '../../../src-shared/contract/define';
import { RIGHTS, type Right } from '../../../src-shared/contract/rights';
import { AppError } from '../../../src-shared/errors';
import type { Caller, CallerUser, HandlerContext, TransportKind } from '../foundation/context';

export const SYSTEM_USER_ID = 'system';

/**
 * A caller with every right: the CLI (a person at the server's console who can read the database
 * file anyway) and tests that are not about access. Never produced by a transport.
 */
export function systemCaller(transport: TransportKind = 'in-process', name = 'Система'): Caller {
  return {
    transport,
    user: { id: SYSTEM_USER_ID, name, roles: ['system'], rights: Object.keys(RIGHTS), staffId: null },
  };
}

export function hasRight(user: CallerUser | null | undefined, right: Right): boolean {
  return Boolean(user && user.rights.includes(right));
}

/** The signed-in user of a handler, or UNAUTHENTICATED (for open methods that need a session). */
export function requireUser(ctx: Pick<HandlerContext, 'caller'>): CallerUser {
  if (!ctx.caller.user) throw new AppError('UNAUTHENTICATED', 'Войдите в программу: эта операция доступна только после входа.');
  return ctx.caller.user;
}

/**
 * The dispatcher's rights check: an open method (`right: null`) is for everyone; every other method
 * needs a signed-in caller holding its right. Runs before the input is parsed, so a refused call
 * learns nothing about the data and changes nothing.
 */
export function authorize(caller: Caller, method: MethodName, def: MethodDef): void {
  if (def.right === null) return;
  const user = caller.user;
  if (!user) {
    throw new AppError('UNAUTHENTICATED', `Войдите в программу: операция «${def.summary}» доступна только после входа.`);
  }
  if (user.mustChangePassword) {
    throw new AppError('FORBIDDEN', 'Сначала смените пароль: администратор выдал временный пароль.', { mustChangePassword: true });
  }
  if (!user.rights.includes(def.right)) {
    throw new AppError(
      'FORBIDDEN',
      `Недостаточно прав: для операции «${def.summary}» нужно право «${RIGHTS[def.right]}». Обратитесь к администратору программы.`,
      { right: def.right, method },
    );
  }
}

/** The dispatcher's hooks of every entry point (`createDispatcher(core, handlers, accessHooks())`). */
export function accessHooks(): { authorize: typeof authorize } {
  return { authorize };
}

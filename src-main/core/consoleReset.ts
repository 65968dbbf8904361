import { randomInt } from 'node:crypto';
import { loginKey } from '../../src-shared/domain/passwordPolicy';
import { AppError } from '../../src-shared/errors';
import { handlers } from './api/index';
import type { Core } from './foundation/context';
import { createDispatcher } from './dispatcher';
import { accessHooks, systemCaller } from './access/index';
import { findUserByLoginKey } from './access/index';

// No look-alikes (0/O, 1/l/I): the password is read off a screen and typed by hand.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';

/** A random temporary password that passes the policy: letters, at least two digits, 12 characters. */
export function temporaryPassword(): string {
  const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  chars.splice(randomInt(11), 0, DIGITS[randomInt(DIGITS.length)]);
  chars.splice(randomInt(12), 0, DIGITS[randomInt(DIGITS.length)]);
  return chars.join('');
}

/**
 * The way back in when the only administrator forgot the password: a person at the server's console
 * (who can read the database file anyway) sets a random temporary password, shown once, that must be
 * changed at the next sign-in. Goes through the dispatcher, so it is audited like any reset.
 */
export async function resetPasswordFromConsole(core: Core, login: string): Promise<{ login: string; password: string }> {
  const user = await findUserByLoginKey(core.db, loginKey(login));
  if (!user) throw new AppError('NOT_FOUND', `Пользователь с логином «${login}» не найден.`);
  const password = temporaryPassword();
  const dispatcher = createDispatcher(core, handlers, accessHooks());
  const env = await dispatcher.call(systemCaller('in-process', 'Командная строка'), 'access.users.resetPassword', { id: user.id, password });
  if (!env.ok) throw new AppError(env.error.code, env.error.message);
  return { login: user.login, password };
}

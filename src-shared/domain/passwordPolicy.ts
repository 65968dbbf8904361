/**
 * Password and login rules shared by the forms and the server, so both say the same thing. There is
 * no built-in default password: every password is typed by a person.
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 200;

export function checkPassword(password: string, login?: string | null): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `пароль должен быть не короче ${PASSWORD_MIN_LENGTH} символов`;
  if (password.length > PASSWORD_MAX_LENGTH) return `пароль должен быть не длиннее ${PASSWORD_MAX_LENGTH} символов`;
  if (!/\p{L}/u.test(password) || !/\d/.test(password)) return 'пароль должен содержать хотя бы одну букву и одну цифру';
  if (login && password.trim().toLowerCase() === login.trim().toLowerCase()) return 'пароль не должен совпадать с логином';
  return null;
}

const LOGIN_RE = /^[\p{L}\d._-]{3,50}$/u;

export function checkLogin(login: string): string | null {
  if (!LOGIN_RE.test(login)) return 'логин — от 3 до 50 букв, цифр, точек, дефисов или подчёркиваний, без пробелов';
  return null;
}

/** Logins compare case-insensitively and ё = е, like names do. */
export function loginKey(login: string): string {
  return login.trim().toLowerCase().replace(/ё/g, 'е');
}

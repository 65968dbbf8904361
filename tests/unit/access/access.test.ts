import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../../src-main/core/access/password';
import { lockMinutesFor } from '../../../src-main/core/access/signIn';
import { authorize, systemCaller } from '../../../src-main/core/access/authorize';
import { defaultRightsOfRole, DEFAULT_ROLE_RIGHTS } from '../../../src-main/core/access/defaultRights';
import { parseCookies, tokenFromRequest } from '../../../src-main/core/access/httpSessions';
import { sessionIdOf } from '../../../src-main/core/access/repo/sessions';
import { contract, type MethodDef } from '../../../src-shared/contract/index';
import { RIGHTS } from '../../../src-shared/contract/rights';
import { checkLogin, checkPassword, loginKey } from '../../../src-shared/domain/passwordPolicy';
import { entityTitle, fieldChanges, fieldLabel, formatAuditValue } from '../../../src-shared/domain/auditLabels';
import { AppError } from '../../../src-shared/errors';

describe('passwords', () => {
  it('hashes with scrypt and a fresh salt, and verifies only the right password', async () => {
    const a = await hashPassword('Пароль-2026');
    const b = await hashPassword('Пароль-2026');
    expect(a).not.toBe(b);
    expect(a.split('$').slice(0, 4)).toEqual(['scrypt', '16384', '8', '1']);
    expect(await verifyPassword('Пароль-2026', a)).toBe(true);
    expect(await verifyPassword('Пароль-2027', a)).toBe(false);
    expect(await verifyPassword('Пароль-2026', 'plain-text')).toBe(false);
    expect(await verifyPassword('Пароль-2026', 'scrypt$0$8$1$$')).toBe(false);
  });

  it('applies the same rules the forms show', () => {
    expect(checkPassword('short1')).toMatch(/не короче 8/);
    expect(checkPassword('абвгдежз')).toMatch(/букву и одну цифру/);
    expect(checkPassword('Ivanov2026', 'ivanov2026')).toMatch(/не должен совпадать с логином/);
    expect(checkPassword('Ёлка-2026')).toBeNull();
    expect(checkLogin('иванова.ан')).toBeNull();
    expect(checkLogin('a b')).toMatch(/без пробелов/);
    expect(loginKey(' Ёлкина ')).toBe('елкина');
  });

  it('doubles the lock with each lock in a row, up to a day', () => {
    expect([0, 1, 2, 3].map((n) => lockMinutesFor(5, n))).toEqual([5, 10, 20, 40]);
    expect(lockMinutesFor(5, 30)).toBe(24 * 60);
  });
});

describe('rights check', () => {
  const def = (right: MethodDef['right']): MethodDef => ({ ...(contract['school.card.save'] as MethodDef), right });
  const user = (rights: string[], mustChangePassword = false) => ({ transport: 'http' as const, user: { id: 'u', name: 'У', roles: ['secretary'], rights, mustChangePassword } });
  const codeOf = (fn: () => void) => {
    try {
      fn();
      return 'ok';
    } catch (e) {
      return (e as AppError).code;
    }
  };

  it('lets everyone call open methods and refuses the rest to anonymous callers', () => {
    expect(codeOf(() => authorize({ transport: 'http', user: null }, 'system.status', def(null)))).toBe('ok');
    expect(codeOf(() => authorize({ transport: 'http', user: null }, 'school.card.save', def('school.edit')))).toBe('UNAUTHENTICATED');
  });

  it('needs the declared right, names it in Russian, and holds back a must-change-password user', () => {
    expect(codeOf(() => authorize(user(['school.edit']), 'school.card.save', def('school.edit')))).toBe('ok');
    let message = '';
    try {
      authorize(user(['school.read']), 'school.card.save', def('school.edit'));
    } catch (e) {
      message = (e as AppError).message;
    }
    expect(message).toBe('Недостаточно прав: для операции «Сохранить карточку ОО» нужно право «Редактирование карточки ОО». Обратитесь к администратору программы.');
    expect(codeOf(() => authorize(user(['school.edit'], true), 'school.card.save', def('school.edit')))).toBe('FORBIDDEN');
    expect(codeOf(() => authorize(user([], true), 'access.password.change', def(null)))).toBe('ok');
  });

  it('gives the system caller every right', () => {
    expect([...systemCaller().user!.rights].sort()).toEqual(Object.keys(RIGHTS).sort());
  });

  it('follows the work order by default', () => {
    expect(defaultRightsOfRole('secretary').has('pupils.edit')).toBe(true);
    expect(defaultRightsOfRole('secretary').has('users.read')).toBe(false);
    expect(defaultRightsOfRole('classTeacher').has('classes.all')).toBe(false);
    expect(defaultRightsOfRole('director').has('school.edit')).toBe(false);
    expect([...defaultRightsOfRole('admin')].sort()).toEqual(Object.keys(DEFAULT_ROLE_RIGHTS).sort());
  });
});

describe('HTTP session tokens', () => {
  const req = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;
  it('reads the cookie or a bearer token, bearer first', () => {
    expect(parseCookies('a=1; so_session=abc%2Fd; b')).toEqual({ a: '1', so_session: 'abc/d' });
    expect(tokenFromRequest(req({ cookie: 'so_session=c1' }))).toBe('c1');
    expect(tokenFromRequest(req({ cookie: 'so_session=c1', authorization: 'Bearer t1' }))).toBe('t1');
    expect(tokenFromRequest(req({}))).toBeNull();
  });
  it('stores sessions by the hash of the token', () => {
    expect(sessionIdOf('token')).toMatch(/^[0-9a-f]{64}$/);
    expect(sessionIdOf('token')).not.toContain('token');
  });
});

describe('audit labels', () => {
  it('names entities and fields in Russian from the contract', () => {
    expect(entityTitle('school')).toBe('Карточка ОО');
    expect(fieldLabel('school', 'inn')).toBe('ИНН');
    expect(fieldLabel('pupil', 'lastName')).toBe('Фамилия');
    expect(fieldLabel('appUser', 'school.edit')).toBe('Право «Редактирование карточки ОО»');
    expect(formatAuditValue('2015-03-12')).toBe('12.03.2015');
    expect(formatAuditValue(null)).toBe('—');
    expect(formatAuditValue(['admin', 'director'])).toBe('admin, director');
    expect(fieldChanges('update', { a: [1, 2] })).toEqual([{ field: 'a', before: 1, after: 2 }]);
    expect(fieldChanges('signin', { transport: 'http' })).toBeNull();
  });
});

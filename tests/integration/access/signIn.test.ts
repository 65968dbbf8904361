import { afterEach, beforeEach, expect, it } from 'vitest';
import { AppError } from '../../../src-shared/errors';
import { SIGN_IN_REFUSED } from '../../../src-main/core/access/signIn';
import type { AuditRow } from '../../../src-shared/contract/audit';
import { ADMIN, createSignedInUser, sessionClient, setupAdmin, signInClient, TEMP_PASSWORD, USER_PASSWORD } from '../../helpers/accessHelpers';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';

async function codeOf(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, 'the call should have failed').toBeInstanceOf(AppError);
  return { code: (err as AppError).code, message: (err as AppError).message };
}

describeEachDb('sign-in, lockout, sessions', (kind) => {
  let t: TestCore;
  let admin: Awaited<ReturnType<typeof setupAdmin>>;
  let userId: string;

  beforeEach(async () => {
    t = await createTestCore(kind);
    admin = await setupAdmin(t);
    userId = (await createSignedInUser(t, { login: 'sekretar', fullName: 'Секретарёва Нина Павловна', roles: ['secretary'] })).id;
  });
  afterEach(async () => {
    await t.cleanup();
  });

  const lockRow = () => t.core.db.selectFrom('appUser').select(['lockedUntil', 'lockCount', 'failedAttempts']).where('id', '=', userId).executeTakeFirstOrThrow();
  const expireLock = () => t.core.db.updateTable('appUser').set({ lockedUntil: new Date(Date.now() - 1000).toISOString() }).where('id', '=', userId).execute();
  const wrong = async (n: number) => {
    const results = [];
    for (let i = 0; i < n; i++) results.push(await codeOf(sessionClient(t).call('access.signIn', { login: 'sekretar', password: `wrong-${i}-pass` })));
    return results;
  };

  it('locks the login after five wrong passwords, refuses the right one until the lock expires, and logs it all', async () => {
    const started = Date.now();
    const results = await wrong(5);
    // The fifth answer, which locks, says no more than the others: it must not reveal that the login exists.
    for (const r of results) expect(r).toEqual({ code: 'UNAUTHENTICATED', message: SIGN_IN_REFUSED });

    const lock = await lockRow();
    const minutes = (Date.parse(lock.lockedUntil as string) - started) / 60_000;
    expect(minutes).toBeGreaterThan(4.9);
    expect(minutes).toBeLessThanOrEqual(5.1);

    const sixth = await codeOf(sessionClient(t).call('access.signIn', { login: 'sekretar', password: USER_PASSWORD }));
    expect(sixth).toEqual({ code: 'UNAUTHENTICATED', message: SIGN_IN_REFUSED });

    await expireLock();
    const client = await signInClient(t, 'sekretar', USER_PASSWORD);
    expect((await client.call('access.session.state')).user?.login).toBe('sekretar');

    const { rows } = await admin.call('audit.list', { entity: 'appUser', recordId: userId, limit: 100 });
    const story = [...rows].reverse().map((r: AuditRow) => r.action);
    expect(story.slice(-8)).toEqual(['signin-failed', 'signin-failed', 'signin-failed', 'signin-failed', 'signin-failed', 'lock', 'signin-refused', 'signin']);
    const failed = rows.filter((r) => r.action === 'signin-failed').map((r) => (r.changes as { attempt: number }).attempt).sort();
    expect(failed).toEqual([1, 2, 3, 4, 5]);
    expect(rows.find((r) => r.action === 'lock')).toMatchObject({ userId, userName: 'Секретарёва Нина Павловна', changes: { minutes: 5 } });
  });

  it('doubles the lock for the next five wrong passwords in a row', async () => {
    await wrong(5);
    await expireLock();
    const started = Date.now();
    const second = await wrong(5);
    expect(second[4].code).toBe('UNAUTHENTICATED');
    const lock = await lockRow();
    expect(lock.lockCount).toBe(2);
    const minutes = (Date.parse(lock.lockedUntil as string) - started) / 60_000;
    expect(minutes).toBeGreaterThan(9.9);
    expect(minutes).toBeLessThanOrEqual(10.1);
    // The administrator lifts it.
    await admin.call('access.users.unlock', { id: userId });
    await signInClient(t, 'sekretar', USER_PASSWORD);
    expect((await lockRow()).lockCount).toBe(0);
  });

  it('answers an unknown login like a wrong password and logs the attempt', async () => {
    const r = await codeOf(sessionClient(t).call('access.signIn', { login: 'nobody', password: 'Whatever-123' }));
    expect(r).toEqual({ code: 'UNAUTHENTICATED', message: SIGN_IN_REFUSED });
    const { rows } = await admin.call('audit.list', { action: 'signin-failed' });
    expect(rows[0]).toMatchObject({ userId: null, changes: { login: 'nobody' } });
  });

  it('stores only salted scrypt hashes and never writes a password into the log', async () => {
    await t.client.call('access.users.create', { login: 'twin', fullName: 'Близнец', roles: ['teacher'], password: TEMP_PASSWORD });
    const users = await t.core.db.selectFrom('appUser').select(['login', 'passwordHash']).execute();
    const sekretar = users.find((u) => u.login === 'sekretar')!.passwordHash;
    expect(sekretar).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    const twin = users.find((u) => u.login === 'twin')!.passwordHash;
    await t.client.call('access.users.resetPassword', { id: userId, password: TEMP_PASSWORD });
    const reset = (await t.core.db.selectFrom('appUser').select('passwordHash').where('id', '=', userId).executeTakeFirstOrThrow()).passwordHash;
    expect(reset).not.toBe(twin); // same password, different salt
    const log = JSON.stringify(await t.core.db.selectFrom('auditLog').selectAll().execute());
    for (const secret of [ADMIN.password, TEMP_PASSWORD, USER_PASSWORD]) expect(log).not.toContain(secret);
  });

  it('ends a session after the configured inactivity and logs the expiry', async () => {
    const user = await signInClient(t, 'sekretar', USER_PASSWORD);
    await admin.call('access.settings.save', { sessionIdleMinutes: 15, lockMinutes: 5 });
    expect((await user.call('school.card.get')).card).toBeNull();
    await t.core.db.updateTable('appSession').set({ lastSeenAt: new Date(Date.now() - 16 * 60_000).toISOString() }).where('userId', '=', userId).execute();
    expect((await codeOf(user.call('school.card.get'))).code).toBe('UNAUTHENTICATED');
    expect((await user.call('access.session.state')).user).toBeNull();
    const { rows } = await admin.call('audit.list', { action: 'expire' });
    expect(rows[0]).toMatchObject({ userId, changes: { idleMinutes: 15 } });
  });

  it('forces a password change after an administrator reset and ends the old sessions', async () => {
    const before = await signInClient(t, 'sekretar', USER_PASSWORD);
    await admin.call('access.users.resetPassword', { id: userId, password: 'Novy-vremenny-7' });
    expect((await codeOf(before.call('school.card.get'))).code).toBe('UNAUTHENTICATED');

    const after = await signInClient(t, 'sekretar', 'Novy-vremenny-7');
    expect((await after.call('access.session.state')).user?.mustChangePassword).toBe(true);
    const refused = await codeOf(after.call('school.card.get'));
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toMatch(/смените пароль/);
    const same = await codeOf(after.call('access.password.change', { currentPassword: 'Novy-vremenny-7', newPassword: 'Novy-vremenny-7' }));
    expect(same.message).toMatch(/совпадает с текущим/);
    const weak = await codeOf(after.call('access.password.change', { currentPassword: 'Novy-vremenny-7', newPassword: 'кот1' }));
    expect(weak).toMatchObject({ code: 'VALIDATION' });
    expect(weak.message).toMatch(/«Новый пароль»: пароль должен быть не короче 8 символов/);
    await after.call('access.password.change', { currentPassword: 'Novy-vremenny-7', newPassword: 'Sobstvenny-8' });
    expect((await after.call('school.card.get')).card).toBeNull();
    const actions = (await admin.call('audit.list', { recordId: userId })).rows.map((r) => r.action);
    expect(actions).toContain('password-reset');
    expect(actions).toContain('password-change');
  });

  it('switches a user off: sessions end and sign-in is refused', async () => {
    const user = await signInClient(t, 'sekretar', USER_PASSWORD);
    const row = (await admin.call('access.users.list')).find((u) => u.id === userId)!;
    await admin.call('access.users.update', { id: userId, version: row.version, fullName: row.fullName, staffId: null, roles: ['secretary'], isActive: false });
    expect((await codeOf(user.call('school.card.get'))).code).toBe('UNAUTHENTICATED');
    const r = await codeOf(sessionClient(t).call('access.signIn', { login: 'SEKRETAR', password: USER_PASSWORD }));
    expect(r).toEqual({ code: 'FORBIDDEN', message: 'Учётная запись «sekretar» отключена администратором программы.' });
  });

  it('keeps at least one administrator and the administrator role’s user rights', async () => {
    const me = (await admin.call('access.users.list')).find((u) => u.login === 'admin')!;
    const off = await codeOf(admin.call('access.users.update', { id: me.id, version: me.version, fullName: me.fullName, staffId: null, roles: ['admin'], isActive: false }));
    expect(off.code).toBe('VALIDATION');
    expect(off.message).toMatch(/последний активный администратор/);
    const demote = await codeOf(admin.call('access.users.update', { id: me.id, version: me.version, fullName: me.fullName, staffId: null, roles: ['director'], isActive: true }));
    expect(demote.code).toBe('VALIDATION');
    const revoke = await codeOf(admin.call('access.rights.setRole', { role: 'admin', right: 'users.edit', granted: false }));
    expect(revoke.message).toMatch(/отозвать нельзя/);
    expect((await admin.call('access.rights.matrix')).effective.admin).toContain('users.edit');
  });

  it('creates the first administrator only once, and refuses a taken login', async () => {
    const again = await codeOf(sessionClient(t).call('access.setup.createAdmin', { login: 'admin2', fullName: 'Второй', password: 'Vtoroy-admin-1' }));
    expect(again).toEqual({ code: 'FORBIDDEN', message: 'Администратор программы уже создан. Войдите под своим логином.' });
    expect((await sessionClient(t).call('access.session.state')).setupRequired).toBe(false);
    const taken = await codeOf(admin.call('access.users.create', { login: 'Sekretar', fullName: 'Другая', roles: ['teacher'], password: TEMP_PASSWORD }));
    expect(taken.code).toBe('VALIDATION');
    expect(taken.message).toBe('Пользователь, поле «Логин»: логин «Sekretar» уже занят — выберите другой. Ничего не сохранено.');
  });

  it('applies a role grant, a withdrawal and a personal right to open sessions at the next call', async () => {
    const user = await signInClient(t, 'sekretar', USER_PASSWORD);
    const card = { fullName: 'МБОУ «СОШ № 6»', shortName: 'СОШ № 6', kind: 'Средняя общеобразовательная школа' as const };
    expect((await codeOf(user.call('school.card.save', { card, version: 0 }))).code).toBe('FORBIDDEN');
    await admin.call('access.rights.setRole', { role: 'secretary', right: 'school.edit', granted: true });
    expect((await user.call('school.card.save', { card, version: 0 })).version).toBe(1);
    await admin.call('access.rights.setUser', { userId, right: 'school.edit', mode: 'deny' });
    expect((await codeOf(user.call('school.card.save', { card, version: 1 }))).code).toBe('FORBIDDEN');
    await admin.call('access.rights.setUser', { userId, right: 'school.edit', mode: 'default' });
    await admin.call('access.rights.setRole', { role: 'secretary', right: 'school.edit', granted: false });
    expect((await codeOf(user.call('school.card.save', { card, version: 1 }))).code).toBe('FORBIDDEN');
    // Only differences from the defaults are stored.
    expect(await t.core.db.selectFrom('appRoleRight').selectAll().execute()).toEqual([]);
    const log = (await admin.call('audit.list', { entity: 'roleRight' })).rows.map((r) => [r.action, r.recordId]);
    expect(log).toEqual([
      ['revoke', 'secretary:school.edit'],
      ['grant', 'secretary:school.edit'],
    ]);
  });
});

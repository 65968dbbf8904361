import { afterEach, beforeEach, expect, it } from 'vitest';
import { resetPasswordFromConsole, temporaryPassword } from '../../../src-main/core/consoleReset';
import { checkPassword } from '../../../src-shared/domain/passwordPolicy';
import { ADMIN, setupAdmin, signInClient } from '../../helpers/accessHelpers';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';

it('makes temporary passwords that pass the policy and differ every time', () => {
  const all = Array.from({ length: 200 }, temporaryPassword);
  for (const p of all) expect(checkPassword(p)).toBeNull();
  expect(new Set(all).size).toBe(200);
});

describeEachDb('password reset from the server console', (kind) => {
  let t: TestCore;
  beforeEach(async () => {
    t = await createTestCore(kind);
  });
  afterEach(async () => {
    await t.cleanup();
  });

  it('lets a forgotten administrator back in with a one-time password that must be changed, and logs it', async () => {
    const admin = await setupAdmin(t);
    const r = await resetPasswordFromConsole(t.core, 'ADMIN');
    expect(r.login).toBe('admin');
    expect((await admin.raw('school.card.get')).ok).toBe(false);
    const again = await signInClient(t, 'admin', r.password);
    expect((await again.call('access.session.state')).user?.mustChangePassword).toBe(true);
    await again.call('access.password.change', { currentPassword: r.password, newPassword: ADMIN.password });
    const log = (await again.call('audit.list', { action: 'password-reset' })).rows;
    expect(log[0]).toMatchObject({ userName: 'Командная строка', method: 'access.users.resetPassword' });
    expect(JSON.stringify(log)).not.toContain(r.password);
    await expect(resetPasswordFromConsole(t.core, 'nobody')).rejects.toThrow('Пользователь с логином «nobody» не найден.');
  });
});

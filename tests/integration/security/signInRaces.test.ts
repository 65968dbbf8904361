import { afterEach, beforeEach, expect, it } from 'vitest';
import { MAX_FAILED_ATTEMPTS } from '../../../src-main/core/access/signIn';
import { startHttpServer, type RunningHttpServer } from '../../../src-main/http/server';
import { createSignedInUser, USER_PASSWORD } from '../../helpers/accessHelpers';
import { rawApi, type RawResponse } from '../../helpers/rawHttp';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';

/**
 * Lockout races (issue 19, item 2), over real loopback HTTP: a burst of parallel guesses must not get
 * more passwords checked than the policy allows, must not lock longer than the policy says, and a
 * locked login must answer exactly like an unknown one.
 */
describeEachDb('sign-in bursts over HTTP', (kind) => {
  let t: TestCore;
  let server: RunningHttpServer;
  let userId: string;

  async function start(rate?: { burst: number; perMinute: number }) {
    server = await startHttpServer({ dispatcher: t.dispatcher, signInRate: rate });
    server.server.keepAliveTimeout = 65_000;
  }

  beforeEach(async () => {
    t = await createTestCore(kind);
    await t.client.call('access.setup.createAdmin', { login: 'admin', fullName: 'Админова Анна', password: 'Admin-2026-pass' });
    userId = (await createSignedInUser(t, { login: 'sekretar', fullName: 'Секретарёва Нина', roles: ['secretary'] })).id;
  });
  afterEach(async () => {
    await server?.close();
    await t.cleanup();
  });

  const signIn = (login: string, password: string) => rawApi(server.url, 'access.signIn', { login, password }, { 'x-auth-mode': 'bearer' });
  const checkedPasswords = async () =>
    (await t.core.db.selectFrom('auditLog').select(['action', 'changes']).where('recordId', '=', userId).where('action', 'in', ['signin-failed', 'signin']).execute()).filter(
      (r) => r.action === 'signin' || !String(r.changes).includes('нет такого логина'),
    );
  const row = () => t.core.db.selectFrom('appUser').select(['failedAttempts', 'lockCount', 'lockedUntil']).where('id', '=', userId).executeTakeFirstOrThrow();
  const signInsBefore = async () => (await t.core.db.selectFrom('auditLog').select('seq').where('action', '=', 'signin').where('recordId', '=', userId).execute()).length;

  it('checks at most five of 200 parallel wrong passwords and locks once, for the configured time', async () => {
    await start({ burst: 10_000, perMinute: 10_000 });
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => signIn('sekretar', `wrong-${i}-pass`)));
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([401]));
    expect(new Set(answers.map((a) => a.json().error?.message)).size).toBe(1);
    const checked = (await checkedPasswords()).filter((r) => r.action === 'signin-failed');
    expect(checked.length).toBeLessThanOrEqual(MAX_FAILED_ATTEMPTS);
    const r = await row();
    expect(r.lockCount).toBe(1);
    const minutes = (Date.parse(String(r.lockedUntil)) - started) / 60_000;
    expect(minutes).toBeGreaterThan(4.5);
    expect(minutes).toBeLessThanOrEqual(5.2);
  });

  it('30 wrong passwords and the right one in parallel: no more than five guesses are checked', async () => {
    await start({ burst: 10_000, perMinute: 10_000 });
    const before = await signInsBefore();
    const burst = [...Array.from({ length: 30 }, (_, i) => signIn('sekretar', `wrong-${i}-pass`)), signIn('sekretar', USER_PASSWORD)];
    const answers = await Promise.all(burst);
    const right = answers[30];
    const failed = (await checkedPasswords()).filter((r) => r.action === 'signin-failed').length;
    // Checked guesses stay within the policy whichever order the server saw them in.
    expect(failed).toBeLessThanOrEqual(MAX_FAILED_ATTEMPTS);
    expect(answers.slice(0, 30).every((a) => a.status === 401)).toBe(true);
    const signedIn = (await signInsBefore()) - before;
    expect(signedIn).toBe(right.status === 200 ? 1 : 0);
    // A burst locks at most once.
    expect((await row()).lockCount).toBeLessThanOrEqual(1);
  });

  it('answers a locked login exactly like an unknown one, in comparable time', async () => {
    await start({ burst: 10_000, perMinute: 10_000 });
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) await signIn('sekretar', `wrong-${i}-pass`);
    expect((await row()).lockedUntil).not.toBeNull();
    const timed = async (login: string, password: string): Promise<{ res: RawResponse; ms: number }> => {
      const s = performance.now();
      const res = await signIn(login, password);
      return { res, ms: performance.now() - s };
    };
    const locked: { res: RawResponse; ms: number }[] = [];
    const unknown: { res: RawResponse; ms: number }[] = [];
    for (let i = 0; i < 7; i++) {
      locked.push(await timed('sekretar', USER_PASSWORD));
      unknown.push(await timed(`nobody${i}`, USER_PASSWORD));
    }
    for (const a of [...locked, ...unknown]) {
      expect(a.res.status).toBe(401);
      expect(a.res.json()).toEqual(unknown[0].res.json());
    }
    expect(JSON.stringify(locked[0].res.json())).not.toContain('sekretar');
    // Both pay for a password hash: the locked answer is not an instant tell.
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const ratio = median(locked.map((x) => x.ms)) / median(unknown.map((x) => x.ms));
    expect(ratio).toBeGreaterThan(0.4);
    expect(ratio).toBeLessThan(2.5);
  });

  it('limits sign-in attempts per client: a burst gets 429 with a Russian message, nothing is checked beyond it', async () => {
    await start({ burst: 10, perMinute: 10 });
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => signIn(`nobody${i}`, 'Whatever-123')));
    const limited = answers.filter((a) => a.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(50);
    expect(limited[0].json().error?.message).toMatch(/Слишком много попыток входа/);
    expect(limited[0].headers['retry-after']).toMatch(/^\d+$/);
    const logged = await t.core.db.selectFrom('auditLog').select('seq').where('action', '=', 'signin-failed').execute();
    expect(logged.length).toBeLessThanOrEqual(10);
  });
});

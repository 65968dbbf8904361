import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIpcSessions } from '../../../src-main/core/access/ipcSessions';
import { registerIpc } from '../../../src-main/electron/ipcBridge';
import { createPreloadApi } from '../../../src-main/electron/preloadApi';
import { startHttpServer, type RunningHttpServer } from '../../../src-main/http/server';
import { createApiClient } from '../../../src-shared/transport';
import { ADMIN } from '../../helpers/accessHelpers';
import { createFakeIpcPair } from '../../helpers/fakeIpc';
import { createTestCore, type TestCore } from '../../helpers/testDb';

describe('HTTP session cookie', () => {
  let t: TestCore;
  let server: RunningHttpServer;
  beforeAll(async () => {
    t = await createTestCore('sqlite');
    server = await startHttpServer({ dispatcher: t.dispatcher });
    // Outlive the client's 4 s keep-alive so a busy test machine never reuses a socket the server just closed.
    server.server.keepAliveTimeout = 65_000;
  });
  afterAll(async () => {
    await server.close();
    await t.cleanup();
  });

  const post = (method: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('lets an anonymous browser see only that setup is needed, then creates the administrator with a cookie session', async () => {
    const state = (await (await post('access.session.state', {})).json()) as { value: { setupRequired: boolean; user: null } };
    expect(state.value).toEqual({ setupRequired: true, setupCodeRequired: true, user: null });
    const anon = await post('school.card.get', {});
    expect(anon.status).toBe(401);
    expect(((await anon.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');

    const created = await post('access.setup.createAdmin', { ...ADMIN, setupCode: t.core.firstRun.issue() });
    expect(created.status).toBe(200);
    const cookie = created.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^so_session=[A-Za-z0-9_-]{40,}; Path=\/; HttpOnly; SameSite=Strict$/);
    const body = (await created.json()) as { value: Record<string, unknown> };
    expect(body.value.token).toBeUndefined();
    expect(body.value.user).toMatchObject({ login: 'admin', roles: ['admin'], mustChangePassword: false });
  });

  it('signs in with a cookie, keeps the token out of the page, refuses a foreign Origin, and signs out', async () => {
    const res = await post('access.signIn', { login: 'ADMIN', password: ADMIN.password });
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(JSON.stringify(await res.json())).not.toContain(setCookie.split(';')[0].split('=')[1]);
    const cookie = setCookie.split(';')[0];

    expect((await post('school.card.get', {}, { cookie })).status).toBe(200);
    const u = new URL(server.url);
    expect((await post('school.card.get', {}, { cookie, origin: `http://${u.host}` })).status).toBe(200);
    const foreign = await post('school.card.save', { card: { fullName: 'X', shortName: 'X', kind: 'Лицей' }, version: 0 }, { cookie, origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);

    const events = new AbortController();
    expect((await fetch(`${server.url}/api/events`)).status).toBe(401);
    const sse = await fetch(`${server.url}/api/events`, { headers: { cookie }, signal: events.signal });
    expect(sse.status).toBe(200);
    events.abort();

    const out = await post('access.signOut', {}, { cookie });
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await post('school.card.get', {}, { cookie })).status).toBe(401);
  });

  it('counts what the person does as activity, not the status bar polling', async () => {
    const res = await post('access.signIn', { login: 'admin', password: ADMIN.password }, { 'x-auth-mode': 'bearer' });
    const token = ((await res.json()) as { value: { token: string } }).value.token;
    const auth = { authorization: `Bearer ${token}` };
    const { sessionIdOf } = await import('../../../src-main/core/access/repo/sessions');
    const id = sessionIdOf(token);
    const past = new Date(Date.now() - 5 * 60_000).toISOString();
    await t.core.db.updateTable('appSession').set({ lastSeenAt: past }).where('id', '=', id).execute();
    const lastSeen = async () => (await t.core.db.selectFrom('appSession').select('lastSeenAt').where('id', '=', id).executeTakeFirstOrThrow()).lastSeenAt;
    expect((await post('system.status', {}, auth)).status).toBe(200);
    expect((await post('access.session.state', {}, auth)).status).toBe(200);
    expect(await lastSeen()).toBe(past);
    expect((await post('school.card.get', {}, auth)).status).toBe(200);
    expect(await lastSeen()).not.toBe(past);
  });

  it('gives a bearer token to a script that asks for one', async () => {
    const res = await post('access.signIn', { login: 'admin', password: ADMIN.password }, { 'x-auth-mode': 'bearer' });
    expect(res.headers.get('set-cookie')).toBeNull();
    const token = ((await res.json()) as { value: { token: string } }).value.token;
    expect((await post('school.card.get', {}, { authorization: `Bearer ${token}` })).status).toBe(200);
    expect((await post('school.card.get', {}, { authorization: 'Bearer forged-token' })).status).toBe(401);
  });
});

describe('desktop (IPC) sessions per window', () => {
  it('signs one window in without giving it the token; another window stays signed out; closing ends the session', async () => {
    const t = await createTestCore('sqlite');
    try {
      await t.client.call('access.setup.createAdmin', ADMIN);
      const sessions = createIpcSessions(t.core);
      const w1 = createFakeIpcPair('app://school-office/index.html', 1);
      const w2 = createFakeIpcPair('app://school-office/index.html', 2);
      registerIpc(w1.ipcMain, t.dispatcher, (id, method) => sessions.callerFor(id, method), sessions.afterCall, (id) => id === 1);
      registerIpc(w2.ipcMain, t.dispatcher, (id, method) => sessions.callerFor(id, method), sessions.afterCall, (id) => id === 2);
      const first = createApiClient(createPreloadApi(w1.ipcRenderer));
      const second = createApiClient(createPreloadApi(w2.ipcRenderer));

      expect((await second.call('access.session.state')).setupRequired).toBe(false);
      const signed = await first.call('access.signIn', { login: 'admin', password: ADMIN.password });
      expect(signed.token).toBeUndefined();
      expect((await first.call('access.session.state')).user?.login).toBe('admin');
      expect((await first.call('system.status')).transport).toBe('ipc');
      expect(await second.raw('school.card.get')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });

      const ipcSessions = () => t.core.db.selectFrom('appSession').select('id').where('transport', '=', 'ipc').execute();
      expect(await ipcSessions()).toHaveLength(1);
      await sessions.forget(1);
      expect(await ipcSessions()).toEqual([]);
      expect(await first.raw('school.card.get')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    } finally {
      await t.cleanup();
    }
  });
});

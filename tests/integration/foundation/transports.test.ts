import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIpcSessions } from '../../../src-main/core/access/ipcSessions';
import { forwardEvents, registerIpc, signedInEvents } from '../../../src-main/electron/ipcBridge';
import { createPreloadApi } from '../../../src-main/electron/preloadApi';
import { startHttpServer, type RunningHttpServer } from '../../../src-main/http/server';
import type { PushEvent } from '../../../src-shared/events';
import { createApiClient, type ApiClient } from '../../../src-shared/transport';
import { createFakeIpcPair } from '../../helpers/fakeIpc';
import { createNodeHttpTransport } from '../../helpers/nodeHttpTransport';
import { createTestCore, type TestCore } from '../../helpers/testDb';
import { ADMIN, httpSignIn, sessionTransport } from '../../helpers/accessHelpers';

interface Harness {
  client: ApiClient;
  close(): Promise<void>;
}

// Each transport signs the administrator in its own way: a session token held in-process, a bearer
// token over HTTP, a per-window session over IPC.
const TRANSPORTS: Record<string, (t: TestCore) => Promise<Harness>> = {
  'in-process': async (t) => {
    const client = createApiClient(sessionTransport(t.dispatcher));
    await client.call('access.signIn', { login: ADMIN.login, password: ADMIN.password });
    return { client, close: async () => undefined };
  },
  http: async (t) => {
    const server = await startHttpServer({ dispatcher: t.dispatcher });
    const token = await httpSignIn(server.url, ADMIN.login, ADMIN.password);
    const transport = createNodeHttpTransport(server.url, { authorization: `Bearer ${token}` });
    return {
      client: createApiClient(transport),
      close: async () => {
        transport.close();
        await server.close();
      },
    };
  },
  ipc: async (t) => {
    const pair = createFakeIpcPair();
    const sessions = createIpcSessions(t.core);
    const off = registerIpc(pair.ipcMain, t.dispatcher, (id, method) => sessions.callerFor(id, method), sessions.afterCall, (id) => id === 1);
    const unsubscribe = forwardEvents(signedInEvents((l) => t.dispatcher.core.events.subscribe(l), sessions), pair.webContents, 1);
    const client = createApiClient(createPreloadApi(pair.ipcRenderer));
    await client.call('access.signIn', { login: ADMIN.login, password: ADMIN.password });
    return {
      client,
      close: async () => {
        unsubscribe();
        off();
      },
    };
  },
};

const CARD = { fullName: 'МБОУ «Лицей № 2»', shortName: 'Лицей № 2', kind: 'Лицей' as const, inn: '2224011531' };

for (const [name, open] of Object.entries(TRANSPORTS)) {
  describe(`transport suite [${name}]`, () => {
    let t: TestCore;
    let h: Harness;
    beforeAll(async () => {
      t = await createTestCore('sqlite');
      await t.client.call('access.setup.createAdmin', ADMIN);
      h = await open(t);
    });
    afterAll(async () => {
      await h.close();
      await t.cleanup();
    });

    it('reports status through this transport', async () => {
      const s = await h.client.call('system.status');
      expect(s.transport).toBe(name);
      expect(s.database.kind).toBe('sqlite');
    });

    it('saves and reads the school card', async () => {
      const saved = await h.client.call('school.card.save', { card: CARD, version: 0 });
      expect(saved.version).toBe(1);
      const got = await h.client.call('school.card.get');
      expect(got.card).toMatchObject({ shortName: 'Лицей № 2', inn: '2224011531', ogrn: null });
    });

    it('returns the same validation envelope', async () => {
      const env = await h.client.raw('school.card.save', { card: { ...CARD, kpp: '12' }, version: 1 });
      expect(env).toEqual({
        ok: false,
        error: {
          code: 'VALIDATION',
          message: 'Карточка ОО, поле «КПП»: нужно 9 символов: 4 цифры, 2 цифры или латинские буквы, 3 цифры. Ничего не сохранено.',
          details: { issues: [{ path: 'card.kpp', message: 'поле «КПП»: нужно 9 символов: 4 цифры, 2 цифры или латинские буквы, 3 цифры' }] },
        },
      });
    });

    it('returns CONFLICT for a stale version', async () => {
      const env = await h.client.raw('school.card.save', { card: { ...CARD, shortName: 'Старое' }, version: 0 });
      expect(env.ok).toBe(false);
      if (!env.ok) expect(env.error.code).toBe('CONFLICT');
    });

    it('refuses an unknown method', async () => {
      const env = await h.client.raw('no.such.method' as 'system.status');
      expect(env).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    });

    it('delivers progress events of a long job', async () => {
      const events: PushEvent[] = [];
      const off = h.client.on((e) => events.push(e));
      const jobId = `job-${name}`;
      const r = await h.client.call('system.backup.create', { jobId });
      expect(r.verified).toBe(true);
      expect(fs.existsSync(r.file)).toBe(true);
      await expect.poll(() => events.some((e) => e.type === 'progress' && e.jobId === jobId && e.finished)).toBe(true);
      const mine = events.filter((e) => e.type === 'progress' && e.jobId === jobId);
      expect(mine[0]).toMatchObject({ type: 'progress', title: 'Резервная копия базы' });
      off();
      const list = await h.client.call('system.backup.list');
      expect(list.map((b) => b.file)).toContain(r.file);
    });
  });
}

describe('HTTP transport guards', () => {
  let t: TestCore;
  let server: RunningHttpServer;
  let staticDir: string;
  let auth: Record<string, string>;
  beforeAll(async () => {
    t = await createTestCore('sqlite');
    await t.client.call('access.setup.createAdmin', ADMIN);
    staticDir = path.join(t.dataDir, 'renderer');
    fs.mkdirSync(staticDir);
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Школьный офис</title>');
    server = await startHttpServer({ dispatcher: t.dispatcher, staticDir });
    auth = { authorization: `Bearer ${await httpSignIn(server.url, ADMIN.login, ADMIN.password)}` };
  });
  afterAll(async () => {
    await server.close();
    await t.cleanup();
  });

  it('binds to 127.0.0.1 by default', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('refuses a state-changing call from a foreign page and changes nothing', async () => {
    const res = await fetch(`${server.url}/api/school.card.save`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example', ...auth },
      body: JSON.stringify({ card: CARD, version: 0 }),
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    const got = (await (await fetch(`${server.url}/api/school.card.get`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth } })).json()) as {
      value: { card: unknown };
    };
    expect(got.value.card).toBeNull();
  });

  it('accepts the same call from its own origin', async () => {
    const u = new URL(server.url);
    const res = await fetch(`${server.url}/api/school.card.save`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: `http://${u.host}`, ...auth },
      body: JSON.stringify({ card: CARD, version: 0 }),
    });
    expect(res.status).toBe(200);
  });

  it('rejects form posts and broken JSON', async () => {
    const form = await fetch(`${server.url}/api/school.card.get`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' });
    expect(form.status).toBe(415);
    // Anonymous callers are refused before their body is read; a signed-in one gets the parse error.
    const anonymous = await fetch(`${server.url}/api/school.card.get`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":' });
    expect(anonymous.status).toBe(401);
    const broken = await fetch(`${server.url}/api/school.card.get`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: '{"a":' });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { error: { message: string } }).error.message).toMatch(/JSON/);
  });

  it('serves the renderer with a strict CSP and falls back to index.html', async () => {
    const res = await fetch(`${server.url}/some/client/route`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await res.text()).toContain('Школьный офис');
    const escape = await fetch(`${server.url}/..%2f..%2fetc%2fpasswd`);
    expect(await escape.text()).not.toContain('root:');
  });
});

describe('IPC transport guards', () => {
  it('refuses calls from a subframe of our window, even on app://, and from a window we did not open', async () => {
    const t = await createTestCore('sqlite');
    try {
      await t.client.call('access.setup.createAdmin', ADMIN);
      const ipcSessions = () => t.core.db.selectFrom('appSession').select('id').where('transport', '=', 'ipc').execute();
      const sessions = createIpcSessions(t.core);
      const sub = createFakeIpcPair('app://school-office/index.html', 1, { subframe: true });
      registerIpc(sub.ipcMain, t.dispatcher, (id, method) => sessions.callerFor(id, method), sessions.afterCall, (id) => id === 1);
      const fromSub = await createApiClient(createPreloadApi(sub.ipcRenderer)).raw('access.signIn', { login: ADMIN.login, password: ADMIN.password });
      expect(fromSub).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      const stranger = createFakeIpcPair('app://school-office/index.html', 5);
      registerIpc(stranger.ipcMain, t.dispatcher, (id, method) => sessions.callerFor(id, method), sessions.afterCall, (id) => id === 1);
      expect(await createApiClient(createPreloadApi(stranger.ipcRenderer)).raw('access.session.state')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await ipcSessions()).toEqual([]);
    } finally {
      await t.cleanup();
    }
  });

  it('pushes events to a window only while it is signed in', async () => {
    const t = await createTestCore('sqlite');
    try {
      await t.client.call('access.setup.createAdmin', ADMIN);
      const sessions = createIpcSessions(t.core);
      const win = createFakeIpcPair('app://school-office/index.html', 1);
      registerIpc(win.ipcMain, t.dispatcher, (id, method) => sessions.callerFor(id, method), sessions.afterCall, (id) => id === 1);
      forwardEvents(signedInEvents((l) => t.dispatcher.core.events.subscribe(l), sessions), win.webContents, 1);
      const client = createApiClient(createPreloadApi(win.ipcRenderer));
      const seen: PushEvent[] = [];
      client.on((e) => seen.push(e));
      await t.client.call('system.backup.create', { jobId: 'before-sign-in' });
      expect(seen).toEqual([]);
      await client.call('access.signIn', { login: ADMIN.login, password: ADMIN.password });
      await t.client.call('system.backup.create', { jobId: 'signed-in' });
      expect(seen.some((e) => e.type === 'progress' && e.jobId === 'signed-in')).toBe(true);
      await client.call('access.signOut', {});
      const count = seen.length;
      await t.client.call('system.backup.create', { jobId: 'signed-out' });
      expect(seen).toHaveLength(count);
    } finally {
      await t.cleanup();
    }
  });

  it('refuses calls from a frame that is not an app page', async () => {
    const t = await createTestCore('sqlite');
    try {
      const pair = createFakeIpcPair('https://evil.example/');
      const sessions = createIpcSessions(t.core);
      registerIpc(pair.ipcMain, t.dispatcher, (id, method) => sessions.callerFor(id, method), sessions.afterCall, (id) => id === 1);
      const env = await createApiClient(createPreloadApi(pair.ipcRenderer)).raw('school.card.save', { card: CARD, version: 0 });
      expect(env).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect((await t.client.call('school.card.get')).card).toBeNull();
    } finally {
      await t.cleanup();
    }
  });
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import { countUsers } from '../../../src-main/core/access/repo/users';
import { startHttpServer, type RunningHttpServer } from '../../../src-main/http/server';
import { ADMIN } from '../../helpers/accessHelpers';
import { rawApi, rawRequest } from '../../helpers/rawHttp';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';

/**
 * DNS rebinding (issue 19, item 1): a page on evil.example whose name was rebound to 127.0.0.1 sends
 * `Host: evil.example:port` and `Origin: http://evil.example:port`. The server must answer only the
 * names it was started for, before any handler runs, and create the first administrator over HTTP
 * only with the one-time code `serve` printed on its console.
 */
describeEachDb('HTTP hosts, origins and the first-run code', (kind) => {
  let t: TestCore;
  let server: RunningHttpServer;
  let port: string;

  beforeAll(async () => {
    t = await createTestCore(kind);
    server = await startHttpServer({ dispatcher: t.dispatcher });
    port = new URL(server.url).port;
  });
  afterAll(async () => {
    await server.close();
    await t.cleanup();
  });

  it('refuses a rebound name before any handler: the first administrator is not created', async () => {
    const evil = `evil.example:${port}`;
    const code = t.core.firstRun.issue();
    const rebound = await rawApi(server.url, 'access.setup.createAdmin', { ...ADMIN, setupCode: code }, { host: evil, origin: `http://${evil}` });
    expect(rebound.status).toBe(421);
    expect(rebound.json().error?.message).toMatch(/адрес/i);
    expect(await countUsers(t.core.db)).toBe(0);
    // Static files, the event stream and the state query are refused too.
    for (const path of ['/', '/index.html', '/api/events']) {
      expect((await rawRequest(server.url, { method: 'GET', path, headers: { host: evil } })).status).toBe(421);
    }
    expect((await rawApi(server.url, 'access.session.state', {}, { host: evil })).status).toBe(421);
    // A name that only contains ours, another port, or no Host at all.
    for (const host of [`127.0.0.1.evil.example:${port}`, `localhost:${Number(port) + 1}`, 'localhost', `evil.example`]) {
      expect((await rawApi(server.url, 'access.session.state', {}, { host })).status, host).toBe(421);
    }
  });

  it('answers the loopback names it was started for, and refuses a foreign Origin on them', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) {
      const res = await rawApi(server.url, 'access.session.state', {}, { host, origin: `http://${host}` });
      expect(res.status, host).toBe(200);
    }
    const foreign = await rawApi(server.url, 'access.session.state', {}, { host: `127.0.0.1:${port}`, origin: `http://evil.example:${port}` });
    expect(foreign.status).toBe(403);
    expect(foreign.json().error?.message).toBe('Запрос с чужой страницы отклонён');
    const nullOrigin = await rawApi(server.url, 'access.session.state', {}, { host: `127.0.0.1:${port}`, origin: 'null' });
    expect(nullOrigin.status).toBe(403);
  });

  it('creates the first administrator over HTTP only with the one-time code from the console', async () => {
    const host = { host: `127.0.0.1:${port}` };
    const state = await rawApi(server.url, 'access.session.state', {}, host);
    expect(state.json<{ value: { setupRequired: boolean; setupCodeRequired: boolean } }>().value).toMatchObject({ setupRequired: true, setupCodeRequired: true });

    const without = await rawApi(server.url, 'access.setup.createAdmin', ADMIN, host);
    expect(without.status).toBe(403);
    expect(without.json().error?.message).toMatch(/код первого запуска/);
    const wrong = await rawApi(server.url, 'access.setup.createAdmin', { ...ADMIN, setupCode: '0000-0000' }, host);
    expect(wrong.status).toBe(403);
    expect(await countUsers(t.core.db)).toBe(0);

    const code = t.core.firstRun.issue();
    const spaced = ` ${code.replace('-', ' ')} `;
    const created = await rawApi(server.url, 'access.setup.createAdmin', { ...ADMIN, setupCode: spaced }, { ...host, 'x-auth-mode': 'bearer' });
    expect(created.status, created.text).toBe(200);
    expect(await countUsers(t.core.db)).toBe(1);
    // One time: the code is spent.
    expect(t.core.firstRun.current()).toBeNull();
  });
});

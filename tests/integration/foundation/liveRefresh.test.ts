import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHttpServer, type RunningHttpServer } from '../../../src-main/http/server';
import type { DataChangedEvent, PushEvent } from '../../../src-shared/events';
import { createApiClient, type ApiClient } from '../../../src-shared/transport';
import { startLiveRefresh } from '../../../src-renderer/api/liveRefresh';
import { makeStore } from '../../../src-renderer/app/store';
import { roomsApi } from '../../../src-renderer/features/rooms/roomsApi';
import { ADMIN, createSignedInUser, httpSignIn, USER_PASSWORD } from '../../helpers/accessHelpers';
import { createNodeHttpTransport } from '../../helpers/nodeHttpTransport';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';

/**
 * Two people at two PCs, each with the renderer's own store over HTTP: what one saves appears in the
 * other's open list without a reload, because the dispatcher announces every successful write and
 * the renderer invalidates the tags of what changed.
 */
describeEachDb('live refresh between two sessions over HTTP', (kind) => {
  let t: TestCore;
  let server: RunningHttpServer;
  const closers: (() => void)[] = [];

  async function openWindow(login: string, password: string) {
    const token = await httpSignIn(server.url, login, password);
    const transport = createNodeHttpTransport(server.url, { authorization: `Bearer ${token}` });
    const client: ApiClient = createApiClient(transport);
    const store = makeStore(client);
    const events: PushEvent[] = [];
    closers.push(client.on((e) => events.push(e)), startLiveRefresh(client.on, store.dispatch, 20), () => transport.close());
    return { client, store, events };
  }

  beforeAll(async () => {
    t = await createTestCore(kind);
    await t.client.call('access.setup.createAdmin', ADMIN);
    await createSignedInUser(t, { login: 'zavuch', roles: ['deputy'] });
    server = await startHttpServer({ dispatcher: t.dispatcher });
  });
  afterAll(async () => {
    for (const close of closers) close();
    await server.close();
    await t.cleanup();
  });

  it("refreshes the administrator's open list of rooms when the завуч adds and deletes one", async () => {
    const admin = await openWindow(ADMIN.login, ADMIN.password);
    const zavuch = await openWindow('zavuch', USER_PASSWORD);
    const list = admin.store.dispatch(roomsApi.endpoints.rooms.initiate());
    const numbers = () => (roomsApi.endpoints.rooms.select()(admin.store.getState()).data?.rooms ?? []).map((r) => r.number);
    await list;
    expect(numbers()).not.toContain('214');

    const types = await zavuch.client.call('setup.roomTypes.list');
    const saved = await zavuch.client.call('setup.rooms.save', { id: null, version: 0, room: { number: '214', typeId: types.types[0].id, capacity: 25 } });
    await expect.poll(numbers, { timeout: 5000 }).toContain('214');

    // The event names the kind and the record, and reached both windows (the writer's own too).
    const about = (w: { events: PushEvent[] }) => w.events.filter((e): e is DataChangedEvent => e.type === 'dataChanged' && e.entity === 'room');
    expect(about(admin)).toContainEqual({ type: 'dataChanged', entity: 'room', recordId: saved.id });
    expect(about(zavuch)).toContainEqual({ type: 'dataChanged', entity: 'room', recordId: saved.id });

    await zavuch.client.call('setup.rooms.delete', { id: saved.id, version: saved.version });
    await expect.poll(numbers, { timeout: 5000 }).not.toContain('214');
    list.unsubscribe();
  });

  it('announces nothing for a refused write', async () => {
    const admin = await openWindow(ADMIN.login, ADMIN.password);
    const before = admin.events.length;
    const env = await admin.client.raw('setup.rooms.save', { id: null, version: 0, room: { number: '', typeId: 'x' } });
    expect(env.ok).toBe(false);
    // A successful read afterwards proves the stream is alive and ordered after the refusal.
    await admin.client.call('setup.rooms.list');
    await new Promise((r) => setTimeout(r, 200));
    expect(admin.events.slice(before).filter((e) => e.type === 'dataChanged')).toEqual([]);
  });
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHttpServer, type RunningHttpServer } from '../../../src-main/http/server';
import type { DataChangedEvent, PushEvent } from '../../../src-shared/events';
import { createApiClient, type ApiClient } from '../../../src-shared/transport';
import { startLiveRefresh } from '../../../src-renderer/api/liveRefresh';
import { makeStore } from '../../../src-renderer/app/store';
import { peopleApi } from '../../../src-renderer/features/people/peopleApi';
import { roomsApi } from '../../../src-renderer/features/rooms/roomsApi';
import { timetableApi } from '../../../src-renderer/features/timetable/timetableApi';
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
    await createSignedInUser(t, { login: 'secretary', roles: ['secretary'] });
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

  it("keeps the administrator's open pupil list and pupil card current while the secretary enters and corrects a card", async () => {
    const admin = await openWindow(ADMIN.login, ADMIN.password);
    const secretary = await openWindow('secretary', USER_PASSWORD);
    const list = admin.store.dispatch(peopleApi.endpoints.pupils.initiate({ search: 'Лебедева' }));
    const names = () => (peopleApi.endpoints.pupils.select({ search: 'Лебедева' })(admin.store.getState()).data ?? []).map((p) => `${p.lastName} ${p.firstName}`);
    await list;
    expect(names()).toEqual([]);

    const created = await secretary.client.call('people.pupils.create', { lastName: 'Лебедева', firstName: 'Ксения', sex: 'Ж', birthDate: '2015-04-04' });
    await expect.poll(names, { timeout: 5000 }).toEqual(['Лебедева Ксения']);

    const card = admin.store.dispatch(peopleApi.endpoints.pupil.initiate({ id: created.id }));
    await card;
    await secretary.client.call('people.pupils.update', { id: created.id, version: created.version, firstName: 'Оксана', phoneMobile: '+7 (913) 000-11-22' });
    const phone = () => peopleApi.endpoints.pupil.select({ id: created.id })(admin.store.getState()).data?.phoneMobile;
    await expect.poll(phone, { timeout: 5000 }).toBe('+7 (913) 000-11-22');
    await expect.poll(names, { timeout: 5000 }).toEqual(['Лебедева Оксана']);
    card.unsubscribe();
    list.unsubscribe();
  });

  it("refreshes the timetable versions the administrator has open when the завуч adds, renames and deletes a draft", async () => {
    const admin = await openWindow(ADMIN.login, ADMIN.password);
    const zavuch = await openWindow('zavuch', USER_PASSWORD);
    const year = await t.client.call('setup.years.save', { id: null, version: 0, year: { name: '2031/2032', startDate: '2031-09-01', endDate: '2032-08-31' } });
    const arg = { yearId: year.id };
    const list = admin.store.dispatch(timetableApi.endpoints.timetableVersions.initiate(arg));
    const names = () => (timetableApi.endpoints.timetableVersions.select(arg)(admin.store.getState()).data?.versions ?? []).map((v) => v.name);
    await list;
    expect(names()).toEqual([]);

    const draft = await zavuch.client.call('timetable.version.create', { yearId: year.id, studyPeriodId: null, name: 'Черновик завуча' });
    await expect.poll(names, { timeout: 5000 }).toEqual(['Черновик завуча']);
    const renamed = await zavuch.client.call('timetable.version.update', { versionId: draft.id, version: draft.version, name: 'Второй вариант' });
    await expect.poll(names, { timeout: 5000 }).toEqual(['Второй вариант']);
    await zavuch.client.call('timetable.version.delete', { versionId: draft.id, version: renamed.version });
    await expect.poll(names, { timeout: 5000 }).toEqual([]);
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

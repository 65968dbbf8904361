import { describe, expect, it } from 'vitest';
import { createCoreClient } from '../../../src-main/electron/coreClient';
import type { FromCore, ToCore } from '../../../src-main/electron/coreProtocol';

/** The shell's half of the core process channel, against a scripted core on the other end. */
function pair() {
  const sent: ToCore[] = [];
  let deliver: (m: FromCore) => void = () => undefined;
  const client = createCoreClient({ postMessage: (m) => sent.push(structuredClone(m)), onMessage: (l) => (deliver = (m) => l(structuredClone(m))) });
  return { client, sent, deliver: (m: FromCore) => deliver(m) };
}

describe('core client (desktop shell ↔ core process)', () => {
  it('matches answers to calls by id, whatever order they come back in', async () => {
    const { client, sent, deliver } = pair();
    deliver({ type: 'ready', database: '/data/school-office.sqlite3' });
    expect(await client.ready).toBe('/data/school-office.sqlite3');
    const a = client.call(1, 'people.pupils.count', {});
    const b = client.call(2, 'system.status', {});
    expect(sent.map((m) => (m.type === 'call' ? [m.id, m.senderId, m.method] : m.type))).toEqual([
      [1, 1, 'people.pupils.count'],
      [2, 2, 'system.status'],
    ]);
    deliver({ type: 'result', id: 2, env: { ok: true, value: 'status' } });
    deliver({ type: 'result', id: 1, env: { ok: true, value: 7 } });
    expect(await a).toEqual({ ok: true, value: 7 });
    expect(await b).toEqual({ ok: true, value: 'status' });
  });

  it('fans push events out and stops after unsubscribing', () => {
    const { client, deliver } = pair();
    const seen: string[] = [];
    const off = client.onEvent((e) => seen.push(e.type));
    deliver({ type: 'event', event: { type: 'dataChanged', entity: 'pupil' }, to: [1] });
    off();
    deliver({ type: 'event', event: { type: 'dataChanged', entity: 'pupil' }, to: [1] });
    expect(seen).toEqual(['dataChanged']);
  });

  it('answers every waiting and later call with a Russian error once the core process is gone', async () => {
    const { client, sent } = pair();
    const waiting = client.call(1, 'people.pupils.list', {});
    client.closed('процесс ядра завершился с кодом 1');
    expect(await waiting).toMatchObject({ ok: false, error: { code: 'DB_UNAVAILABLE', message: expect.stringContaining('Ядро программы остановлено') } });
    expect(await client.call(1, 'system.status', {})).toMatchObject({ ok: false, error: { code: 'DB_UNAVAILABLE' } });
    await expect(client.ready).rejects.toThrow('завершился');
    expect(sent).toHaveLength(1);
  });

  it('reports a core that could not open the database', async () => {
    const { client, deliver } = pair();
    deliver({ type: 'fatal', message: 'База данных новее программы' });
    await expect(client.ready).rejects.toThrow('База данных новее программы');
  });
});

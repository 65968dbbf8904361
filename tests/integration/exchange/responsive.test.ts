import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHttpServer, type RunningHttpServer } from '../../../src-main/http/server';
import type { PullPreview, PullReport } from '../../../src-shared/contract/exchange';
import type { Envelope } from '../../../src-shared/errors';
import type { PushEvent } from '../../../src-shared/events';
import { httpSignIn } from '../../helpers/accessHelpers';
import { fingerprint } from '../../helpers/dbFingerprint';
import { b64, demoPortal, exportCmOf, pupilExportXls, staffExportCsv } from '../../helpers/portalFiles';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';
import { insertCurrentYear } from './exchangeFixture';

/**
 * A pull never blocks the office (issue 18, item 5): the apply of the demo school's files runs in a
 * worker, and over loopback HTTP another user's requests keep being answered while it writes; it
 * reports progress under the job id the client chose, and «Остановить» leaves the database as it was.
 */
const portal = demoPortal();
const files = [
  { fileName: 'ExportCM.nsxml', contentBase64: b64(exportCmOf(portal).bytes) },
  { fileName: 'Сотрудники.csv', contentBase64: b64(staffExportCsv(portal)) },
  { fileName: 'Список учащихся.xls', contentBase64: b64(pupilExportXls(portal)) },
];

describeEachDb('portal pull off the request path', (kind) => {
  let t: TestCore;
  let server: RunningHttpServer;
  let post: <T>(method: string, body: unknown) => Promise<T>;
  const events: PushEvent[] = [];
  beforeAll(async () => {
    t = await createTestCore(kind);
    await insertCurrentYear(t);
    await t.client.call('access.setup.createAdmin', { login: 'admin', fullName: 'Админова Анна', password: 'Admin-2026-pass' });
    server = await startHttpServer({ dispatcher: t.dispatcher });
    const token = await httpSignIn(server.url, 'admin', 'Admin-2026-pass');
    post = async <T>(method: string, body: unknown): Promise<T> => {
      const res = await fetch(`${server.url}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
      const env = (await res.json()) as Envelope<T>;
      if (!env.ok) throw Object.assign(new Error(env.error.message), { code: env.error.code });
      return env.value;
    };
    t.core.events.subscribe((e) => events.push(e));
  });
  afterAll(async () => {
    await server?.close();
    await t?.cleanup();
  });

  it('stops an apply on request: nothing of it is kept', async () => {
    const preview = await post<PullPreview>('exchange.pull.preview', { files });
    const before = await fingerprint(t);
    const jobId = `stop-${kind}`;
    const applying = post<PullReport>('exchange.pull.apply', { exchangeId: preview.exchangeId, version: preview.version, decisions: {}, jobId }).then(
      () => null,
      (e: { code?: string; message: string }) => e,
    );
    // Stopped once it has started writing.
    for (let i = 0; i < 600 && !events.some((e) => e.type === 'progress' && e.jobId === jobId && e.message?.startsWith('Запись')); i++) await new Promise((r) => setTimeout(r, 50));
    expect(await post<{ stopped: boolean }>('exchange.pull.stop', { jobId })).toEqual({ stopped: true });
    const refused = await applying;
    expect(refused).toMatchObject({ code: 'CANCELLED', message: expect.stringContaining('«Загрузка из портала: запись» отменена пользователем') });
    // The stop request itself leaves an audit row; everything else is as before.
    const a = JSON.parse(before) as Record<string, string[]>;
    const b = JSON.parse(await fingerprint(t)) as Record<string, string[]>;
    expect(Object.keys(a).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))).toEqual(['audit_log']);
    expect(b.audit_log.length - a.audit_log.length).toBe(1);
    expect(events.filter((e) => e.type === 'progress' && e.jobId === jobId).at(-1)).toMatchObject({ finished: true, message: 'Отменено' });
  });

  it('answers other users while a pull writes the whole school, and reports progress', async () => {
    const preview = await post<PullPreview>('exchange.pull.preview', { files });
    const jobId = `apply-${kind}`;
    const started = Date.now();
    let done = 0;
    const applying = post<PullReport>('exchange.pull.apply', { exchangeId: preview.exchangeId, version: preview.version, decisions: {}, jobId }).finally(() => (done = Date.now()));
    const latencies: number[] = [];
    while (!done) {
      const t0 = Date.now();
      await post('people.pupils.list', { limit: 50 });
      await post('system.status', {});
      if (!done) latencies.push(Date.now() - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
    const report = await applying;
    const took = done - started;
    expect(report.written.pupil).toBe(portal.school.pupils.length);
    // Another user was answered again and again while the apply ran, each time well within it.
    latencies.sort((x, y) => x - y);
    expect(latencies.length).toBeGreaterThanOrEqual(10);
    expect(latencies[Math.floor(latencies.length * 0.95)]).toBeLessThan(Math.min(2000, took / 3));
    const progress = events.filter((e) => e.type === 'progress' && e.jobId === jobId);
    expect(progress.some((e) => e.type === 'progress' && e.message?.startsWith('Запись'))).toBe(true);
    expect(progress.at(-1)).toMatchObject({ finished: true, message: 'Готово' });
  }, 300_000); // It writes the whole demo school twice over (preview, apply); on PostgreSQL under load 20 that took 160 s.
});

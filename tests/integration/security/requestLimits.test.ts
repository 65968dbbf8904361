import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHttpServer, type RunningHttpServer } from '../../../src-main/http/server';
import { ADMIN, httpSignIn } from '../../helpers/accessHelpers';
import { partialUpload, rawApi, rawRequest } from '../../helpers/rawHttp';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';

/**
 * Request limits (issue 19, item 3), over loopback: the session is checked before the body is read,
 * bodies have per-method limits answered with 413 and a Russian message, and broken URLs get 400.
 */
describeEachDb('HTTP request limits', (kind) => {
  let t: TestCore;
  let server: RunningHttpServer;
  let auth: Record<string, string>;

  beforeAll(async () => {
    t = await createTestCore(kind);
    await t.client.call('access.setup.createAdmin', ADMIN);
    server = await startHttpServer({ dispatcher: t.dispatcher });
    auth = { authorization: `Bearer ${await httpSignIn(server.url, ADMIN.login, ADMIN.password)}` };
  });
  afterAll(async () => {
    await server.close();
    await t.cleanup();
  });

  it('answers an anonymous 11 MB body to a signed-in method with 401 before reading it', async () => {
    const r = await partialUpload(server.url, { path: '/api/people.pupils.list', totalBytes: 11 * 1024 * 1024, firstBytes: 64 * 1024 });
    expect(r.status).toBe(401);
    expect(r.sentBytes).toBeLessThan(11 * 1024 * 1024);
    expect(JSON.parse(r.text).error.code).toBe('UNAUTHENTICATED');
  });

  it('answers an anonymous big body to an open method with 413 before reading it, declared or chunked', async () => {
    for (const declareLength of [true, false]) {
      const r = await partialUpload(server.url, { path: '/api/access.signIn', totalBytes: 200 * 1024 * 1024, firstBytes: 256 * 1024, declareLength });
      expect(r.status, `declared length: ${declareLength}`).toBe(413);
      expect(JSON.parse(r.text).error.message).toMatch(/^Запрос слишком велик/);
      expect(r.sentBytes).toBeLessThan(200 * 1024 * 1024);
    }
  });

  it('refuses 1e6 keys from an anonymous caller without parsing them, and still answers others', async () => {
    const keys = `{${Array.from({ length: 1_000_000 }, (_, i) => `"k${i}":1`).join(',')}}`;
    expect(keys.length).toBeGreaterThan(10_000_000);
    const [sent, status] = await Promise.all([
      rawRequest(server.url, { path: '/api/access.signIn', headers: { 'content-type': 'application/json' }, body: keys }).catch((e: Error) => e),
      rawApi(server.url, 'system.status', {}),
    ]);
    expect(status.status).toBe(200);
    // Either the 413 arrives, or the server closed the socket after answering it mid-upload.
    if (!(sent instanceof Error)) expect(sent.status).toBe(413);
  });

  it('limits a signed-in caller per method: small for ordinary calls, large for file uploads', async () => {
    const big = 'x'.repeat(5 * 1024 * 1024);
    const small = await rawApi(server.url, 'school.card.save', { card: { fullName: big }, version: 0 }, auth);
    expect(small.status).toBe(413);
    expect(small.json().error?.message).toMatch(/^Запрос слишком велик: не больше 4 МБ/);
    // A 15 MB portal file goes through to the reader, which refuses it whole, naming the file.
    const upload = await rawApi(server.url, 'exchange.pull.preview', { files: [{ fileName: 'big.csv', contentBase64: Buffer.alloc(11 * 1024 * 1024, 0x41).toString('base64') }] }, auth);
    expect(upload.status).not.toBe(413);
    expect(upload.status).toBe(400);
    expect(upload.json().error?.message).toMatch(/^Файл «big\.csv» не загружен/);
  });

  it('answers broken percent-encodings with 400, on the API and on pages', async () => {
    for (const path of ['/%', '/%E0%A4%A', '/api/%', '/api/people.%ZZ', '/assets/%c0%af']) {
      const res = await rawRequest(server.url, { method: path.startsWith('/api/') ? 'POST' : 'GET', path, headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(res.status, path).toBe(400);
      expect(res.json().error?.message).toMatch(/адрес/i);
    }
  });
});
